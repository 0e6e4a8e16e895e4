package org.mailmigrator.core.mail;

import java.time.Instant;
import java.util.Set;

/**
 * A message to append: exact bytes, flags (never {@code \Recent}), arrival date and the source's
 * {@link Fingerprint} (null when unknown). A destination without message UIDs of its own (Exchange) keeps the
 * fingerprint with the message, so that the engine's crash recovery recognises it whatever the source server's
 * header bytes look like; IMAP destinations ignore it.
 */
public record Outgoing(MessageBody body, Set<String> flags, Instant internalDate, String fingerprint) {
    public Outgoing {
        flags = Set.copyOf(flags);
    }

    public Outgoing(MessageBody body, Set<String> flags, Instant internalDate) {
        this(body, flags, internalDate, null);
    }
}
