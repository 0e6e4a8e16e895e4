package org.mailmigrator.batch.internal;

import java.time.Instant;
import java.util.Optional;

import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.jobs.BatchListener;
import org.mailmigrator.batch.store.BatchStoreException;

/** The one place a migration's status changes: stored first, then shown, then told to listeners. */
final class Status {
    private final JobServices services;
    private final String batch;
    private volatile MigrationState state;

    Status(JobServices services, String batch, MigrationState state) {
        this.services = services;
        this.batch = batch;
        this.state = state;
    }

    MigrationState get() {
        return state;
    }

    synchronized void move(MigrationStatus next, String error) {
        state = state.moveTo(next, Instant.now(), Optional.ofNullable(error).or(() -> next == MigrationStatus.FAILED
                ? state.lastError() : Optional.empty()));
        save();
        for (BatchListener l : services.listeners()) {
            try {
                l.migrationChanged(batch, state);
            } catch (RuntimeException e) {
                // a listener's failure (an SMTP server down) must not change the migration's outcome
            }
        }
    }

    /** The row as the store has it now (another process ran it meanwhile): shown, not written again. */
    synchronized void adopt(MigrationState stored) {
        state = stored;
        services.hub().state(batch, state);
    }

    synchronized void totals(long copied, long skipped, long bytes, Instant sync) {
        state = state.withTotals(copied, skipped, bytes, sync);
        save();
    }

    private void save() {
        try {
            services.store().saveState(batch, state);
        } catch (BatchStoreException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        services.hub().state(batch, state);
    }
}
