package org.mailmigrator.ui.internal.prefs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.jobs.BatchListener;
import org.mailmigrator.batch.jobs.BatchProgress;
import org.mailmigrator.batch.notify.NotifierContext;
import org.mailmigrator.batch.notify.Notifiers;
import org.mailmigrator.batch.notify.RunNotifiers;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * The notifications of batches run from the workbench, as {@code batch run} sends them: the contributed notifiers
 * ({@link Notifiers}; e-mail on the SMTP server of the preferences for a batch with a notification address) from a
 * batch's start to its end, with the session's vault and the TLS policy of the run preferences (AUTH without TLS
 * only when plaintext is allowed). A notification that cannot be sent, a refused login or a missing SMTP server is
 * a warning in the platform log; it never fails the batch.
 */
public final class Notifications implements BatchListener {
    private final BatchSession session;
    private final Notifiers notifiers = Notifiers.fromPlatform();
    private final Map<String, RunNotifiers> running = new ConcurrentHashMap<>();

    public Notifications(BatchSession session) {
        this.session = session;
    }

    @Override
    public void batchStarted(BatchSpec batch) {
        RunNotifiers n = notifiers.create(new NotifierContext(session.workspace(), session.vault(), batch,
                session.runSettings().allowPlaintext(), Notifications::warn));
        if (n.isEmpty()) {
            return;
        }
        running.put(batch.name(), n);
        n.batchStarted(batch);
    }

    @Override
    public void migrationChanged(String batch, MigrationState state) {
        RunNotifiers n = running.get(batch);
        if (n != null) {
            n.migrationChanged(batch, state);
        }
    }

    @Override
    public void batchFinished(BatchSpec batch, BatchProgress last) {
        RunNotifiers n = running.remove(batch.name());
        if (n != null) {
            n.batchFinished(batch, last);
            // closing waits for the queued mails: not on the job manager's thread
            Thread.ofVirtual().start(n::close);
        }
    }

    private static void warn(String message) {
        ILog.of(Notifications.class).log(Status.warning("Notifications: " + message));
    }
}
