package org.mailmigrator.batch;

import java.util.Locale;

/**
 * Where one migration of a batch stands, with the names administrators know from Exchange Online and
 * MigrationWiz. {@link #active()} states hold a job; after a crash they are resumed by the next run.
 */
public enum MigrationStatus {
    QUEUED("Queued"), PREFLIGHT("Pre-flight"), RUNNING("Running"), SYNCED("Synced"),
    SYNCED_WITH_ERRORS("Synced with errors"), FAILED("Failed"), PAUSED("Paused"), STOPPED("Stopped"),
    COMPLETED("Completed");

    private final String label;

    MigrationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A job is (or was, before a crash) working on it. */
    public boolean active() {
        return this == QUEUED || this == PREFLIGHT || this == RUNNING;
    }

    /** A pass ended with everything (or everything but reported items) on the destination. */
    public boolean synced() {
        return this == SYNCED || this == SYNCED_WITH_ERRORS || this == COMPLETED;
    }

    public static MigrationStatus parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return t.equals("PRE_FLIGHT") ? PREFLIGHT : valueOf(t);
    }
}
