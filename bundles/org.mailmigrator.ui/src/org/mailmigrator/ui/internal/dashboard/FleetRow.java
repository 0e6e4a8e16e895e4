package org.mailmigrator.ui.internal.dashboard;

import java.util.Map;
import java.util.Optional;

import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.jobs.BatchProgress;

/** One batch on the dashboard: counts by status and, when this process runs it, its live progress. */
record FleetRow(String batch, Map<MigrationStatus, Integer> counts, Optional<BatchProgress> live) {

    int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
