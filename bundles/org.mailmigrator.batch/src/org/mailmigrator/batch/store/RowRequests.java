package org.mailmigrator.batch.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.mailmigrator.batch.MigrationStatus;

/**
 * Pauses and stops of rows that another process of a shared store runs (docs/postgresql.md, "Driving the fleet"): a
 * row a live process holds ({@link RowClaims}) is asked of that process, which stops it between two messages as its
 * own Pause or Stop does (the row stored Paused or Stopped, its claim given back, the request removed); a row no live
 * process holds (queued for the workers, left behind) is set Paused or Stopped at once and its queue entry removed, so
 * that no worker starts it. A store only one process writes has none ({@link BatchStore#requests()} is empty).
 * Thread-safe.
 */
public interface RowRequests {

    /** What an {@link #ask} did, row by row. */
    record Outcome(Map<String, String> asked, List<String> set, List<String> left) {
        /** How many rows the pause or stop reached (asked of their process, or set at once). */
        public int reached() {
            return asked.size() + set.size();
        }
    }

    /** What this process is asked to do with a row it holds. */
    @FunctionalInterface
    interface Handler {
        /** Stop the row's pass between two messages and store it {@code endIn} (Paused or Stopped). */
        void requested(String batch, String migrationId, MigrationStatus endIn);
    }

    /** Whether a pause or stop ({@code endIn}) reaches a row in this status: one that runs or waits to run. */
    static boolean reaches(MigrationStatus status, MigrationStatus endIn) {
        return status.active() || status == MigrationStatus.INTERRUPTED
                || (endIn == MigrationStatus.STOPPED && status == MigrationStatus.PAUSED);
    }

    /**
     * Pauses ({@link MigrationStatus#PAUSED}) or stops ({@link MigrationStatus#STOPPED}) the selected rows of a batch
     * ({@code ids} empty: every row) that other processes run or that wait to run. Rows this process holds are left to
     * the caller, which stops its own jobs itself.
     *
     * @return the rows asked of their process (id to {@code host:pid}), the rows set at once, the rows left as they were
     *         (synced, failed, already paused or stopped)
     */
    Outcome ask(String batch, Collection<String> ids, MigrationStatus endIn) throws BatchStoreException;

    /** Forgets the requests of these rows that no live process holds (they are queued again: resume, run). */
    void clear(String batch, Collection<String> ids) throws BatchStoreException;

    /**
     * Hands the requests of the rows this process holds to {@code handler}: heard within about a second (a
     * notification), read again at each renewal of the claims, and when a row is claimed.
     */
    void listen(Handler handler);
}
