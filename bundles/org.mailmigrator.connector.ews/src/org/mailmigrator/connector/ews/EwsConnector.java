package org.mailmigrator.connector.ews;

import org.mailmigrator.connector.ews.internal.EwsSession;
import org.mailmigrator.connector.ews.internal.EwsSettings;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.Connector;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/**
 * Exchange Web Services: a destination for mail ({@link org.mailmigrator.core.mail.MailStore}) and for events, tasks
 * and contacts ({@link org.mailmigrator.core.pim.PimWriter}); a source of mail (docs/ews-source.md), with
 * EWS impersonation when the {@code impersonate} setting names the mailbox; a source of calendars, tasks and contacts
 * too ({@link org.mailmigrator.core.pim.PimReader}).
 */
public final class EwsConnector implements Connector {

    @Override
    public ConnectorSession open(Account account, Role role, ConnectContext context) throws ConnectorException {
        return EwsSession.open(EwsSettings.of(account, context), role == Role.SOURCE);
    }
}
