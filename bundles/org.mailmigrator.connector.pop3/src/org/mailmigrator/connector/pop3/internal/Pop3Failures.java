package org.mailmigrator.connector.pop3.internal;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.stream.Stream;

import javax.net.ssl.SSLException;

import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorException.AccountFailure.Reason;
import org.mailmigrator.core.spi.PinningTrustManager;

import jakarta.mail.AuthenticationFailedException;

/**
 * Types what Angus's POP3 provider throws by what the engine must do: a refused login, an untrusted certificate,
 * a missing STLS or an unknown host stop the pair; a refused or dropped connection is retried. Messages name the
 * account (login@host:port) and never the password.
 */
final class Pop3Failures {
    private Pop3Failures() {
    }

    static ConnectorException connect(Exception e, Pop3Settings s, PinningTrustManager trust) {
        String who = s.describe();
        // Angus says "STLS required but not supported" with an AuthenticationFailedException: checked first
        if (s.starttls() && String.valueOf(e.getMessage()).contains("STLS")) {
            return new ConnectorException.AccountFailure(who + ": the server does not offer STLS, which is required;"
                    + " use pop3s:// or allow plaintext explicitly", Reason.CONNECTION, e);
        }
        if (e instanceof AuthenticationFailedException) {
            return new ConnectorException.AccountFailure("login refused for " + who + ": " + server(e.getMessage()),
                    Reason.AUTHENTICATION, e);
        }
        if (has(e, UnknownHostException.class)) {
            return new ConnectorException.AccountFailure("no such host " + s.host() + " (DNS) for " + who
                    + ": check the server name", Reason.CONNECTION, e);
        }
        if (trust != null && trust.refusal(s.host(), s.port()) != null) {
            return new ConnectorException.AccountFailure(trust.refusal(s.host(), s.port()), Reason.CERTIFICATE, e);
        }
        if (has(e, SSLException.class)) {
            return new ConnectorException.AccountFailure("TLS with " + who + " failed: " + root(e)
                    + (s.tls() ? " (a port without implicit TLS? use pop3:// for STLS)" : ""), Reason.CONNECTION, e);
        }
        if (has(e, ConnectException.class) || has(e, SocketTimeoutException.class)
                || has(e, NoRouteToHostException.class)) {
            return new ConnectorException.TransientFailure("cannot connect to " + who + ": " + root(e), e);
        }
        return new ConnectorException.TransientFailure("connecting to " + who + " failed: " + root(e), e);
    }

    /** A failure of the session itself (the connection dropped): the pass is retried on a new session. */
    static ConnectorException.TransientFailure lost(String what, Exception e) {
        return new ConnectorException.TransientFailure(what + ": connection lost: " + root(e), e);
    }

    /** True when {@code type} is in the cause chain (a MessagingException's cause is its "next exception"). */
    static boolean has(Throwable t, Class<? extends Throwable> type) {
        return causes(t).anyMatch(type::isInstance);
    }

    /** True when a message in the cause chain contains {@code text} (Angus wraps the server's answer). */
    static boolean mentions(Throwable t, String text) {
        return causes(t).anyMatch(c -> String.valueOf(c.getMessage()).contains(text));
    }

    /** The innermost cause's message, for a person. */
    static String root(Throwable t) {
        Throwable last = causes(t).reduce((a, b) -> b).orElse(t);
        return last.getMessage() == null ? last.getClass().getSimpleName() : server(last.getMessage());
    }

    private static Stream<Throwable> causes(Throwable t) {
        return Stream.iterate(t, Objects::nonNull, c -> c.getCause() == c ? null : c.getCause()).limit(32);
    }

    /** A server's text for a message: one line, no control characters, not endless. */
    static String server(String text) {
        String t = text == null ? "" : text.replaceAll("[\\p{Cntrl}]+", " ").trim();
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }
}
