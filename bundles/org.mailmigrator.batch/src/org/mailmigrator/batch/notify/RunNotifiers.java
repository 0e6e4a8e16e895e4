package org.mailmigrator.batch.notify;

import java.util.List;
import java.util.function.Consumer;

import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.jobs.BatchListener;
import org.mailmigrator.batch.jobs.BatchProgress;

/**
 * The notifiers of one batch run ({@link Notifiers#create}) as one {@link BatchListener} of the job manager: each
 * event goes to every notifier; a notifier that throws is reported and the others still hear of it.
 */
public final class RunNotifiers implements BatchListener, AutoCloseable {
    private final List<Notifier> notifiers;
    private final Consumer<String> problems;

    RunNotifiers(List<Notifier> notifiers, Consumer<String> problems) {
        this.notifiers = List.copyOf(notifiers);
        this.problems = problems;
    }

    /** Whether no notifier has anything to do for this run. */
    public boolean isEmpty() {
        return notifiers.isEmpty();
    }

    @Override
    public void batchStarted(BatchSpec batch) {
        each(n -> n.batchStarted(batch));
    }

    @Override
    public void migrationChanged(String batch, MigrationState state) {
        if (state.status() == MigrationStatus.FAILED) {
            each(n -> n.migrationFailed(batch, state));
        }
    }

    @Override
    public void batchFinished(BatchSpec batch, BatchProgress last) {
        each(n -> n.batchFinished(batch, last));
    }

    /** Closes every notifier (each may wait for what it is still delivering). */
    @Override
    public void close() {
        each(Notifier::close);
    }

    private void each(Consumer<Notifier> call) {
        for (Notifier n : notifiers) {
            try {
                call.accept(n);
            } catch (RuntimeException e) {
                problems.accept("a notifier (" + n.getClass().getSimpleName() + ") failed: " + e.getMessage());
            }
        }
    }
}
