package org.mailmigrator.ui.internal.prefs;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.jobs.BatchListener;
import org.mailmigrator.batch.jobs.BatchProgress;
import org.mailmigrator.batch.notify.MailNotifier;
import org.mailmigrator.batch.notify.SmtpSettings;

/**
 * The notification mails of batches run from the workbench, as {@code batch run} sends them: for a batch with
 * a notification address, a {@link MailNotifier} on the SMTP server of the preferences from its start to its
 * end. A mail that cannot be sent, or a missing SMTP server, is a warning in the platform log.
 */
public final class Notifications implements BatchListener {
    private final Workspace workspace;
    private final Map<String, MailNotifier> running = new ConcurrentHashMap<>();

    public Notifications(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public void batchStarted(BatchSpec batch) {
        if (batch.notificationAddress().isEmpty()) {
            return;
        }
        Optional<SmtpSettings> smtp;
        try {
            smtp = SmtpSettings.load(workspace);
        } catch (IOException | RuntimeException e) {
            warn("cannot read the SMTP settings: " + e.getMessage());
            return;
        }
        if (smtp.isEmpty()) {
            warn("batch " + batch.name() + " has a notification address but no SMTP server is set "
                    + "(Preferences > Mail Migrator > Notifications): no notification is sent");
            return;
        }
        MailNotifier n = new MailNotifier(smtp.get(), batch.notificationAddress().get(), Notifications::warn);
        running.put(batch.name(), n);
        n.batchStarted(batch);
    }

    @Override
    public void migrationChanged(String batch, MigrationState state) {
        MailNotifier n = running.get(batch);
        if (n != null) {
            n.migrationChanged(batch, state);
        }
    }

    @Override
    public void batchFinished(BatchSpec batch, BatchProgress last) {
        MailNotifier n = running.remove(batch.name());
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
