package org.mailmigrator.cli.internal.batch;

import java.util.Collection;

import org.mailmigrator.batch.MigrationStatus;

/** Exit codes of the batch commands (docs/batches.md lists them). */
final class BatchExitCodes {
    static final int OK = 0;
    /** The CSV has problems and nothing was imported, or the batch store cannot be used. */
    static final int INVALID = 1;
    static final int USAGE = 2;
    static final int ITEMS_SKIPPED = 6;
    static final int INTERRUPTED = 7;
    static final int FAILED = 8;
    /** The pre-flight found something to fix. */
    static final int PREFLIGHT = 9;

    private BatchExitCodes() {
    }

    /** The worst status wins: failed, then interrupted (paused, stopped, still running), then skipped items. */
    static int of(Collection<MigrationStatus> statuses) {
        if (statuses.contains(MigrationStatus.FAILED)) {
            return FAILED;
        }
        if (statuses.stream().anyMatch(s -> !s.synced())) {
            return INTERRUPTED;
        }
        return statuses.contains(MigrationStatus.SYNCED_WITH_ERRORS) ? ITEMS_SKIPPED : OK;
    }
}
