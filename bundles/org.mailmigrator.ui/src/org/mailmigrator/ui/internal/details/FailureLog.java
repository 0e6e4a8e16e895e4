package org.mailmigrator.ui.internal.details;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.jobs.BatchListener;

/**
 * Writes each failed migration to the platform log, so the Error Log view (and {@code .metadata/.log}) keep
 * the failures of the workbench's runs after their rows moved on. The error text is the job manager's, which
 * names accounts by login@host and never holds a password.
 */
public final class FailureLog implements BatchListener {

    @Override
    public void migrationChanged(String batch, MigrationState state) {
        if (state.status() == MigrationStatus.FAILED) {
            ILog.of(FailureLog.class).log(Status.error("Migration " + state.migrationId() + " of batch " + batch
                    + " failed: " + state.lastError().orElse("no reason given")));
        }
    }
}
