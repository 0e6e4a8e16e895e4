package org.mailmigrator.batch.jobs;

import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.MigrationState;

/**
 * What the job manager tells the command line, the workbench and the notifier. Called from worker
 * threads and the publisher thread: implementations must be thread-safe and quick.
 */
public interface BatchListener {

    /** At most four times a second per batch, and once more when the batch finishes. */
    default void progress(BatchProgress snapshot) {
    }

    default void batchStarted(BatchSpec batch) {
    }

    /** A migration entered a new status (Failed included, with its last error). */
    default void migrationChanged(String batch, MigrationState state) {
    }

    /**
     * A migration's job ended its run (its pass done, or it is to run again later); in a shared store its row's claim
     * was given back before: a worker looks for the next row now.
     */
    default void jobEnded(String batch, String migrationId) {
    }

    /** No job of the batch is left; {@code last} holds every migration's final row. */
    default void batchFinished(BatchSpec batch, BatchProgress last) {
    }
}
