package org.mailmigrator.cli.internal.batch;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.mailmigrator.batch.jobs.FleetWorker;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.batch.workspace.BatchWorkspace;
import org.mailmigrator.batch.workspace.WorkspaceService;
import org.mailmigrator.cli.internal.Arguments;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mailmigrator worker --store URL [--slots N]}: runs whatever rows of the store's batches are queued (or were
 * interrupted, or left by a dead process), at most N at once, until SIGTERM or Ctrl-C ({@link FleetWorker}).
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Runs the queued rows of every batch in a shared store (batch run NAME --store URL --no-wait "
                + "queues them), --slots at a time, until stopped (SIGTERM, Ctrl-C): its running rows are then left "
                + "Interrupted for any worker to resume.",
        footer = { "", "Exit codes: 0 stopped while idle, 1 store error, 2 wrong command line, 7 stopped with rows "
                + "running (they are Interrupted; any worker resumes them)." })
public final class WorkerCommand implements Callable<Integer> {
    private final WorkspaceService service;
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOptions ws;
    @Option(names = "--slots", paramLabel = "N", defaultValue = "4", description = "rows at once, over all batches (default 4)")
    int slots;
    @Option(names = "--poll-seconds", paramLabel = "S", defaultValue = "5", description = "how often the store is asked for new work (default 5)")
    int pollSeconds;
    @Option(names = "--heartbeat-file", paramLabel = "FILE", description = "touched after each poll that reached the "
            + "store (a container's liveness probe checks its age; releng/kubernetes)")
    java.nio.file.Path heartbeat;
    @Option(names = "--allow-plaintext", description = "imap:// servers without STARTTLS (test servers, legacy hosts)")
    boolean allowPlaintext;
    @Option(names = "--trust-sha256", paramLabel = "HEX", description = "trust a server certificate with this SHA-256 (repeatable)")
    List<String> trust = new ArrayList<>();

    /** Counted down once the worker's rows are stopped and the store closed (the signal's hook waits for it). */
    private final CountDownLatch closed = new CountDownLatch(1);

    public WorkerCommand(WorkspaceService service) {
        this.service = service;
    }

    @Override
    public Integer call() throws Exception {
        try {
            return work();
        } finally {
            closed.countDown();
        }
    }

    /**
     * db-scheduler's log (slf4j-simple in the product): while the database is away it logs every failed poll and
     * heartbeat with a stack trace; the worker says the outage in two lines of its own instead (its queue's
     * {@code OutageWatch}). Setting this property (e.g. to {@code warn}) brings db-scheduler's log back.
     */
    static final String SCHEDULER_LOG = "org.slf4j.simpleLogger.log.com.github.kagkarlsson.scheduler";

    private int work() throws Exception {
        if (System.getProperty(SCHEDULER_LOG) == null) {
            System.setProperty(SCHEDULER_LOG, "off"); // before db-scheduler's loggers are made (when the queue is)
        }
        PrintWriter err = spec.commandLine().getErr();
        try {
            Arguments.atLeastOne("--slots", slots);
            Arguments.atLeastOne("--poll-seconds", pollSeconds);
            Arguments.sha256("--trust-sha256", trust);
            if (ws.database().isEmpty()) {
                throw new IllegalArgumentException("--store URL is required: workers share the batches of a PostgreSQL "
                        + "database (docs/postgresql.md)");
            }
        } catch (IllegalArgumentException e) {
            err.println("mailmigrator worker: " + e.getMessage());
            return BatchExitCodes.USAGE;
        }
        BatchWorkspace opened;
        try {
            opened = ws.open(service);
        } catch (BatchStoreException e) {
            err.println("mailmigrator worker: " + e.getMessage());
            return BatchExitCodes.INVALID;
        }
        try (BatchWorkspace w = opened) {
            w.vault(false);
            List<String> pins = new ArrayList<>(trust);
            pins.addAll(new org.mailmigrator.batch.jobs.TrustedPins(ws.workspace()).pins());
            var gate = new org.mailmigrator.batch.jobs.CertificateGate(c -> {
                line(err, c.sentence());
                return org.mailmigrator.batch.jobs.CertificateQuestion.Answer.REFUSE;
            }, null);
            RunSettings settings = RunSettings.defaults().withAllowPlaintext(allowPlaintext).withTrust(pins)
                    .withCertificates(gate);
            w.setNotificationPolicy(allowPlaintext, msg -> line(err, msg));
            FleetWorker worker = new FleetWorker(w.manager(), w.store(), slots, settings, l -> line(err, l));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> SignalStop.halt("mailmigrator worker", () -> {
                line(err, "stopping between two messages…");
                return worker.stop(Duration.ofSeconds(20));
            }, closed, spec.commandLine().getOut(), err, "mailmigrator worker --store …"), "mailmigrator-worker-stop"));
            line(err, w.store().claims().worker() + " working on " + ws.where() + ", " + slots + " slot(s)");
            worker.run(Duration.ofSeconds(pollSeconds), new Heartbeat(heartbeat, m -> line(err, m))::touch);
            return BatchExitCodes.OK;
        }
    }

    private static void line(PrintWriter err, String text) {
        synchronized (err) {
            err.println("mailmigrator worker: " + text);
            err.flush();
        }
    }
}
