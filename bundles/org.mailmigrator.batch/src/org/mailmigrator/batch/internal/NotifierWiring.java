package org.mailmigrator.batch.internal;

import org.mailmigrator.batch.notify.NotifierContext;
import org.mailmigrator.batch.notify.Notifiers;
import org.mailmigrator.batch.notify.RunNotifiers;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.jobs.BatchListener;
import org.mailmigrator.batch.jobs.BatchManager;
import org.mailmigrator.batch.jobs.BatchProgress;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.batch.store.RunNotices;

/**
 * The notifications of a workspace's batches, wired once on its job manager for the workbench and the command
 * line alike: when a batch with a notification address starts, its notifiers come from {@link #notifiers} (the
 * one place that makes them: every contribution to the {@code notifiers} extension point), hear the batch's changes, and are
 * closed when it ends (closing waits for queued mails, on a thread of its own). A missing SMTP server, an
 * unreadable password or a mail that cannot go is told to the policy's {@code problems}; it never fails a batch.
 * With a shared store (several processes on one batch) the run's "started" and "finished" are told once over all of
 * them ({@link RunNotices}); a failed row is told by the process that ran it.
 */
final class NotifierWiring implements BatchListener {
    private final Map<String, List<BatchListener>> running = new ConcurrentHashMap<>();
    private final List<Thread> closing = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean allowPlaintext;
    private volatile Consumer<String> problems = message -> System.getLogger("org.mailmigrator.batch")
            .log(System.Logger.Level.WARNING, "Notifications: " + message);
    private SharedWorkspace workspace;
    private final Notifiers notifiers;

    /** @param notifiers the contributions of the workspace service's extension registry (read once, by the service) */
    NotifierWiring(Notifiers notifiers) {
        this.notifiers = notifiers;
    }

    void attach(BatchManager manager, SharedWorkspace owner) {
        this.workspace = owner;
        manager.addListener(this);
    }

    void policy(boolean plaintext, Consumer<String> sink) {
        this.allowPlaintext = plaintext;
        this.problems = sink;
    }

    /** The notifiers of {@code batch}: every contributed one that has something to do (the SMTP mail of the
     * workspace's settings when the batch has a notification address), as one listener; none when none has. */
    List<BatchListener> notifiers(Workspace ws, SecretVault vault, BatchSpec batch, boolean allowPlaintext,
            Consumer<String> problems) {
        RunNotifiers made = notifiers.create(new NotifierContext(ws, vault, batch, allowPlaintext,
                problems));
        return made.isEmpty() ? List.of() : List.of(made);
    }

    @Override
    public void batchStarted(BatchSpec batch) {
        List<BatchListener> made = notifiers(workspace.folder, workspace.firstVault(), batch, allowPlaintext, problems);
        if (!made.isEmpty()) {
            running.put(batch.name(), made);
            if (told(batch.name(), true)) {
                made.forEach(n -> n.batchStarted(batch));
            }
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
        if (told(batch.name(), false)) {
            done.forEach(n -> n.batchFinished(batch, last));
        }
        // closing waits for the queued mails: not on the job manager's thread
        closing.add(Thread.ofVirtual().start(() -> done.forEach(NotifierWiring::close)));
    }

    /**
     * Whether this process tells the run's start (or end): with a shared store only the first process whose part
     * starts and the one whose end leaves nothing of the batch to run ({@link RunNotices}); a store that cannot be
     * asked is said to {@code problems}, and the notice goes (twice rather than never).
     */
    private boolean told(String batch, boolean start) {
        RunNotices notices = workspace.store.notices();
        try {
            return start ? notices.begin(batch) : notices.end(batch);
        } catch (BatchStoreException | RuntimeException e) {
            problems.accept("whether another process told the " + (start ? "start" : "end") + " of batch " + batch
                    + " is unknown (" + e.getMessage() + "): told here");
            return true;
        }
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
