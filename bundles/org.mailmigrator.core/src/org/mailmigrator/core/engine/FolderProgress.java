package org.mailmigrator.core.engine;

/**
 * One folder of a run at an instant: messages and bytes done against the folder's totals (known once the
 * folder was listed), skipped messages and where the folder stands. Messages already on the destination
 * count as done.
 */
public record FolderProgress(String folder, long messagesDone, long messagesTotal, long bytesDone, long bytesTotal,
        long skipped, State state) {

    /** Where a folder stands in a run. */
    public enum State {
        /** Not listed yet (waits for a worker). */
        WAITING,
        /** Listed; messages are being copied. */
        COPYING,
        /** Every message is on the destination or was reported as skipped. */
        DONE,
        /** The folder itself could not be copied (its reason is a skipped item of the folder). */
        FAILED;

        public String label() {
            return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
        }
    }
}
