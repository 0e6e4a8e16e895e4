package org.mailmigrator.core.state;

/**
 * The remembered state of one folder pair. {@code dstUidNext} is a high-water mark: every destination
 * message below it is either in the UID map or not ours; above it the engine must look before writing.
 * {@code dstMessages} is the destination's message count when the last pass ended: with an unchanged
 * UIDNEXT, a lower count means messages were removed there (by a person, a rule, another client), so the
 * next pass checks which copies are gone instead of trusting its memory. Zero values mean "never seen";
 * {@code dstMessages} is -1 when unknown.
 */
public record FolderState(long id, String source, String destination, long srcUidValidity, long dstUidValidity,
        long srcUidNext, long srcHighestModSeq, long dstUidNext, long dstMessages) {

    /** A state whose destination message count is unknown. */
    public FolderState(long id, String source, String destination, long srcUidValidity, long dstUidValidity,
            long srcUidNext, long srcHighestModSeq, long dstUidNext) {
        this(id, source, destination, srcUidValidity, dstUidValidity, srcUidNext, srcHighestModSeq, dstUidNext, -1);
    }

    public FolderState withSource(long uidValidity, long uidNext, long highestModSeq) {
        return new FolderState(id, source, destination, uidValidity, dstUidValidity, uidNext, highestModSeq, dstUidNext,
                dstMessages);
    }

    public FolderState withDestination(long uidValidity, long uidNext) {
        return new FolderState(id, source, destination, srcUidValidity, uidValidity, srcUidNext, srcHighestModSeq,
                uidNext, dstMessages);
    }

    public FolderState withDestinationMessages(long messages) {
        return new FolderState(id, source, destination, srcUidValidity, dstUidValidity, srcUidNext, srcHighestModSeq,
                dstUidNext, messages);
    }
}
