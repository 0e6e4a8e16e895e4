package org.mailmigrator.batch.store;

/**
 * The queue of row passes the workers of a shared store take ({@code mailmigrator worker}, docs/postgresql.md): one
 * entry per row pass, queued by {@code batch run NAME --store URL --no-wait} and by the workers themselves for rows
 * left runnable by another process; taken by at most N threads per worker; an entry whose worker died (its
 * heartbeats stop) is given to another worker, which resumes the row from the shared journal. On PostgreSQL it is
 * db-scheduler's table ({@code mm_scheduled_tasks}); a store only one process writes has none
 * ({@link BatchStore#fleet()} is empty).
 */
public interface FleetQueue {
    /** Runs one row's pass for a worker. */
    @FunctionalInterface
    interface RowRunner {
        /**
         * Runs the row's pass and returns when it has ended, or at once when the row must wait (its batch's schedule,
         * its own earliest start, its daily quota): the entry ends and gives its thread back.
         *
         * @return empty when the row needs no further pass from the queue (done, paused, stopped, failed, removed);
         *         else when its entry is due again (interrupted: the worker is stopping; waiting: when the wait ends)
         */
        java.util.Optional<java.time.Instant> run(String batch, String migrationId) throws Exception;
    }

    /** A worker taking entries; closing stops taking and waits for the passes it runs to end. */
    interface Taker extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Queues a pass of the row unless one is queued or running already.
     *
     * @return whether an entry was added
     */
    boolean queue(String batch, String migrationId) throws BatchStoreException;

    /** Entries queued or running now, as {@code BATCH/ID}. */
    java.util.List<String> entries() throws BatchStoreException;

    /**
     * Starts taking entries, at most {@code threads} at once, each run by {@code runner}; checks for due entries
     * every {@code poll}. {@code log} is told, in one line each, when the database becomes unreachable and when it is
     * back.
     */
    Taker take(String workerName, int threads, java.time.Duration poll, RowRunner runner,
            java.util.function.Consumer<String> log);
}
