package org.mailmigrator.core.mail;

import java.time.Instant;
import java.util.Set;

/**
 * One message as listed in a folder. A light listing carries only UID, flags and mod-sequence: then
 * {@code size} is -1 and {@code internalDate}, {@code fingerprint} and {@code subject} are null; the details
 * listing fills them. {@code modSeq} is 0 when the server has no CONDSTORE.
 */
public record MessageInfo(long uid, long size, Instant internalDate, Set<String> flags, long modSeq,
        String fingerprint, String subject) {
    public MessageInfo {
        flags = Set.copyOf(flags);
    }

    /** Flags to write on the destination: all but {@code \Recent}, which only a server may set. */
    public Set<String> copyableFlags() {
        return flags.stream().filter(f -> !f.equalsIgnoreCase("\\Recent")).collect(java.util.stream.Collectors.toSet());
    }
}
