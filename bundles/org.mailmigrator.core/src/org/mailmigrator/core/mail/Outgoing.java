package org.mailmigrator.core.mail;

import java.time.Instant;
import java.util.Set;

/** A message to append: exact bytes, flags (never {@code \Recent}) and arrival date. */
public record Outgoing(MessageBody body, Set<String> flags, Instant internalDate) {
    public Outgoing {
        flags = Set.copyOf(flags);
    }
}
