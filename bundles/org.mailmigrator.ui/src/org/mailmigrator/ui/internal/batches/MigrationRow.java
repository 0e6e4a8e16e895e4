package org.mailmigrator.ui.internal.batches;

import org.mailmigrator.batch.jobs.MigrationProgress;

/** One line of the Migrations view: a migration's progress, its batch and what it copies. */
public record MigrationRow(String batch, MigrationProgress progress, String kinds) {

    /** Identifies the migration across snapshots (selection survives live updates). */
    public String key() {
        return batch + "/" + progress.id();
    }

    /** Messages done out of the total counted so far, 0 to 100; -1 while nothing is counted. */
    public int percent() {
        return progress.percent();
    }
}
