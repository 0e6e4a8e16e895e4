package org.mailmigrator.core.engine;

/**
 * Stops a run where it stands, as a crash or a cancel would: thrown by the engine when cancelled, and by
 * tests from {@link MigrationListener#checkpoint} to interrupt a run at a chosen step.
 */
public class RunInterrupted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunInterrupted(String message) {
        super(message);
    }
}
