package org.mailmigrator.testing.connectors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.Connector;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/**
 * A test-only mail source whose item ids are strings, not numbers: a directory whose sub-directories are folders
 * and whose {@code .eml} files are messages (setting {@code directory}). It exists to prove the engine needs no
 * IMAP numbers; see {@link EmlStore} for its ids, epoch and change token.
 */
public final class EmlDirectoryConnector implements Connector {
    @Override
    public ConnectorSession open(Account account, Role role, ConnectContext context) throws ConnectorException {
        if (role != Role.SOURCE) {
            throw new ConnectorException.AccountFailure("a directory of .eml files can only be a source", null);
        }
        String dir = account.settings().get("directory");
        if (dir == null || !Files.isDirectory(Path.of(dir))) {
            throw new ConnectorException.AccountFailure("the setting 'directory' must name a directory: " + dir, null);
        }
        EmlStore store = new EmlStore(Path.of(dir));
        return ConnectorSession.offering(MailStore.class, store);
    }

    static ConnectorException failure(String what, IOException e) {
        return new ConnectorException.TransientFailure(what + ": " + e.getMessage(), e);
    }
}
