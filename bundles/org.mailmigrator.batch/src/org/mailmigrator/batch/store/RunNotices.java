package org.mailmigrator.batch.store;

/**
 * Which process tells a batch's run as started and as finished (the notification mails), when several processes
 * run one batch of a shared store: each one's part of the run starts and ends on its own, but the run is told
 * started once (by the first) and finished once (by the one whose end leaves nothing of the batch running or
 * queued anywhere). A store only this process writes tells both every time ({@link #LOCAL}). Thread-safe.
 */
public interface RunNotices {

    /** The notices of a store only this process writes: its own run is the whole run. */
    RunNotices LOCAL = new RunNotices() {
        @Override
        public boolean begin(String batch) {
            return true;
        }

        @Override
        public boolean end(String batch) {
            return true;
        }
    };

    /** This process's part of a run of the batch starts: true when no run of it was under way (tell "started"). */
    boolean begin(String batch) throws BatchStoreException;

    /**
     * This process's part of the run ended: true for exactly one process per run (tell "finished"), the one that finds
     * no row of the batch held by another live process, none running, in pre-flight, waiting for quota or interrupted,
     * and none still to run with an entry in the workers' queue. A run whose processes all died before its end is told
     * finished by the process that ends its next run (which is then not told started again).
     */
    boolean end(String batch) throws BatchStoreException;
}
