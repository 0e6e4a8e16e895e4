package org.mailmigrator.core.state;

import java.util.Set;

/**
 * A source message known to be on the destination: its destination UID (0 when the server did not say),
 * its fingerprint, and the flags last written to the destination (to propagate later changes).
 */
public record CopiedMessage(long srcUid, long dstUid, String fingerprint, Set<String> flags) {
    public CopiedMessage {
        flags = Set.copyOf(flags);
    }

    public CopiedMessage withFlags(Set<String> newFlags) {
        return new CopiedMessage(srcUid, dstUid, fingerprint, newFlags);
    }
}
