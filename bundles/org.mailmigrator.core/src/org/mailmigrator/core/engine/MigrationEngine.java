package org.mailmigrator.core.engine;

import org.mailmigrator.core.internal.engine.Cancellation;
import org.mailmigrator.core.internal.engine.Run;
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

    public MigrationEngine(SessionFactory source, SessionFactory destination, StateStore state,
            MigrationSettings settings, MigrationListener listener) {
        this.source = source;
        this.destination = destination;
        this.state = state;
        this.settings = settings;
        this.listener = listener == null ? MigrationListener.NONE : listener;
    }

    public MigrationReport run() {
        cancellation = new Cancellation();
        return new Run(source, destination, state, settings, listener, cancellation).execute();
    }

    public void cancel() {
        cancellation.cancel();
    }
}
