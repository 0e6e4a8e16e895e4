package org.mailmigrator.core.engine;

import java.util.List;

import org.mailmigrator.core.internal.engine.Cancellation;
import org.mailmigrator.core.internal.engine.Run;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.state.StateStore;

/**
 * Migrates the mail of one account pair. {@link #run()} may be called again (a later pass copies only what
 * is new); {@link #cancel()} from any thread stops the run between two messages.
 */
public final class MigrationEngine {
    private final SessionFactory source;
    private final SessionFactory destination;
    private final StateStore state;
    private final MigrationSettings settings;
    private final MigrationListener listener;
    private volatile Cancellation cancellation = new Cancellation();
    private String lockHost;
    private String lockLogin;
    private org.mailmigrator.core.limits.TransferBudget budget;

    public MigrationEngine(SessionFactory source, SessionFactory destination, StateStore state,
            MigrationSettings settings, MigrationListener listener) {
        this.source = source;
        this.destination = destination;
        this.state = state;
        this.settings = settings;
        this.listener = listener == null ? MigrationListener.NONE : listener;
    }

    /**
     * Makes {@link #run()} hold a machine-wide lock on the destination mailbox {@code login@host} while it
     * writes: another run to the same mailbox (another state folder, a batch row, the workbench) waits, saying
     * why, instead of copying the same messages a second time. Writers on other machines are detected while
     * copying (the destination's UIDNEXT moving by messages this run was about to copy) and stop that folder.
     */
    public MigrationEngine lockingDestination(String host, String login) {
        this.lockHost = host;
        this.lockLogin = login;
        return this;
    }

    /**
     * Keeps the run within a daily transfer budget (Gmail's 2,500 MB download / 500 MB upload a day): when it is
     * spent, the run records what it copied and ends with {@link Outcome#WAITING_FOR_QUOTA} ("waiting for quota
     * until HH:MM"); the next run after that time goes on.
     */
    public MigrationEngine withBudget(org.mailmigrator.core.limits.TransferBudget value) {
        this.budget = value;
        return this;
    }

    public MigrationReport run() {
        cancellation = new Cancellation();
        Run run = new Run(source, destination, state, settings, listener, cancellation).withBudget(budget);
        return (lockHost == null ? run : run.lockingDestination(lockHost, lockLogin)).execute();
    }

    /**
     * The folder plan a run would follow (source folder, destination folder, reason), without copying or
     * creating anything and without a state store; the filters and explicit map of the settings apply.
     *
     * @throws IllegalArgumentException when the filters are not regular expressions or two folders clash
     */
    public static List<FolderPlan> plan(SessionFactory source, SessionFactory destination, MigrationSettings settings)
            throws ConnectorException {
        return new Run(source, destination, null, settings, MigrationListener.NONE, new Cancellation()).planOnly();
    }

    public void cancel() {
        cancellation.cancel();
    }
}
