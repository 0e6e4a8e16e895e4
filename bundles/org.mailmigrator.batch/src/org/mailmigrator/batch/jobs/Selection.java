package org.mailmigrator.batch.jobs;

import org.mailmigrator.batch.MigrationStatus;

/** Which migrations of a batch a start schedules. */
public enum Selection {
    /** Everything not yet synced: queued, interrupted by a crash, paused, stopped, failed. */
    PENDING,
    /** Only failed migrations (retry failed). */
    FAILED,
    /** Every migration: synced ones get a delta pass that copies only what is new. */
    DELTA;

    public boolean includes(MigrationStatus s) {
        return switch (this) {
            case PENDING -> !s.synced();
            case FAILED -> s == MigrationStatus.FAILED;
            case DELTA -> s != MigrationStatus.COMPLETED;
        };
    }
}
