package org.mailmigrator.ui.internal.batches;

import java.util.Map;

import org.mailmigrator.batch.MigrationStatus;

/** A line of the Batches view, and what its selection carries to the Migrations view: the name and counts. */
public record BatchSummary(String name, int migrations, Map<MigrationStatus, Integer> counts) {

    public BatchSummary {
        counts = Map.copyOf(counts);
    }

    public int count(MigrationStatus... statuses) {
        int n = 0;
        for (MigrationStatus s : statuses) {
            n += counts.getOrDefault(s, 0);
        }
        return n;
    }
}
