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
import org.mailmigrator.core.spi.Shared;

/**
 * The IMAP connector, source and destination, on Angus Mail. Sessions offer
 * {@link org.mailmigrator.core.mail.MailStore}. Usable without OSGi (the crash tests start it in a bare JVM).
 */
public final class ImapConnector implements Connector {
    /** What its sessions keep when the context brings no runner's {@link Shared} (a test, a connection test). */
    private final Shared own = new Shared();

    /**
     * Big messages are kept in memory instead of a temporary file within one budget ({@link HeldBodies}) and what
     * sessions measure of a server's link is kept ({@link Links}, compress=auto), both for every session of the
     * runner ({@link ConnectContext#shared()}: a batch's passes, a command's), else of this instance.
     */
    @Override
    public ConnectorSession open(Account account, Role role, ConnectContext context) throws ConnectorException {
        ImapSettings settings = ImapSettings.of(account);
        var signIn = context.signIn().orElseThrow(() -> new ConnectorException.AccountFailure(
                "no password given for " + settings.describe(), Reason.AUTHENTICATION, null));
        Shared shared = context.shared().orElse(own);
        return ImapSession.open(settings, signIn, context, shared.get(HeldBodies.class, HeldBodies::forHeap),
                shared.get(Links.class, Links::new), role);
    }
}
