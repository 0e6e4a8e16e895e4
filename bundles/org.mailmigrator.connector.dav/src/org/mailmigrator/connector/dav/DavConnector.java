package org.mailmigrator.connector.dav;

import org.mailmigrator.connector.dav.internal.DavSession;
import org.mailmigrator.connector.dav.internal.DavSettings;
import org.mailmigrator.connector.dav.internal.DavSourceSession;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.Connector;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/**
 * CalDAV and CardDAV: as a destination offers a {@link org.mailmigrator.core.pim.PimWriter}; as a source a
 * {@link org.mailmigrator.core.pim.PimReader} of every calendar and address book found from the account's URL.
 */
public final class DavConnector implements Connector {

    @Override
    public ConnectorSession open(Account account, Role role, ConnectContext context) throws ConnectorException {
        DavSettings settings = DavSettings.of(account, context);
        return role == Role.SOURCE ? DavSourceSession.open(settings) : DavSession.open(settings);
    }
}
