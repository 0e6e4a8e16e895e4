package org.mailmigrator.core.state;

import java.util.Set;

/**
 * A source message known to be on the destination.
 *
 * @param srcId the message's id in the source folder (opaque, valid while the pair's source epoch holds)
 * @param dstId the copy's id in the destination folder; null when the destination did not say and the copy
 *     could not be found again (then flags cannot be propagated to it nor its absence noticed)
 * @param fingerprint the content {@link org.mailmigrator.core.mail.Fingerprint} of the message
 * @param flags the flags last written to the destination (to propagate later changes)
 */
public record CopiedMessage(String srcId, String dstId, String fingerprint, Set<String> flags) {
    public CopiedMessage {
        java.util.Objects.requireNonNull(srcId, "srcId");
        flags = Set.copyOf(flags);
    }

    public CopiedMessage withFlags(Set<String> newFlags) {
        return new CopiedMessage(srcId, dstId, fingerprint, newFlags);
    }
}
