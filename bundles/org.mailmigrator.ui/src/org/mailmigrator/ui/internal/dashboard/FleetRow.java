package org.mailmigrator.ui.internal.dashboard;

import java.util.Map;
import java.util.Optional;

import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.jobs.BatchProgress;

/** One batch on the dashboard: counts by status and, when this process runs it, its live progress. */
record FleetRow(String batch, Map<MigrationStatus, Integer> counts, Optional<BatchProgress> live) {

    int count(MigrationStatus... statuses) {
        int n = 0;
        for (MigrationStatus s : statuses) {
            n += counts.getOrDefault(s, 0);
        }
        return n;
    }

    int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
