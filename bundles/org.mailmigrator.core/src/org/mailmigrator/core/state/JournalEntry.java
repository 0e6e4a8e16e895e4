package org.mailmigrator.core.state;

/**
 * A destination write about to happen: written (and committed) before the write, removed in the same
 * transaction that records the copy. An entry found at start-up means the process died in between: the
 * engine then lists the destination from {@code dstPosition} on and matches fingerprints.
 *
 * @param srcId the source message's id
 * @param fingerprint its content fingerprint, what recovery matches
 * @param dstPosition the destination's position (as its mailbox gave it) just before the write; null when the
 *     destination has none, and then recovery looks at the whole folder
 */
public record JournalEntry(String srcId, String fingerprint, String dstPosition) {
}
