package org.mailmigrator.ui.internal.prefs;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.jobs.BatchListener;
import org.mailmigrator.batch.jobs.BatchProgress;
import org.mailmigrator.batch.notify.MailNotifier;
import org.mailmigrator.batch.notify.SmtpPassword;
import org.mailmigrator.batch.notify.SmtpSettings;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * The notification mails of batches run from the workbench, as {@code batch run} sends them: for a batch with
 * a notification address, a {@link MailNotifier} on the SMTP server of the preferences from its start to its
 * end, with the login's password from the session's vault and the TLS policy of the run preferences (AUTH
 * without TLS only when plaintext is allowed). A mail that cannot be sent, a refused login or a missing SMTP
 * server is a warning in the platform log; it never fails the batch.
 */
public final class Notifications implements BatchListener {
    private final BatchSession session;
    private final Map<String, MailNotifier> running = new ConcurrentHashMap<>();

    public Notifications(BatchSession session) {
        this.session = session;
    }

    @Override
    public void batchStarted(BatchSpec batch) {
        if (batch.notificationAddress().isEmpty()) {
            return;
        }
        Optional<SmtpSettings> smtp;
        Optional<Secret> password;
        try {
            smtp = SmtpSettings.load(session.workspace());
            password = smtp.isPresent() && smtp.get().login().isPresent()
                    ? SmtpPassword.load(session.workspace(), session.vault())
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            warn("cannot read the SMTP settings: " + e.getMessage());
            return;
        }
        if (smtp.isEmpty()) {
            warn("batch " + batch.name() + " has a notification address but no SMTP server is set "
                    + "(Preferences > Mail Migrator > Notifications): no notification is sent");
            return;
        }
        MailNotifier n = new MailNotifier(smtp.get(), password, session.runSettings().allowPlaintext(),
                batch.notificationAddress().get(), Notifications::warn);
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
