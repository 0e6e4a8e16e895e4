package org.mailmigrator.connector.graph;

import org.mailmigrator.connector.graph.internal.GraphSession;
import org.mailmigrator.connector.graph.internal.GraphSettings;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.Connector;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/**
 * Microsoft Graph: events (with their original time zones, recurrences and modified or deleted occurrences),
 * contacts and Microsoft To Do tasks of one mailbox ({@code /users/UPN/...}), as a
 * {@link org.mailmigrator.core.pim.PimWriter} (destination) and a {@link org.mailmigrator.core.pim.PimReader}
 * (source). Signs in with an OAuth2 bearer token only (app-only client credentials in practice).
 */
public final class GraphConnector implements Connector {

    @Override
    public ConnectorSession open(Account account, Role role, ConnectContext context) throws ConnectorException {
        return GraphSession.open(GraphSettings.of(account, context));
    }
}
