package org.mailmigrator.core.mail;

import java.time.Instant;
import java.util.Set;

/**
 * One message as listed in a folder. {@code id} is the connector's opaque identifier of the message within its
 * folder (an IMAP UID in decimal, an Exchange ItemId, a file name...), valid while the folder's
 * {@link FolderStatus#epoch() epoch} stays the same; the engine only compares ids for equality, never orders or
 * computes them. A light listing carries only id, flags and change token: then {@code size} is -1 and
 * {@code internalDate}, {@code fingerprint} and {@code subject} are null; the details listing fills them.
 * {@code changeToken} (an IMAP mod-sequence, an ETag, an mtime) is null when the source has none.
 */
public record MessageInfo(String id, long size, Instant internalDate, Set<String> flags, String changeToken,
        String fingerprint, String subject) {
    public MessageInfo {
        java.util.Objects.requireNonNull(id, "id");
        flags = Set.copyOf(flags);
    }

    /** Flags to write on the destination: all but {@code \Recent}, which only a server may set. */
    public Set<String> copyableFlags() {
        return flags.stream().filter(f -> !f.equalsIgnoreCase("\\Recent")).collect(java.util.stream.Collectors.toSet());
    }
}
