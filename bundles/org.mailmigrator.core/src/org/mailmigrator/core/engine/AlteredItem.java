package org.mailmigrator.core.engine;

/**
 * A message the destination server stored differently from what was sent (Cyrus replaces 8-bit header bytes
 * with {@code X}): copied, counted once, but not byte-exact. {@code id} is the source message's id,
 * {@code destinationId} the copy's (both the connectors' opaque ids).
 */
public record AlteredItem(String folder, String id, String subject, String destinationId, String change) {

    /** The source id as a number (an IMAP UID), 0 when it is not one. */
    public long uid() {
        return Math.max(0, ItemIds.number(id));
    }

    /** The copy's id as a number (an IMAP UID), 0 when it is not one. */
    public long destinationUid() {
        return Math.max(0, ItemIds.number(destinationId));
    }
}
