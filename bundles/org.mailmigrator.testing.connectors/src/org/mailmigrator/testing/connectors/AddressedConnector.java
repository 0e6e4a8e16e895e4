package org.mailmigrator.testing.connectors;

import java.util.TreeMap;

import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.Connector;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/**
 * Test connector of a contributed URL scheme ({@code echo://LOGIN@HOST[:PORT]}): it connects nowhere and
 * refuses every account with a message that repeats the settings it was given, so that a test sees what the
 * command line made of the URL.
 */
public final class AddressedConnector implements Connector {

    @Override
    public ConnectorSession open(Account account, Role role, ConnectContext context) throws ConnectorException {
        throw new ConnectorException.AccountFailure("test connector " + account.connectorId() + " opened as "
                + role.id() + " with " + new TreeMap<>(account.settings()), null);
    }
}
