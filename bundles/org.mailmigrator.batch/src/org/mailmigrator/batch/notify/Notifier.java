package org.mailmigrator.batch.notify;

import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.jobs.BatchProgress;

/**
 * Tells people about one run of one batch: what a {@link NotifierFactory} contributed to
 * {@value Notifiers#EXTENSION_POINT} creates when the run starts. Called from the job manager's worker and
 * publisher threads: an implementation is thread-safe and quick (the e-mail notifier queues its mails on a thread
 * of its own), and reports what it cannot deliver to {@link NotifierContext#problems()} rather than throwing; a
 * notifier never fails the batch.
 */
public interface Notifier extends AutoCloseable {

    /** The run started (its migrations, concurrency and per-server limit are in {@code batch}). */
    default void batchStarted(BatchSpec batch) {
    }

    /** A migration of the run failed; {@code state} holds its last error (never a password). */
    default void migrationFailed(String batch, MigrationState state) {
    }

    /** No job of the run is left; {@code last} holds every migration's final row and the totals. */
    default void batchFinished(BatchSpec batch, BatchProgress last) {
    }

    /** After the run: may wait for what is still being delivered. */
    @Override
    default void close() {
    }
}
