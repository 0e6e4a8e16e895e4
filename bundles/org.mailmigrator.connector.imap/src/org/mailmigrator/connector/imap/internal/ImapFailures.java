package org.mailmigrator.connector.imap.internal;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;

import javax.net.ssl.SSLException;

import org.eclipse.angus.mail.iap.CommandFailedException;
import org.eclipse.angus.mail.iap.ConnectionException;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.HostFailures;
import org.mailmigrator.core.spi.LimitAnswers;
import org.mailmigrator.core.spi.PinningTrustManager;
import org.mailmigrator.core.spi.ConnectorException.AccountFailure.Reason;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;

/**
 * Types what Angus Mail throws by what the engine must do: a dropped connection is transient (retry), a
 * refused login or an untrusted certificate stops the pair, an unknown host too. Messages name the account
 * (login@host:port) and never the password.
 */
final class ImapFailures {
    private ImapFailures() {
    }

    static ConnectorException connect(Exception e, ImapSettings s, PinningTrustManager trust) {
        String who = s.describe();
        if (e instanceof AuthenticationFailedException && LimitAnswers.tooManyConnections(e.getMessage())) {
            // the password was right: the user has as many connections as the server allows (the run's own or a
            // mail client's); not a refused login
            return new ConnectorException.Throttled("the server refuses more connections of " + who + ": "
                    + clean(e.getMessage()), 0, e);
        }
        if (e instanceof AuthenticationFailedException) {
            return new ConnectorException.AccountFailure("login refused for " + who + ": "
                    + clean(e.getMessage()), Reason.AUTHENTICATION, e);
        }
        if (HostFailures.unresolved(e)) {
            // the name did not resolve: not "refused" (nothing answered), and said so before any retry
            return HostFailures.noSuchHost(s.host(), who, e);
        }
        if (trust != null && trust.refusedFingerprint() != null) {
            return new ConnectorException.AccountFailure(trust.refusal(s.host(), s.port()), Reason.CERTIFICATE, e);
        }
        if (s.security() != ImapSettings.Security.TLS && has(e, GreetingSockets.NoGreeting.class)) {
            if (PortProbe.speaksTls(s.host(), s.port())) {
                return new ConnectorException.AccountFailure(who + ": this port speaks TLS; use imaps:// (security tls)",
                        Reason.CONNECTION, e);
            }
            return new ConnectorException.TransientFailure("connecting to " + who + ": " + rootMessage(e), e);
        }
        if (s.security() == ImapSettings.Security.TLS && has(e, SSLException.class) && trust != null
                && trust.refusedFingerprint() == null && PortProbe.speaksPlainImap(s.host(), s.port())) {
            return new ConnectorException.AccountFailure(who + ": this port speaks plain IMAP; use imap:// (STARTTLS)",
                    Reason.CONNECTION, e);
        }
        String text = String.valueOf(e.getMessage());
        if (text.contains("STARTTLS")) {
            return new ConnectorException.AccountFailure(who + ": the server does not offer STARTTLS, which is "
                    + "required; use imaps:// or allow plaintext explicitly", Reason.CONNECTION, e);
        }
        if (has(e, SSLException.class)) {
            return new ConnectorException.AccountFailure("TLS with " + who + " failed: " + rootMessage(e),
                    Reason.CONNECTION, e);
        }
        if (has(e, ConnectException.class) || has(e, SocketTimeoutException.class)
                || has(e, NoRouteToHostException.class)) {
            return new ConnectorException.TransientFailure("cannot connect to " + who + ": " + rootMessage(e), e);
        }
        return new ConnectorException.TransientFailure("connecting to " + who + " failed: " + rootMessage(e), e);
    }

    /** A failure during a command on an established session. */
    static ConnectorException during(String what, MessagingException e) {
        ConnectorException stalled = StallWatch.failure(what, e);
        if (stalled != null) {
            return stalled;
        }
        java.util.Optional<ConnectorException.Throttled> limit = limit(what, e);
        if (limit.isPresent()) {
            return limit.get();
        }
        if (e instanceof FolderClosedException || e instanceof StoreClosedException
                || has(e, ConnectionException.class) || has(e, java.io.IOException.class)) {
            return new ConnectorException.TransientFailure(what + ": connection lost: " + withoutClassNames(rootMessage(e)), e);
        }
        if (has(e, CommandFailedException.class)) {
            return new ConnectorException.AccountFailure(what + ": the server refused: " + clean(rootMessage(e)),
                    Reason.CONFIGURATION, e);
        }
        return new ConnectorException.TransientFailure(what + ": " + rootMessage(e), e);
    }

    /**
     * A provider's limit answer anywhere in the failure's chain (Gmail's {@code [THROTTLED]}, its bandwidth
     * {@code [OVERQUOTA]}, {@code BYE Session expired}, Microsoft's suggested backoff): typed as throttled, so the
     * engine backs off and reconnects instead of counting a lost connection.
     */
    static java.util.Optional<ConnectorException.Throttled> limit(String what, Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            java.util.Optional<ConnectorException.Throttled> t = LimitAnswers.throttled(what, ServerText.clean(c.getMessage()), e);
            if (t.isPresent()) {
                return t;
            }
            if (c instanceof MessagingException m && m.getNextException() != null && m.getNextException() != c.getCause()) {
                t = limit(what, m.getNextException());
                if (t.isPresent()) {
                    return t;
                }
            }
        }
        return java.util.Optional.empty();
    }

    static boolean has(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
            if (c instanceof MessagingException m && m.getNextException() != null && m.getNextException() != c.getCause()
                    && has(m.getNextException(), type)) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : ServerText.decode(c.getMessage());
    }

    /** Angus's "* BYE Jakarta Mail Exception: java.io.IOException: Connection dropped by server?" for a person. */
    static String withoutClassNames(String text) {
        String t = text.replace("* BYE Jakarta Mail Exception: ", "").replaceAll("\\b(?:java|javax|jakarta|org)\\.[\\w.]*(?:Exception|Error): ?", "").trim();
        return t.isEmpty() ? "closed by the server or the network" : t;
    }

    private static String clean(String serverText) {
        return ServerText.clean(serverText);
    }
}
