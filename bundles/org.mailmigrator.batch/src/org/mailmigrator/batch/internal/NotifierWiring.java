package org.mailmigrator.batch.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.jobs.BatchListener;
import org.mailmigrator.batch.jobs.BatchManager;
import org.mailmigrator.batch.jobs.BatchProgress;
import org.mailmigrator.batch.notify.MailNotifier;
import org.mailmigrator.batch.notify.SmtpPassword;
import org.mailmigrator.batch.notify.SmtpSettings;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.core.model.Secret;

/**
 * The notifications of a workspace's batches, wired once on its job manager for the workbench and the command
 * line alike: when a batch with a notification address starts, its notifiers come from {@link #notifiers} (the
 * one place that makes them: the SMTP mail of the workspace's settings), hear the batch's changes, and are
 * closed when it ends (closing waits for queued mails, on a thread of its own). A missing SMTP server, an
 * unreadable password or a mail that cannot go is told to the policy's {@code problems}; it never fails a batch.
 */
final class NotifierWiring implements BatchListener {
    private final Map<String, List<BatchListener>> running = new ConcurrentHashMap<>();
    private final List<Thread> closing = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean allowPlaintext;
    private volatile Consumer<String> problems = message -> System.getLogger("org.mailmigrator.batch")
            .log(System.Logger.Level.WARNING, "Notifications: " + message);
    private SharedWorkspace workspace;

    void attach(BatchManager manager, SharedWorkspace owner) {
        this.workspace = owner;
        manager.addListener(this);
    }

    void policy(boolean plaintext, Consumer<String> sink) {
        this.allowPlaintext = plaintext;
        this.problems = sink;
    }

    /** The notifiers of {@code batch}: none without a notification address or an SMTP server. */
    static List<BatchListener> notifiers(Workspace ws, SecretVault vault, BatchSpec batch, boolean allowPlaintext,
            Consumer<String> problems) {
        if (batch.notificationAddress().isEmpty()) {
            return List.of();
        }
        Optional<SmtpSettings> smtp;
        Optional<Secret> password;
        try {
            smtp = SmtpSettings.load(ws);
            if (smtp.isEmpty()) {
                problems.accept("no SMTP server in the workspace preferences (" + SmtpSettings.file(ws)
                        + "): no notification will be sent for batch " + batch.name());
                return List.of();
            }
            password = smtp.get().login().isPresent() ? SmtpPassword.load(ws, vault) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            problems.accept("the SMTP settings or password cannot be read: " + e.getMessage()
                    + ": no notification will be sent");
            return List.of();
        }
        return List.of(new MailNotifier(smtp.get(), password, allowPlaintext, batch.notificationAddress().get(), problems));
    }

    @Override
    public void batchStarted(BatchSpec batch) {
        List<BatchListener> made = notifiers(workspace.folder, workspace.firstVault(), batch, allowPlaintext, problems);
        if (!made.isEmpty()) {
            running.put(batch.name(), made);
            made.forEach(n -> n.batchStarted(batch));
        }
    }

    @Override
    public void migrationChanged(String batch, MigrationState state) {
        running.getOrDefault(batch, List.of()).forEach(n -> n.migrationChanged(batch, state));
    }

    @Override
    public void batchFinished(BatchSpec batch, BatchProgress last) {
        List<BatchListener> done = running.remove(batch.name());
        if (done == null) {
            return;
        }
        done.forEach(n -> n.batchFinished(batch, last));
        // closing waits for the queued mails: not on the job manager's thread
        closing.add(Thread.ofVirtual().start(() -> done.forEach(NotifierWiring::close)));
    }

    private static void close(BatchListener n) {
        if (n instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // a notifier reports its own problems; closing must not stop the others
            }
        }
    }

    /** Waits until the notifiers of finished batches have sent their mails. */
    void await(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        for (Thread t : closing) {
            long left = end - System.nanoTime();
            if (left > 0) {
                t.join(Duration.ofNanos(left));
            }
        }
        closing.removeIf(t -> !t.isAlive());
    }
}
