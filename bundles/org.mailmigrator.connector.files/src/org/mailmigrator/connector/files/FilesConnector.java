package org.mailmigrator.connector.files;

import java.nio.file.Path;

import org.mailmigrator.connector.files.internal.Detect;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.Connector;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/**
 * Mail files as a source (connector id {@code files}): setting {@code path} (an mbox file or tree, a Maildir, a
 * folder of .eml files, Apple Mail's .emlx store, MH folders, a Google Takeout .mbox), {@code format} ({@code auto} recognises it from the content) and
 * {@code fromQuoting} ({@code mboxrd}: one {@code >} removed from {@code >From } lines; {@code keep}). Read only:
 * it is never a destination. See docs/file-sources.md.
 */
public final class FilesConnector implements Connector {
    @Override
    public ConnectorSession open(Account account, Role role, ConnectContext context) throws ConnectorException {
        if (role != Role.SOURCE) {
            throw new ConnectorException.AccountFailure("mail files can only be a source", null);
        }
        String path = account.setting("path").filter(p -> !p.isBlank()).orElseThrow(
                () -> new ConnectorException.AccountFailure("the setting 'path' must name a mail file or folder", null));
        boolean unquote = !account.setting("fromQuoting").filter("keep"::equalsIgnoreCase).isPresent();
        MailStore store = Detect.open(Path.of(path), account.setting("format").orElse("auto"), unquote);
        return ConnectorSession.offering(MailStore.class, store);
    }
}
