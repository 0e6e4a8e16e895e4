package org.mailmigrator.core.state;

/**
 * The remembered state of one folder pair: the one record, like mbsync's pair state, that says what the engine
 * knows about both sides. Every value but the ids and the count is the connectors' opaque text, compared for
 * equality only (positions are ordered by the destination mailbox, never by the engine). Null means "never
 * seen" or "unknown".
 *
 * @param id the pair's number in the store (the key of its copy records and journal)
 * @param source the source folder's full name
 * @param destination the destination folder's full name
 * @param srcEpoch the source folder's epoch when the copy records were made (IMAP UIDVALIDITY); a different
 *     epoch makes every recorded source id meaningless, and the records are rebuilt from fingerprints
 * @param dstEpoch the same for the destination folder and the recorded destination ids
 * @param srcPosition the source's position (IMAP UIDNEXT) when the last complete pass ended; with an equal
 *     {@code srcChangeToken} it says nothing was added since. Null until a pass completes without a skip
 * @param srcChangeToken the source's change token (IMAP HIGHESTMODSEQ) when the last complete pass ended: the
 *     next pass lists only what changed since (CONDSTORE), or skips the folder when it is unchanged. Null until
 *     a pass completes without a skip, and whenever the records may miss a message (the mark is then disarmed)
 * @param dstPosition the destination's high-water mark: every destination message before it is either in the
 *     copy records or not ours; from it on the engine must look before writing (crash recovery, another writer)
 * @param dstMessages the destination's message count when the last pass ended: with an unchanged
 *     {@code dstPosition}, a lower count means messages were removed there (by a person, a rule, another
 *     client), so the next pass checks which copies are gone instead of trusting its memory; -1 when unknown
 * @param dstChangeToken the destination's change token (IMAP HIGHESTMODSEQ) when the last pass ended, after its
 *     own writes: a different token at the next pass means someone else changed the folder (another migration,
 *     a person, a rule), so the flags the records say were written are re-read from the destination before they
 *     are compared with the source's. Null when unknown (then the records are trusted)
 */
public record FolderState(long id, String source, String destination, String srcEpoch, String dstEpoch,
        String srcPosition, String srcChangeToken, String dstPosition, long dstMessages, String dstChangeToken) {

    /** A state whose destination change token is unknown. */
    public FolderState(long id, String source, String destination, String srcEpoch, String dstEpoch,
            String srcPosition, String srcChangeToken, String dstPosition, long dstMessages) {
        this(id, source, destination, srcEpoch, dstEpoch, srcPosition, srcChangeToken, dstPosition, dstMessages, null);
    }

    /** A state whose destination message count and change token are unknown. */
    public FolderState(long id, String source, String destination, String srcEpoch, String dstEpoch,
            String srcPosition, String srcChangeToken, String dstPosition) {
        this(id, source, destination, srcEpoch, dstEpoch, srcPosition, srcChangeToken, dstPosition, -1);
    }

    /** The state of a pair never synced (or whose epochs changed): nothing known. */
    public FolderState cleared() {
        return new FolderState(id, source, destination, null, null, null, null, null, -1);
    }

    public FolderState withSource(String epoch, String position, String changeToken) {
        return new FolderState(id, source, destination, epoch, dstEpoch, position, changeToken, dstPosition,
                dstMessages, dstChangeToken);
    }

    public FolderState withDestination(String epoch, String position) {
        return new FolderState(id, source, destination, srcEpoch, epoch, srcPosition, srcChangeToken, position,
                dstMessages, dstChangeToken);
    }

    public FolderState withDestinationMessages(long messages) {
        return new FolderState(id, source, destination, srcEpoch, dstEpoch, srcPosition, srcChangeToken,
                dstPosition, messages, dstChangeToken);
    }
}
