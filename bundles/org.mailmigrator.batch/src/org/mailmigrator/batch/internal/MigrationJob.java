package org.mailmigrator.batch.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.Labels;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.jobs.BatchFamily;
import org.mailmigrator.batch.jobs.JobKind;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.batch.preflight.PreflightResult;
import org.mailmigrator.batch.report.PassLog;
import org.mailmigrator.batch.run.PassReport;
import org.mailmigrator.batch.run.PassRequest;
import org.mailmigrator.batch.run.PassRunner;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.engine.SkippedItem;
import org.mailmigrator.core.model.Migration;

/**
 * One migration of a batch as an Eclipse job: reserves its connections per host, then runs one pass through
 * the {@link PassRunner} (pre-flight when asked, mail, calendar/contacts legs), the same runner as
 * {@code mailmigrator migrate}, and turns its report into the row's status, skipped items and pass history.
 * Cancelling it cancels the pass between two messages; the status it ends in is what was requested (Paused,
 * Stopped) or, when the process is going down, Interrupted, which the next run resumes.
 */
public final class MigrationJob extends Job {
    private final JobServices services;
    private final BatchSpec batch;
    private final Migration migration;
    private final RunSettings settings;
    private final org.mailmigrator.batch.internal.Status status;
    private final RowHistory history;
    private final RowClaim claims;
    private final RowPassListener listener;
    private volatile MigrationStatus requested;
    private volatile PassRunner runner;
    private volatile PreflightResult preflight;
    private volatile MigrationReport report;

    public MigrationJob(JobServices services, BatchSpec batch, Migration migration, RunSettings settings,
            org.mailmigrator.batch.MigrationState state) {
        super("Migrate " + Labels.account(migration.source(), services.connectors()) + " to " + Labels.account(migration.destination(), services.connectors()));
        this.services = services;
        this.batch = batch;
        this.migration = migration;
        this.settings = settings;
        this.status = new org.mailmigrator.batch.internal.Status(services, batch.name(), state);
        this.claims = new RowClaim(services.store().claims(), batch.name(), migration.id(), services.store());
        this.history = new RowHistory(PassLog.of(services.store(), services.workspace(), batch.name(), migration.id()),
                line -> services.hub().log(batch.name(), migration.id(), line));
        this.listener = new RowPassListener(services.hub(), batch.name(), migration.id(), settings.preflightOnly(), status,
                history);
        setSystem(false);
    }

    public String migrationId() {
        return migration.id();
    }

    public PreflightResult preflight() {
        return preflight;
    }

    public MigrationReport report() {
        return report;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family.equals(new BatchFamily(batch.name()))
                || family == (settings.preflightOnly() ? JobKind.PREFLIGHT : JobKind.MIGRATION);
    }

    /** Queued for a job now: shown as Queued until it runs. */
    public void queued() {
        // a pre-flight only checks: it never changes what a row's status says (Synced stays Synced)
        if (!settings.preflightOnly() && status.get().status() != MigrationStatus.QUEUED) {
            status.move(MigrationStatus.QUEUED, null);
        }
    }

    /** Cancels with the status it must end in (Paused, Stopped); null means "the process is stopping". */
    public void stop(MigrationStatus endIn) {
        requested = endIn;
        boolean wasWaiting = waiting;
        boolean elsewhere = claims.waiting();
        waiting = false; // a job sleeping until its quota window opens ends here (its done() counts it)
        claims.giveUp(); // so does one waiting for the row another process runs: that process owns its status
        int before = getState();
        if (cancel() && before != Job.NONE && !settings.preflightOnly() && !elsewhere) {
            // the job had not started (or waits for quota, not running): run() will not record the status
            if (endIn != null) {
                status.move(endIn, null);
            } else if (wasWaiting) {
                status.move(MigrationStatus.INTERRUPTED, CUT_OFF);
            }
        }
    }

    /**
     * Whether the job ended its run waiting for quota and is scheduled again for when the window opens: it holds
     * no slot of the batch meanwhile, but the row is not done ({@link org.mailmigrator.batch.jobs.BatchManager}
     * keeps counting it).
     */
    public boolean waitingForQuota() {
        return waiting;
    }

    /**
     * Whether the job ended its run without a pass and is scheduled again: waiting for quota, or for the row that
     * another process of a shared store runs ({@link RowClaim}). The manager keeps counting it.
     */
    public boolean rescheduled() {
        return waiting || claims.waiting();
    }

    @Override
    protected void canceling() {
        PassRunner r = runner;
        if (r != null) {
            r.cancel();
        }
    }

    /** Set by a pass that ended waiting for quota: how long until the budget's window opens ({@link QuotaWait}). */
    private volatile long quotaWait;
    private volatile boolean waiting;
    /** When the job waiting for quota runs again. */
    private volatile Instant waitsUntil;

    /**
     * Ends a wait for quota without a status change (the row stays Waiting for quota): a worker queues the row again
     * for when the window opens instead, so that the wait holds none of its threads. The job ends (as done).
     *
     * @return when the window opens; empty when the job is not waiting (or has just started again)
     */
    public Optional<Instant> handBack() {
        Instant at = waitsUntil;
        if (!waiting || at == null || !sleep()) { // sleep(): false when it is running again
            return Optional.empty();
        }
        waiting = false;
        cancel();
        return Optional.of(at);
    }

    /**
     * Runs the pass. One that ends waiting for quota gives its slot of the batch back (the batch's other rows run
     * meanwhile): the job ends and is scheduled again for when the window opens, then waits for a slot as any row.
     * Whatever the pass throws ends the row Failed with it named, an {@link Error} too (a broken library, an
     * assertion): never left Running, and its connections were given back when the reservation closed.
     */
    @Override
    protected IStatus run(IProgressMonitor monitor) {
        waiting = false;
        quotaWait = 0;
        RowClaim.Verdict verdict = settings.preflightOnly() ? RowClaim.Verdict.RUN : claims.take(status);
        if (verdict == RowClaim.Verdict.WAIT) {
            schedule(claims.pollMillis());
            return Status.OK_STATUS;
        }
        if (verdict == RowClaim.Verdict.DONE_ELSEWHERE) {
            return Status.OK_STATUS;
        }
        try {
            return runClaimed(monitor);
        } finally {
            if (!settings.preflightOnly()) {
                claims.release();
            }
        }
    }

    private IStatus runClaimed(IProgressMonitor monitor) {
        IStatus result;
        try {
            result = runOnce(monitor);
        } catch (Exception | LinkageError e) {
            status.move(MigrationStatus.FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
            return Status.OK_STATUS;
        } catch (Error e) {
            String said = "internal error: " + e; // the core's words for what no connector should throw
            services.hub().log(batch.name(), migration.id(), said + Arrays.stream(e.getStackTrace()).limit(3)
                    .map(f -> " at " + f).collect(Collectors.joining(",")));
            status.move(MigrationStatus.FAILED, said);
            return Status.OK_STATUS;
        }
        if (quotaWait > 0 && !monitor.isCanceled()) {
            waitsUntil = Instant.now().plusMillis(quotaWait);
            waiting = true;
            schedule(quotaWait);
            return Status.OK_STATUS;
        }
        return quotaWait > 0 ? interrupted() : result; // a pass that ended waiting, then paused or stopped
    }

    private IStatus runOnce(IProgressMonitor monitor) throws Exception {
        runner = new PassRunner(services.connectors(), services.presets());
        if (monitor.isCanceled()) {
            runner.cancel();
        }
        // a row whose item kinds leave out mail (unticked in the editor) runs only its calendar/contacts legs
        if (!request(PassRequest.Gate.OPEN).mail()) {
            return legsOnly(monitor);
        }
        String src = HostLimiter.hostOf(migration.source(), services.connectors()); // the connector's endpoint
        String dst = HostLimiter.hostOf(migration.destination(), services.connectors());
        int cost = settings.connectionsPerSession();
        Map<String, Integer> need = new HashMap<>();
        need.merge(src.toLowerCase(java.util.Locale.ROOT), cost, Integer::sum);
        need.merge(dst.toLowerCase(java.util.Locale.ROOT), cost, Integer::sum);
        // the legs run after the mail, one at a time, each with one session: room for one more is enough
        HostLimiter.legHosts(batch.pim(migration.id()), services.connectors()).forEach(h -> need.merge(h, 1, Math::max));
        for (var e : need.entrySet()) {
            if (e.getValue() > batch.perHostLimit()) {
                status.move(MigrationStatus.FAILED, "the per-host limit " + batch.perHostLimit() + " is below the "
                        + e.getValue() + " connections this pair needs on " + e.getKey() + " (" + cost
                        + " per session and side): raise the connections per server"
                        + " (--per-host, or the workbench's preferences)");
                return Status.OK_STATUS;
            }
        }
        try (HostLimiter.Reservation r = services.limiter().reserve(need, batch.perHostLimit(), monitor::isCanceled);
                CertificateWaits w = CertificateWaits.watch(settings.certificates(), need.keySet(), services.hub(),
                        batch.name(), migration.id())) {
            if (r == null || monitor.isCanceled()) {
                return interrupted();
            }
            PassReport pass = runner.run(request(r.gate(src, dst, cost, settings.engine().firstBackoff().toMillis(),
                    services.connectors())), listener);
            preflight = pass.preflight().orElse(null);
            if (preflight != null) {
                String fixes = String.join("; ", preflight.fixes());
                if (preflight.fixes().stream().anyMatch(f -> f.toLowerCase(java.util.Locale.ROOT).contains("certificate"))) {
                    fixes = refusedCertificate().orElse(fixes); // only a certificate problem is told as one
                }
                services.hub().log(batch.name(), migration.id(), preflight.ready() ? "pre-flight: ready"
                        : "pre-flight: to fix: " + fixes);
                if (settings.preflightOnly()) {
                    return Status.OK_STATUS;  // the result is the pre-flight's; the status stays what it was
                }
                if (!preflight.ready()) {
                    status.move(MigrationStatus.FAILED, "pre-flight: " + fixes);
                    return Status.OK_STATUS;
                }
            }
            if (pass.mail().isEmpty()) {
                return interrupted();
            }
            return afterPass(pass);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return interrupted();
        }
    }

    /** This row as a pass: its stored passwords, its state files in the batch's state folder, its legs. */
    private PassRequest request(PassRequest.Gate gate) {
        return new PassRequest(migration, batch.pim(migration.id()), new StoredPasswords(services, migration), settings,
                PassRequest.StateFiles.ofRow(services.workspace().stateDir(batch.name()), migration.id())
                        .in(services.workspace().stateStore(batch.name())), 1, true, gate);
    }

    /** The row's status and ledger after a pass that ran its mail: totals, skipped items, legs, then the status. */
    private IStatus afterPass(PassReport pass) throws org.mailmigrator.batch.store.BatchStoreException {
        MigrationReport r = pass.mail().orElseThrow();
        report = r;
        long copiedOverall;
        if (!pass.folders().isEmpty()) {
            history.folders(pass.folders());
            copiedOverall = pass.folders().stream().mapToLong(PassLog.FolderCount::copied).sum();
        } else {
            copiedOverall = pass.copiedSoFar().orElse(status.get().copied() + r.copied());
        }
        history.record(new PassLog.Pass(listener.started(), Instant.now(), listener.kind(), PassReport.text(r.outcome()), r.copied(),
                r.alreadyPresent(), r.skipped().size(), r.bytes()), true);
        history.warnings(r.warnings());
        history.seal(pass);
        long bytesOverall = status.get().bytes() + r.bytes();
        List<SkippedItem> skipped = pass.skipped();
        if (!pass.legs().isEmpty()) {
            services.store().savePimSummary(batch.name(), migration.id(), pass.legsSummary());
        }
        services.store().saveSkipped(batch.name(), migration.id(), skipped);
        if (pass.mailDone() && pass.legFailure().isPresent()) {
            status.totals(copiedOverall, skipped.size(), bytesOverall, status.get().lastSync().orElse(null));
            // the mail is there: say so, and which leg failed
            status.move(MigrationStatus.FAILED, "mail copied (" + copiedOverall + " message(s)), but the "
                    + pass.legFailure().get().replaceFirst(":", " leg failed:"));
            return Status.OK_STATUS;
        }
        switch (r.outcome()) {
            case COMPLETED, ITEMS_SKIPPED -> {
                status.totals(copiedOverall, skipped.size(), bytesOverall, Instant.now());
                status.move(skipped.isEmpty() ? MigrationStatus.SYNCED : MigrationStatus.SYNCED_WITH_ERRORS,
                        skipped.isEmpty() ? null : SkipsSaid.line(skipped, pass.quota()));
                if (pass.interrupted()) {
                    return interrupted(); // the legs were cut short: the next pass runs them
                }
            }
            case INTERRUPTED, WAITING_FOR_QUOTA -> {
                status.totals(copiedOverall, r.skipped().size(), bytesOverall, status.get().lastSync().orElse(null));
                if (r.outcome() == Outcome.INTERRUPTED) {
                    return interrupted();
                }
                status.move(MigrationStatus.WAITING_FOR_QUOTA, r.failure()); // "waiting for quota until HH:MM": run() sleeps
                quotaWait = QuotaWait.untilOpens(request(PassRequest.Gate.OPEN), services);
            }
            default -> {
                status.totals(copiedOverall, r.skipped().size(), bytesOverall, status.get().lastSync().orElse(null));
                String failure = r.failure() == null ? PassReport.text(r.outcome()) : r.failure();
                // the refused certificate's sentence only for a certificate failure: the gate remembers refusals
                // per host, and another server on that host (or a wrong password) is not a certificate problem
                status.move(MigrationStatus.FAILED, r.outcome() == Outcome.CERTIFICATE_REJECTED
                        ? refusedCertificate().orElse(failure) : failure);
            }
        }
        return Status.OK_STATUS;
    }

    private Optional<String> refusedCertificate() { // its sentence, for one of the row's hosts (not the connector's text)
        return CertificateWaits.refused(settings.certificates(), migration, services.connectors());
    }

    /**
     * A row of calendar/contacts legs only: one connection on each of its targets' hosts, no mail connection,
     * nothing for the mail pre-flight to check (a pre-flight-only run leaves it Queued), then the legs.
     */
    private IStatus legsOnly(IProgressMonitor monitor) throws Exception {
        if (settings.preflightOnly() || monitor.isCanceled()) {
            return monitor.isCanceled() ? interrupted() : Status.OK_STATUS;
        }
        Map<String, Integer> need = new HashMap<>();
        HostLimiter.legHosts(batch.pim(migration.id()), services.connectors()).forEach(h -> need.put(h, 1));
        try (HostLimiter.Reservation r = services.limiter().reserve(need, Math.max(1, batch.perHostLimit()),
                monitor::isCanceled);
                CertificateWaits w = CertificateWaits.watch(settings.certificates(), need.keySet(), services.hub(),
                        batch.name(), migration.id())) {
            if (r == null || monitor.isCanceled()) {
                return interrupted();
            }
            PassReport pass = runner.run(request(r.gate("", "", 0, services.connectors())), listener); // no mail session in this row
            if (pass.legs().isEmpty() && pass.interrupted()) {
                return interrupted();
            }
            history.seal(pass);
            services.store().savePimSummary(batch.name(), migration.id(), pass.legsSummary());
            services.store().saveSkipped(batch.name(), migration.id(), pass.skipped());
            int failed = pass.skipped().size();
            Optional<String> failure = pass.legFailure();
            status.totals(0, failed, 0, failure.isEmpty() ? Instant.now() : status.get().lastSync().orElse(null));
            if (failure.isPresent()) {
                status.move(MigrationStatus.FAILED, failure.get());
            } else {
                status.move(failed == 0 ? MigrationStatus.SYNCED : MigrationStatus.SYNCED_WITH_ERRORS,
                        failed == 0 ? null : failed + " item(s) skipped (see the report)");
            }
            if (pass.interrupted()) {
                return interrupted();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return interrupted();
        }
        return Status.OK_STATUS;
    }

    /** Ends as requested; a process going down leaves it Interrupted for the next run to resume. */
    private IStatus interrupted() {
        MigrationStatus end = requested;
        if (settings.preflightOnly()) {
            return Status.CANCEL_STATUS;  // a cancelled check changed nothing
        }
        try {
            status.move(end != null ? end : MigrationStatus.INTERRUPTED, end != null ? null : CUT_OFF);
        } catch (RuntimeException e) {
            // the store is already closed (the process is ending): the next start finds it Running and says Interrupted
        }
        return Status.CANCEL_STATUS;
    }

    /** What an interrupted row says. */
    public static final String CUT_OFF = "the pass was cut off when the program ended; start or resume it to continue";
}
