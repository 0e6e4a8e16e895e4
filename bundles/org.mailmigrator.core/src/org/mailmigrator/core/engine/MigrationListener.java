package org.mailmigrator.core.engine;

/**
 * What a run tells its caller. Called from worker threads: implementations must be thread-safe and quick.
 */
public interface MigrationListener {

    default void progress(ProgressSnapshot snapshot) {
    }

    /** A line for the log (never contains a secret). */
    default void info(String message) {
    }

    /**
     * The run reached a named step ({@code journal-written}, {@code appended}, {@code recorded},
     * {@code flags-stored}) in a folder. Tests throw here to interrupt a run at a chosen point.
     */
    default void checkpoint(String step, String folder) {
    }

    MigrationListener NONE = new MigrationListener() {
    };
}
