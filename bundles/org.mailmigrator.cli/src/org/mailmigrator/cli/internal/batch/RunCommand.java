package org.mailmigrator.cli.internal.batch;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.jobs.BatchListener;
import org.mailmigrator.batch.jobs.BatchManager;
import org.mailmigrator.batch.jobs.BatchProgress;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.batch.jobs.Selection;
import org.mailmigrator.batch.report.BatchReport;
import org.mailmigrator.batch.report.PreflightReport;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.workspace.BatchDefaults;
import org.mailmigrator.batch.workspace.BatchWorkspace;
import org.mailmigrator.cli.internal.Arguments;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code batch run NAME|FILE.csv}: runs every migration not yet synced (a batch interrupted by a crash
 * resumes where it stood), prints a progress line every few seconds and the final table.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs a stored batch (or imports FILE.csv first, named after the file). Migrations not yet "
                + "synced run, --parallel at a time, with at most --per-host connections to any server.")
public final class RunCommand implements Callable<Integer> {
    @ParentCommand
    BatchCommand parent;
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOptions ws;
    @Mixin
    ImportArgs importArgs;
    @Parameters(index = "0", paramLabel = "NAME|FILE.csv")
    String target;
    @Option(names = "--parallel", paramLabel = "N",
            description = "migrations at once (stored with the batch; with --store, over every process and worker)")
    Integer parallel;
    @Option(names = "--per-host", paramLabel = "N", description = "connections per server host (stored with the batch)")
    Integer perHost;
    @Option(names = "--preflight", description = "check every row (login, capabilities, folders, sizes, APPENDLIMIT, quota) before copying")
    boolean preflight;
    @Option(names = "--preflight-only", description = "only check every row and print the fix list")
    boolean preflightOnly;
    @Option(names = "--retry-failed", description = "run only the failed migrations")
    boolean retryFailed;
    @Option(names = "--delta", description = "also run synced migrations again (copies only what is new)")
    boolean delta;
    @Option(names = "--allow-plaintext", description = "imap:// servers without STARTTLS, and SMTP AUTH of notifications without TLS (test servers, legacy hosts)")
    boolean allowPlaintext;
    @Option(names = "--trust-sha256", paramLabel = "HEX", description = "trust a server certificate with this SHA-256 (repeatable)")
    List<String> trust = new ArrayList<>();
    @Option(names = "--report", paramLabel = "DIR", description = "write the batch reports (JSON, CSV, summary) here")
    Path report;
    @Option(names = "--no-wait", description = "with --store: queue the batch's rows for the workers (mailmigrator worker) and return")
    boolean noWait;
    @Option(names = "--progress-seconds", paramLabel = "S", defaultValue = "5", description = "progress line interval (default 5)")
    int progressSeconds;

    /** Counted down once the run has printed its table and closed the store (a signal's hook waits for it). */
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        try {
            return runAndClose();
        } finally {
            closed.countDown();
        }
    }

    /**
     * Ctrl-C or SIGTERM: the running migrations stop between two messages and are stored Interrupted, the run
     * prints its table and closes the store, then the JVM ends with exit code 7 (not the signal's) after one line
     * saying how to go on.
     */
    private void stopOnSignal(BatchManager manager, String name, PrintWriter err) {
        SignalStop.halt("mailmigrator batch run", () -> {
            err.println("mailmigrator batch run: stopping " + name + " between two messages…");
            err.flush();
            manager.shutdown(Duration.ofSeconds(20));
            return true;
        }, closed, spec.commandLine().getOut(), err, "mailmigrator batch run " + name);
    }

    private int runAndClose() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String name = target;
        try {
            Arguments.atLeastOne("--parallel", parallel);
            Arguments.atLeastOne("--per-host", perHost);
            Arguments.atLeastOne("--progress-seconds", progressSeconds);
            Arguments.sha256("--trust-sha256", trust);
            ws.database(); // the batches and their rows' engine state in PostgreSQL: docs/postgresql.md
            if (noWait && (ws.database().isEmpty() || preflight || preflightOnly || report != null)) {
                throw new IllegalArgumentException("--no-wait needs --store URL (the workers read the batch there) and "
                        + "goes without --preflight, --preflight-only and --report");
            }
        } catch (IllegalArgumentException e) {
            err.println("mailmigrator batch run: " + e.getMessage());
            return BatchExitCodes.USAGE;
        }
        BatchWorkspace opened;
        try {
            opened = ws.open(parent.service);
        } catch (org.mailmigrator.batch.store.BatchStoreException e) {
            err.println("mailmigrator batch run: " + e.getMessage()); // names the process that holds it
            return BatchExitCodes.INVALID;
        }
        try (BatchWorkspace w = opened) {
            BatchStore store = w.store();
            Path file = Path.of(target);
            if (target.toLowerCase().endsWith(".csv") || target.toLowerCase().endsWith(".txt") || Files.isRegularFile(file)) {
                ImportArgs.checkFile(file);
                name = importArgs.name != null ? importArgs.name : ImportArgs.nameOf(file);
                if (store.batch(name).isPresent()) {
                    err.println("mailmigrator batch run: batch " + name + " exists; running it (the file is not imported again)");
                    w.vault(false);
                } else {
                    w.vault(true);
                    BatchDefaults standard = parent.service.defaults();
                    if (importArgs.run(file, w, new BatchDefaults(parallel == null ? standard.concurrency() : parallel,
                            perHost == null ? standard.perHost() : perHost), out, err).isEmpty()) {
                        return BatchExitCodes.INVALID;
                    }
                }
            } else {
                w.vault(false);
            }
            Optional<BatchSpec> found = store.batch(name);
            if (found.isEmpty()) {
                err.println("mailmigrator batch run: no batch named '" + name + "' in " + ws.where());
                return BatchExitCodes.USAGE;
            }
            BatchSpec batch = found.get();
            if (parallel != null || perHost != null) {
                store.updateLimits(name, parallel != null ? parallel : batch.concurrency(),
                        perHost != null ? perHost : batch.perHostLimit());
            }
            if (noWait) {
                Selection selection = retryFailed ? Selection.FAILED : delta ? Selection.DELTA : Selection.PENDING;
                int queued = QueueForWorkers.queue(store, name, selection);
                out.println("queued " + queued + " row(s) of " + name + " for the workers (mailmigrator worker --store …)");
                return BatchExitCodes.OK;
            }
            return run(w, name, out, err);
        } catch (IllegalArgumentException e) {
            err.println("mailmigrator batch run: " + e.getMessage());
            return BatchExitCodes.USAGE;
        }
    }

    private int run(BatchWorkspace w, String name, PrintWriter out, PrintWriter err) throws Exception {
        BatchStore store = w.store();
        // certificates trusted "always" in the workbench (the workspace's list) count as --trust-sha256 flags; an
        // unknown one is described once per host, with the flag to pass, and refused
        var trustedPins = new org.mailmigrator.batch.jobs.TrustedPins(ws.workspace());
        List<String> pins = new ArrayList<>(trust);
        pins.addAll(trustedPins.pins());
        var gate = new org.mailmigrator.batch.jobs.CertificateGate(c -> {
            err.println("mailmigrator batch run: " + c.sentence());
            err.flush();
            return org.mailmigrator.batch.jobs.CertificateQuestion.Answer.REFUSE;
        }, null);
        RunSettings settings = RunSettings.defaults().withAllowPlaintext(allowPlaintext).withTrust(pins)
                .withPreflight(preflight, preflightOnly).withCertificates(gate);
        Selection selection = retryFailed ? Selection.FAILED : delta ? Selection.DELTA : Selection.PENDING;
        // the workspace's notifiers (wired once on its job manager) tell their problems here
        w.setNotificationPolicy(allowPlaintext, msg -> {
            err.println("mailmigrator batch run: " + msg);
            err.flush();
        });
        BatchManager manager = w.manager();
        AtomicLong lastLine = new AtomicLong();
        BatchListener progressLines = new BatchListener() {
            @Override
            public void progress(BatchProgress p) {
                long now = System.nanoTime();
                if (p.batch().equals(name) && now - lastLine.get() >= progressSeconds * 1_000_000_000L) {
                    lastLine.set(now);
                    err.println(StatusTable.totals(p));
                    err.flush();
                }
            }
        };
        manager.addListener(progressLines);
        try {
            Thread hook = new Thread(() -> stopOnSignal(manager, name, err), "mailmigrator-batch-interrupt");
            Runtime.getRuntime().addShutdownHook(hook);
            int scheduled = manager.start(name, selection, List.of(), settings);
            if (scheduled == 0) {
                err.println("mailmigrator batch run: nothing to run in " + name + " (every migration is synced; "
                        + "--delta runs them again)");
            }
            manager.join(name, Duration.ofDays(365));
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: the jobs were cancelled and their states stored
            }
            // the notification mails of the batch go out before the command ends
            w.awaitNotifications(Duration.ofSeconds(60));
            BatchProgress last = manager.snapshot(name);
            StatusTable.print(out, last);
            if (preflightOnly || preflight) {
                Preflights.print(out, manager.preflights(name));
            }
            if (report != null) {
                BatchReport loaded = BatchReport.load(store, ws.workspace(), name, org.mailmigrator.batch.jobs.ConnectorFactory.of(w.connectors()));
                Reports.write(report, dir -> {
                    loaded.write(dir);
                    if (preflightOnly || preflight) {
                        new PreflightReport(manager.preflights(name)).write(dir);
                    }
                });
                out.println("reports written to " + report);
            }
            if (preflightOnly) {
                return manager.preflights(name).values().stream().allMatch(r -> r.ready()) ? BatchExitCodes.OK
                        : BatchExitCodes.PREFLIGHT;
            }
            List<MigrationStatus> statuses = store.states(name).stream().map(s -> s.status()).toList();
            return BatchExitCodes.of(statuses);
        } finally {
            manager.removeListener(progressLines);
        }
    }
}
