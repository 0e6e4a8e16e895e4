package org.mailmigrator.core.spi;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words providers use when a client goes past their limits, so that every connector types them the same
 * way: a "slow down" answer is {@link ConnectorException.Throttled} (back off, reconnect, go on), not a lost
 * connection and not a full mailbox. Known answers:
 * <ul>
 * <li>Gmail: {@code NO [THROTTLED]}, {@code [OVERQUOTA] Account exceeded command or bandwidth limits},
 * {@code * BYE Session expired} (the session must be opened again);</li>
 * <li>Microsoft (IMAP and EWS/Graph): {@code Request is throttled. Suggested Backoff Time: N milliseconds}.</li>
 * <li>A per-user connection limit, at login or when a session opens another connection: Dovecot's {@code [LIMIT]
 * Maximum number of connections from user+IP exceeded}, Gmail's {@code Too many simultaneous connections}
 * ({@link #tooManyConnections}): wait for one of the run's other connections to close.</li>
 * </ul>
 * A destination that is full ({@code [OVERQUOTA]} on APPEND without Gmail's bandwidth words, RFC 5530) is
 * {@link #mailboxFull(String)}; a message over the server's size limit ({@code [TOOBIG]}, RFC 4469/7889) is
 * {@link #tooBig(String)}.
 */
public final class LimitAnswers {
    private static final Pattern SUGGESTED = Pattern.compile(
            "Suggested\\s+Backoff\\s+Time\\s*:?\\s*(\\d+)\\s*(milliseconds|ms|seconds|s)?", Pattern.CASE_INSENSITIVE);

    private LimitAnswers() {
    }

    /**
     * The server text as a throttling failure, or empty when it is not a limit answer. The wait is what the server
     * suggested, or 0 when it suggested none (the engine then chooses, adaptively).
     */
    public static Optional<ConnectorException.Throttled> throttled(String what, String serverText, Throwable cause) {
        if (serverText == null) {
            return Optional.empty();
        }
        String t = serverText.toLowerCase(Locale.ROOT);
        Matcher m = SUGGESTED.matcher(serverText);
        if (m.find()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "ms" : m.group(2).toLowerCase(Locale.ROOT);
            long millis = unit.startsWith("s") ? n * 1000 : n;
            return Optional.of(new ConnectorException.Throttled(what + ": the server asks to slow down (suggested wait "
                    + millis + " ms)", millis, cause));
        }
        if (t.contains("request is throttled") || t.contains("[throttled]")) {
            return Optional.of(new ConnectorException.Throttled(what + ": the server asks to slow down (THROTTLED)", 0, cause));
        }
        if (t.contains("exceeded command or bandwidth limits")) {
            return Optional.of(new ConnectorException.Throttled(what
                    + ": the account exceeded the provider's command or bandwidth limits (OVERQUOTA)", 0, cause));
        }
        if (tooManyConnections(t)) {
            return Optional.of(new ConnectorException.Throttled(what + ": the server refuses more connections of this "
                    + "user (" + serverText.trim() + "); waiting for one to close", 0, cause));
        }
        if (t.contains("session expired")) {
            return Optional.of(new ConnectorException.Throttled(what
                    + ": the server ended the session (session expired); logging in again", 0, cause));
        }
        return Optional.empty();
    }

    /**
     * Whether a server text says the user has as many connections as the server allows: Dovecot's "Maximum number
     * of connections from user+IP exceeded", Gmail's "Too many simultaneous connections", and the like.
     */
    public static boolean tooManyConnections(String serverText) {
        if (serverText == null) {
            return false;
        }
        String t = serverText.toLowerCase(Locale.ROOT);
        return t.contains("maximum number of connections") || t.contains("too many simultaneous connections")
                || t.contains("too many connections") || t.contains("too many concurrent connections");
    }

    /** Whether an APPEND refusal says the destination mailbox is full (and not Gmail's bandwidth limit). */
    public static boolean mailboxFull(String serverText) {
        if (serverText == null) {
            return false;
        }
        String t = serverText.toLowerCase(Locale.ROOT);
        if (t.contains("exceeded command or bandwidth limits")) {
            return false;
        }
        return t.contains("[overquota]") || t.contains("quota exceeded") || t.contains("over quota")
                || t.contains("mailbox is full") || t.contains("mailbox full");
    }

    /** Whether a refusal says the one message is too big for the server (the others can still go). */
    public static boolean tooBig(String serverText) {
        if (serverText == null) {
            return false;
        }
        String t = serverText.toLowerCase(Locale.ROOT);
        return t.contains("[toobig]") || t.contains("appendlimit") || t.contains("too big") || t.contains("too large")
                || t.contains("larger than the maximum size");
    }
}
