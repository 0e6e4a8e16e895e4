package org.mailmigrator.core.spi;

import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Optional;

import org.mailmigrator.core.spi.ConnectorException.AccountFailure.Reason;

/**
 * One wording for a server name that does not resolve, whatever the protocol (IMAP, CalDAV/CardDAV, EWS): "no such
 * host HOST (DNS)". Not "refused" (nothing answered), not "unknown host" plus a Java class name, and said before any
 * retry: a name that does not resolve stops the pair with {@link Reason#CONNECTION}. The batch's error causes group
 * rows by these words ("server not found").
 */
public final class HostFailures {
    private HostFailures() {
    }

    /** Whether the failure (or one of its causes) is a name that did not resolve. */
    public static boolean unresolved(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The failure for a host name that did not resolve; {@code who} names the account (login@host:port, never a
     * secret) and may be null when there is no account to name.
     */
    public static ConnectorException.AccountFailure noSuchHost(String host, String who, Throwable cause) {
        return new ConnectorException.AccountFailure("no such host " + host + " (DNS)"
                + (who == null || who.isBlank() ? "" : " for " + who) + ": check the server name", Reason.CONNECTION, cause);
    }

    /** {@link #noSuchHost} when {@code e} is a name that did not resolve, else empty. */
    public static Optional<ConnectorException.AccountFailure> ifUnresolved(Throwable e, String host, String who) {
        return unresolved(e) ? Optional.of(noSuchHost(host, who, e)) : Optional.empty();
    }
}
