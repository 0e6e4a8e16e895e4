package org.example.mailmigrator.connector;

import java.util.Optional;

import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.Connector;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/** A destination that accepts a session and offers no capability: the smallest possible connector. */
public final class DiscardConnector implements Connector {

    @Override
    public ConnectorSession open(Account account, Role role, ConnectContext context) throws ConnectorException {
        if (role != Role.DESTINATION) {
            throw new ConnectorException.AccountFailure("the discard connector cannot be a source", null);
        }
        return new ConnectorSession() {
            @Override
            public <T> Optional<T> capability(Class<T> type) {
                return Optional.empty();
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }
}
