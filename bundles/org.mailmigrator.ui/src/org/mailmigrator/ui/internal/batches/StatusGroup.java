package org.mailmigrator.ui.internal.batches;

import java.util.Map;

import org.mailmigrator.batch.MigrationStatus;

/**
 * The count columns of the Batches view and of the dashboard, one definition for both so that they always agree:
 * every status is in exactly one group, so the groups add up to the batch's migrations.
 */
public enum StatusGroup {
    QUEUED_RUNNING("Queued / running", 14, MigrationStatus.QUEUED, MigrationStatus.PREFLIGHT, MigrationStatus.RUNNING),
    SYNCED("Synced", 10, MigrationStatus.SYNCED, MigrationStatus.SYNCED_WITH_ERRORS, MigrationStatus.COMPLETED),
    FAILED("Failed", 10, MigrationStatus.FAILED),
    HELD("Paused, stopped, interrupted", 14, MigrationStatus.PAUSED, MigrationStatus.STOPPED, MigrationStatus.INTERRUPTED),
    /** Rows whose daily transfer budget is spent: their jobs go on by themselves when the window opens. */
    WAITING_FOR_QUOTA("Waiting for quota", 12, MigrationStatus.WAITING_FOR_QUOTA);

    private final String title;
    private final int weight;
    private final MigrationStatus[] statuses;

    StatusGroup(String title, int weight, MigrationStatus... statuses) {
        this.title = title;
        this.weight = weight;
        this.statuses = statuses;
    }

    /** The column's title. */
    public String title() {
        return title;
    }

    /** The column's share of the Batches view's width. */
    int weight() {
        return weight;
    }

    /** The rows of these statuses among {@code counts}. */
    public int count(Map<MigrationStatus, Integer> counts) {
        int n = 0;
        for (MigrationStatus s : statuses) {
            n += counts.getOrDefault(s, 0);
        }
        return n;
    }

    /** The group a status is counted in. */
    public static StatusGroup of(MigrationStatus status) {
        for (StatusGroup g : values()) {
            if (java.util.List.of(g.statuses).contains(status)) {
                return g;
            }
        }
        throw new IllegalStateException("no count column for " + status);
    }
}
