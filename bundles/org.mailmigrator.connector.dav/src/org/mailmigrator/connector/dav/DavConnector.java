package org.mailmigrator.connector.dav;

import org.mailmigrator.connector.dav.internal.DavSession;
import org.mailmigrator.connector.dav.internal.DavSettings;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.Connector;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/** CalDAV and CardDAV destination: offers a {@link org.mailmigrator.core.pim.PimWriter}. */
public final class DavConnector implements Connector {

    @Override
    public ConnectorSession open(Account account, Role role, ConnectContext context) throws ConnectorException {
        if (role != Role.DESTINATION) {
            throw new ConnectorException.AccountFailure("the dav connector only writes (destination)", null);
        }
        DavSettings settings = DavSettings.of(account, context);
        return DavSession.open(settings);
    }
}
