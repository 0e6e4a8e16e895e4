package org.mailmigrator.connector.ews;

import org.mailmigrator.connector.ews.internal.EwsSession;
import org.mailmigrator.connector.ews.internal.EwsSettings;
import org.mailmigrator.connector.ews.internal.PerMailbox;
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
 * too ({@link org.mailmigrator.core.pim.PimReader}). The sessions one instance opens share, per mailbox, a limit of
 * sync calls in flight (the {@code maxSyncCalls} setting, Exchange's {@code ConcurrentSyncCalls}) and, as a source,
 * the folder tree read in the pass: one instance serves every session of a pass (the registry creates one per
 * account of a pass).
 */
public final class EwsConnector implements Connector {
    private final PerMailbox mailboxes = new PerMailbox();

    @Override
    public ConnectorSession open(Account account, Role role, ConnectContext context) throws ConnectorException {
        return EwsSession.open(EwsSettings.of(account, context), role == Role.SOURCE, mailboxes);
    }
}
