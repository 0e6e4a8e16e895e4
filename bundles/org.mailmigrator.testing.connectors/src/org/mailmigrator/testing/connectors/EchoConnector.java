package org.mailmigrator.testing.connectors;

import java.util.Optional;

import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.Connector;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/** Test connector: opens a session that offers no capability; refuses an account without a credential. */
public final class EchoConnector implements Connector {

    @Override
    public ConnectorSession open(Account account, Role role, ConnectContext context) throws ConnectorException {
        if (context.credential().isEmpty()) {
            throw new ConnectorException.AccountFailure("no password for " + account.setting("login").orElse("?"), null);
        }
        return new ConnectorSession() {
            @Override
            public <T> Optional<T> capability(Class<T> type) {
                return Optional.empty();
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }
}
