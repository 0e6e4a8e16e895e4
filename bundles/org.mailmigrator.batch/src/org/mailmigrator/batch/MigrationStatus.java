package org.mailmigrator.batch;

import java.util.Locale;

/**
 * Where one migration of a batch stands, with the names administrators know from Exchange Online and
 * MigrationWiz. {@link #active()} states hold a job; a process that opens the store and finds a row Running
 * or in Pre-flight without a job shows it {@link #INTERRUPTED}; the next run resumes both.
 */
public enum MigrationStatus {
    QUEUED("Queued"), PREFLIGHT("Pre-flight"), RUNNING("Running"), SYNCED("Synced"),
    SYNCED_WITH_ERRORS("Synced with errors"), FAILED("Failed"), PAUSED("Paused"), STOPPED("Stopped"),
    COMPLETED("Completed"),
    /**
     * A pass was cut off because its process ended (a crash, a closed workbench, SIGTERM): no job holds it; the
     * next start resumes it where it stood.
     */
    INTERRUPTED("Interrupted"),
    /**
     * The row's daily transfer budget is spent: its job sleeps until the budget's window opens ("waiting for quota
     * until HH:MM" is the row's last message, {@link #quotaLabel(String)}), then goes on by itself.
     */
    WAITING_FOR_QUOTA("Waiting for quota");

    private final String label;

    MigrationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A job is (or was, before a crash) working on it. */
    public boolean active() {
        return this == QUEUED || this == PREFLIGHT || this == RUNNING || this == WAITING_FOR_QUOTA;
    }

    /**
     * "Waiting for quota (until HH:MM)" from the row's message ("waiting for quota until HH:MM (...)"), or the plain
     * label when the message names no time.
     */
    public static String quotaLabel(String lastMessage) {
        java.util.regex.Matcher m = UNTIL.matcher(String.valueOf(lastMessage));
        return m.find() ? WAITING_FOR_QUOTA.label + " (until " + m.group(1) + ")" : WAITING_FOR_QUOTA.label;
    }

    private static final java.util.regex.Pattern UNTIL = java.util.regex.Pattern.compile("waiting for quota until (\\d\\d:\\d\\d)");

    /** A pass ended with everything (or everything but reported items) on the destination. */
    public boolean synced() {
        return this == SYNCED || this == SYNCED_WITH_ERRORS || this == COMPLETED;
    }

    public static MigrationStatus parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return t.equals("PRE_FLIGHT") ? PREFLIGHT : valueOf(t);
    }
}
