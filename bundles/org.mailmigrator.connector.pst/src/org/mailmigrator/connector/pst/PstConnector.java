package org.mailmigrator.connector.pst;

import java.nio.file.Path;

import org.mailmigrator.connector.pst.internal.PstOpen;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.Connector;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/**
 * An Outlook data file (.pst or .ost) as a mail source (connector id {@code pst}, setting {@code path}): its mail
 * folders, each message rebuilt as MIME. Read only: it is never a destination. See docs/file-sources.md.
 */
public final class PstConnector implements Connector {
    @Override
    public ConnectorSession open(Account account, Role role, ConnectContext context) throws ConnectorException {
        if (role != Role.SOURCE) {
            throw new ConnectorException.AccountFailure("an Outlook data file can only be a source", null);
        }
        String path = account.setting("path").filter(p -> !p.isBlank()).orElseThrow(
                () -> new ConnectorException.AccountFailure("the setting 'path' must name a .pst or .ost file", null));
        String read = account.setting("read").orElse("all");
        if (!java.util.Set.of("all", "calendars", "contacts").contains(read)) {
            throw new ConnectorException.AccountFailure("the setting 'read' must be all, calendars or contacts, not '" + read + "'", null);
        }
        return PstOpen.session(Path.of(path), read);
    }
}
