package org.mailmigrator.connector.imap;

import org.mailmigrator.connector.imap.internal.HeldBodies;
import org.mailmigrator.connector.imap.internal.ImapSession;
import org.mailmigrator.connector.imap.internal.ImapSettings;
import org.mailmigrator.connector.imap.internal.Links;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.Connector;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorException.AccountFailure.Reason;
import org.mailmigrator.core.spi.ConnectorSession;

/**
 * The IMAP connector, source and destination, on Angus Mail. Sessions offer
 * {@link org.mailmigrator.core.mail.MailStore}. Usable without OSGi (the crash tests start it in a bare JVM).
 */
public final class ImapConnector implements Connector {
    /** Big messages kept in memory instead of a temporary file, within one budget for all this connector's sessions. */
    private final HeldBodies held = HeldBodies.forHeap();
    /** What its sessions measured of each server's link (compress=auto): one instance serves the sessions of a pass. */
    private final Links links = new Links();

    @Override
    public ConnectorSession open(Account account, Role role, ConnectContext context) throws ConnectorException {
        ImapSettings settings = ImapSettings.of(account);
        var signIn = context.signIn().orElseThrow(() -> new ConnectorException.AccountFailure(
                "no password given for " + settings.describe(), Reason.AUTHENTICATION, null));
        return ImapSession.open(settings, signIn, context, held, links);
    }
}
