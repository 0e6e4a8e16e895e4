package org.mailmigrator.ui.internal.batches;

import org.mailmigrator.batch.jobs.MigrationProgress;

/**
 * One line of the Migrations view: a migration's progress, its batch, what it copies and the process that holds it
 * ({@code worker}: "this workbench", another process's {@code host:pid} on a shared store, blank when none).
 */
public record MigrationRow(String batch, MigrationProgress progress, String kinds, String worker) {

    /** A row nobody holds. */
    public MigrationRow(String batch, MigrationProgress progress, String kinds) {
        this(batch, progress, kinds, "");
    }

    /** Identifies the migration across snapshots (selection survives live updates). */
    public String key() {
        return batch + "/" + progress.id();
    }

    /** Messages done out of the total counted so far, 0 to 100; -1 while nothing is counted. */
    public int percent() {
        return progress.percent();
    }
}
