package org.mailmigrator.connector.imap.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.mailmigrator.core.model.Role;

/**
 * What the IMAP sessions of one runner measure of their links, one {@link LinkRate} per server (host and port) and
 * direction (a source's downloads, a destination's uploads). Kept in the runner's {@link
 * org.mailmigrator.core.spi.Shared}: every session of a pass and every later pass of the same batch or command share
 * it, so with {@code compress=auto} the next mailbox of a batch compresses from its first command once an earlier one
 * measured the link narrow, and small mailboxes, which never move enough bytes to measure by themselves, add their
 * answers to the measure in progress. A verdict is kept {@link #KEEP}; the next session after that measures again
 * (a link that was congested may not be any more).
 */
public final class Links {
    /** How long a verdict stands before the link is measured again. */
    static final Duration KEEP = Duration.ofHours(1);
    private final Map<String, LinkRate> byServer = new ConcurrentHashMap<>();
    private final Clock clock;

    public Links() {
        this(Clock.systemUTC());
    }

    /** With the clock verdicts are dated and aged by (a test's). */
    public Links(Clock clock) {
        this.clock = clock;
    }

    /** The measure of the link to {@code s}'s server in the direction a session of {@code role} moves mail. */
    LinkRate of(ImapSettings s, Role role) {
        String key = s.host().toLowerCase(Locale.ROOT) + ":" + s.port() + (role == Role.SOURCE ? " down" : " up");
        return byServer.compute(key, (k, known) -> known == null || known.olderThan(KEEP) ? new LinkRate(clock) : known);
    }
}
