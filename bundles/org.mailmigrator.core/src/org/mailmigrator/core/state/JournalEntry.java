package org.mailmigrator.core.state;

/**
 * A destination write about to happen: written (and committed) before the APPEND, removed in the same
 * transaction that records the copy. An entry found at start-up means the process died in between: the
 * engine then looks at the destination from {@code dstUidNext} on and matches fingerprints.
 */
public record JournalEntry(long srcUid, String fingerprint, long dstUidNext) {
}
