package org.mailmigrator.core.engine;

/**
 * A message the destination server stored differently from what was sent (Cyrus replaces 8-bit header bytes
 * with {@code X}): copied, counted once, but not byte-exact. {@code uid} is the source UID, {@code destinationUid}
 * the copy's.
 */
public record AlteredItem(String folder, long uid, String subject, long destinationUid, String change) {
}
