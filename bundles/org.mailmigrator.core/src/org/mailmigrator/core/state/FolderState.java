package org.mailmigrator.core.state;

/**
 * The remembered state of one folder pair. {@code dstUidNext} is a high-water mark: every destination
 * message below it is either in the UID map or not ours; above it the engine must look before writing.
 * Zero values mean "never seen".
 */
public record FolderState(long id, String source, String destination, long srcUidValidity, long dstUidValidity,
        long srcUidNext, long srcHighestModSeq, long dstUidNext) {

    public FolderState withSource(long uidValidity, long uidNext, long highestModSeq) {
        return new FolderState(id, source, destination, uidValidity, dstUidValidity, uidNext, highestModSeq, dstUidNext);
    }

    public FolderState withDestination(long uidValidity, long uidNext) {
        return new FolderState(id, source, destination, srcUidValidity, uidValidity, srcUidNext, srcHighestModSeq,
                uidNext);
    }
}
