package org.mailmigrator.batch.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.Labels;
import org.mailmigrator.batch.Batches;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.PimLeg;
import org.mailmigrator.batch.jobs.BatchFamily;
import org.mailmigrator.batch.jobs.JobKind;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.batch.preflight.Preflight;
import org.mailmigrator.batch.preflight.PreflightResult;
import org.mailmigrator.batch.report.PassLog;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.engine.SkippedItem;
import org.mailmigrator.core.engine.ProgressSnapshot;
import org.mailmigrator.core.engine.SessionFactory;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Migration;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.Connector;
import org.mailmigrator.core.state.StateStore;

/**
 * One migration of a batch as an Eclipse job: reserves its connections per host, optionally runs the
 * pre-flight, then one engine pass, then the row's calendar/contacts legs ({@link PimPass}). Cancelling it
 * cancels the engine between two messages; the status it
 * ends in is what was requested (Paused, Stopped) or, when the process is going down, Interrupted, which the
 * next run resumes.
 */
public final class MigrationJob extends Job {
    private final JobServices services;
    private final BatchSpec batch;
    private final Migration migration;
    private final RunSettings settings;
    private final org.mailmigrator.batch.internal.Status status;
    private volatile MigrationStatus requested;
    private volatile MigrationEngine engine;
    private volatile PreflightResult preflight;
    private volatile MigrationReport report;

    public MigrationJob(JobServices services, BatchSpec batch, Migration migration, RunSettings settings,
            org.mailmigrator.batch.MigrationState state) {
        super("Migrate " + Labels.account(migration.source()) + " to " + Labels.account(migration.destination()));
        this.services = services;
        this.batch = batch;
        this.migration = migration;
        this.settings = settings;
        this.status = new org.mailmigrator.batch.internal.Status(services, batch.name(), state);
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
        int before = getState();
        if (cancel() && before != Job.NONE && endIn != null && !settings.preflightOnly()) {
            // the job had not started: run() will not record the status, so it is recorded here
            status.move(endIn, null);
        }
    }

    @Override
    protected void canceling() {
        MigrationEngine e = engine;
        if (e != null) {
            e.cancel();
        }
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        // a row whose item kinds leave out mail (unticked in the editor) runs only its calendar/contacts legs
        if (PimLeg.legsOnly(migration) || !migration.options().kinds().contains(org.mailmigrator.core.model.ItemKind.MAIL)) {
            return legsOnly(monitor);
        }
        String src = HostLimiter.hostOf(migration.source(), services.connectors()); // the connector's endpoint
        String dst = HostLimiter.hostOf(migration.destination(), services.connectors());
        int cost = settings.connectionsPerSession();
        Map<String, Integer> need = new HashMap<>();
        need.merge(src.toLowerCase(java.util.Locale.ROOT), cost, Integer::sum);
        need.merge(dst.toLowerCase(java.util.Locale.ROOT), cost, Integer::sum);
        for (var e : need.entrySet()) {
            if (e.getValue() > batch.perHostLimit()) {
                status.move(MigrationStatus.FAILED, "the per-host limit " + batch.perHostLimit() + " is below the "
                        + e.getValue() + " connections this pair needs on " + e.getKey() + " (" + cost
                        + " per session and side): raise the connections per server"
                        + " (--per-host, or the workbench's preferences)");
                return Status.OK_STATUS;
            }
        }
        try (HostLimiter.Reservation r = services.limiter().reserve(need, batch.perHostLimit(), monitor::isCanceled)) {
            if (r == null) {
                return interrupted();
            }
            var creds = Batches.credentials(services.store(), services.vault(), migration);
            Connector sc = services.connectors().create(migration.source().connectorId());
            Connector dc = services.connectors().create(migration.destination().connectorId());
            SessionFactory sf = r.limit(src, cost, factory(sc, migration.source(), Role.SOURCE, creds.source()));
            SessionFactory df = r.limit(dst, cost, factory(dc, migration.destination(), Role.DESTINATION, creds.destination()));
            if (settings.preflight()) {
                if (!settings.preflightOnly()) {
                    status.move(MigrationStatus.PREFLIGHT, null);
                }
                preflight = Preflight.check(migration.id(), sf, df);
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
            if (monitor.isCanceled()) {
                return interrupted();
            }
            return migrate(sf, df, monitor);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return interrupted();
        } catch (Exception | LinkageError e) {
            status.move(MigrationStatus.FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
            return Status.OK_STATUS;
        }
    }

    private IStatus migrate(SessionFactory sf, SessionFactory df, IProgressMonitor monitor) throws Exception {
        services.hub().reset(batch.name(), migration.id());
        status.move(MigrationStatus.RUNNING, null);
        MigrationSettings es = Sessions.engine(settings, migration.options());
        MigrationListener listener = org.mailmigrator.core.engine.QuotaSkips.once(new MigrationListener() {
            @Override
            public void progress(ProgressSnapshot snapshot) {
                services.hub().progress(batch.name(), migration.id(), snapshot);
            }

            @Override
            public void info(String message) {
                services.hub().log(batch.name(), migration.id(), message);
            }
        });
        MigrationReport r;
        PassLog passes = new PassLog(services.workspace(), batch.name(), migration.id());
        String kind = kindOfPass(passes);
        Instant started = Instant.now();
        record(passes, new PassLog.Pass(started, null, kind, "running", 0, 0, 0, 0), false);
        long copiedOverall;
        try (StateStore state = StateStore.openEmbedded(services.workspace().stateDir(batch.name()), migration.id())) {
            org.mailmigrator.batch.jobs.SourceCount.count(sf, df, es, state).ifPresent(c -> services.hub().counted(batch.name(), migration.id(), c));
            if (monitor.isCanceled()) {
                return interrupted();
            }
            engine = new MigrationEngine(sf, df, state, es, listener);
            Account d = migration.destination();
            var described = services.connectors().descriptor(d.connectorId());
            var host = described.flatMap(c -> c.endpointHost(d));
            var login = described.flatMap(c -> c.login(d));
            if (host.isPresent() && login.isPresent()) {
                engine.lockingDestination(host.get(), login.get()); // one writer per destination mailbox
            }
            r = engine.run();
            copiedOverall = afterPass(r, sf, df, state, passes);
        }
        report = r;
        record(passes, new PassLog.Pass(started, Instant.now(), kind, outcomeText(r.outcome()), r.copied(),
                r.alreadyPresent(), r.skipped().size(), r.bytes()), true);
        try { // shown by the report and batch status, not only in the run's log
            passes.warnings(r.warnings());
        } catch (java.io.IOException | RuntimeException e) {
            services.hub().log(batch.name(), migration.id(), "the pass's warnings could not be saved: " + e.getMessage());
        }
        long bytesOverall = status.get().bytes() + r.bytes();
        boolean mailDone = r.outcome() == Outcome.COMPLETED || r.outcome() == Outcome.ITEMS_SKIPPED;
        List<SkippedItem> skipped = new ArrayList<>(r.skipped());
        PimPass.Result pim = null;
        if (mailDone && !batch.pim(migration.id()).isEmpty()) {
            // calendars and contacts only after the mail: a mail pass cut short runs again first on resume
            pim = PimPass.run(services, batch.name(), migration.id(), batch.pim(migration.id()), settings.allowPlaintext());
            services.store().savePimSummary(batch.name(), migration.id(), pim.summary());
            skipped.addAll(pim.failures());
        }
        services.store().saveSkipped(batch.name(), migration.id(), skipped);
        if (mailDone && pim != null && pim.accountFailure() != null) {
            status.totals(copiedOverall, skipped.size(), bytesOverall, status.get().lastSync().orElse(null));
            // the mail is there: say so, and which leg failed
            status.move(MigrationStatus.FAILED, "mail copied (" + copiedOverall + " message(s)), but the "
                    + pim.accountFailure().replaceFirst(":", " leg failed:"));
            return Status.OK_STATUS;
        }
        switch (r.outcome()) {
            case COMPLETED, ITEMS_SKIPPED -> {
                status.totals(copiedOverall, skipped.size(), bytesOverall, Instant.now());
                status.move(skipped.isEmpty() ? MigrationStatus.SYNCED : MigrationStatus.SYNCED_WITH_ERRORS,
                        skipped.isEmpty() ? null : SkipsSaid.line(skipped, df));
            }
            case INTERRUPTED -> {
                status.totals(copiedOverall, r.skipped().size(), bytesOverall, status.get().lastSync().orElse(null));
                return interrupted();
            }
            default -> {
                status.totals(copiedOverall, r.skipped().size(), bytesOverall, status.get().lastSync().orElse(null));
                String failure = r.failure() == null ? outcomeText(r.outcome()) : r.failure();
                // the refused certificate's sentence only for a certificate failure: the gate remembers refusals
                // per host, and another server on that host (or a wrong password) is not a certificate problem
                status.move(MigrationStatus.FAILED, r.outcome() == org.mailmigrator.core.engine.Outcome.CERTIFICATE_REJECTED
                        ? refusedCertificate().orElse(failure) : failure);
            }
        }
        return Status.OK_STATUS;
    }

    /**
     * After the engine: a finished pass gets the completeness check (both servers asked); any pass the copies
     * recorded over all passes. Returns those copies ({@code status().copied()} plus this pass when the state
     * store cannot say).
     */
    private long afterPass(MigrationReport r, SessionFactory sf, SessionFactory df,
            org.mailmigrator.core.state.StateStore state, PassLog passes) {
        if (r.outcome() == Outcome.COMPLETED || r.outcome() == Outcome.ITEMS_SKIPPED) {
            var counts = org.mailmigrator.batch.jobs.Completeness.check(r.plan(), sf, df, state);
            if (counts.isPresent()) {
                try {
                    passes.folders(counts.get());
                } catch (java.io.IOException e) {
                    services.hub().log(batch.name(), migration.id(), "the completeness check could not be saved: " + e.getMessage());
                }
                return counts.get().stream().mapToLong(PassLog.FolderCount::copied).sum();
            }
        }
        try {
            return r.plan().isEmpty() ? status.get().copied() + r.copied()
                    : org.mailmigrator.batch.jobs.Completeness.copiedSoFar(r.plan(), state);
        } catch (org.mailmigrator.core.state.StateException e) {
            return status.get().copied() + r.copied();
        }
    }

    /** The sentence of a certificate refused in this process for one of the row's hosts (not the connector's text). */
    private java.util.Optional<String> refusedCertificate() {
        var gate = settings.certificates();
        if (gate == null) {
            return java.util.Optional.empty();
        }
        for (Account a : List.of(migration.source(), migration.destination())) {
            var c = services.connectors().descriptor(a.connectorId()).flatMap(d -> d.endpointHost(a)).flatMap(gate::refused);
            if (c.isPresent()) {
                return c.map(org.mailmigrator.batch.jobs.UntrustedCertificate::sentence);
            }
        }
        return java.util.Optional.empty();
    }

    private String kindOfPass(PassLog passes) {
        try {
            return passes.nextKind();
        } catch (java.io.IOException | RuntimeException e) {
            return "full";
        }
    }

    private void record(PassLog passes, PassLog.Pass pass, boolean replaceLast) {
        try {
            passes.record(pass, replaceLast);
        } catch (java.io.IOException | RuntimeException e) {
            // the history is a report aid: a full disk must not fail the migration (the log says it)
            services.hub().log(batch.name(), migration.id(), "the pass history could not be saved: " + e.getMessage());
        }
    }

    static String outcomeText(Outcome o) {
        return o.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /**
     * A row of calendar/contacts legs only: no mail connection to reserve, nothing for the mail pre-flight
     * to check (a pre-flight-only run leaves it Queued), then the legs.
     */
    private IStatus legsOnly(IProgressMonitor monitor) {
        if (settings.preflightOnly() || monitor.isCanceled()) {
            return monitor.isCanceled() ? interrupted() : Status.OK_STATUS;
        }
        try {
            services.hub().reset(batch.name(), migration.id());
            status.move(MigrationStatus.RUNNING, null);
            PimPass.Result pim = PimPass.run(services, batch.name(), migration.id(), batch.pim(migration.id()),
                    settings.allowPlaintext());
            services.store().savePimSummary(batch.name(), migration.id(), pim.summary());
            services.store().saveSkipped(batch.name(), migration.id(), pim.failures());
            int failed = pim.failures().size();
            status.totals(0, failed, 0, pim.accountFailure() == null ? Instant.now() : status.get().lastSync().orElse(null));
            if (pim.accountFailure() != null) {
                status.move(MigrationStatus.FAILED, pim.accountFailure());
            } else {
                status.move(failed == 0 ? MigrationStatus.SYNCED : MigrationStatus.SYNCED_WITH_ERRORS,
                        failed == 0 ? null : failed + " item(s) skipped (see the report)");
            }
        } catch (Exception e) {
            status.move(MigrationStatus.FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
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

    private SessionFactory factory(Connector c, Account a, Role role, Secret secret) {
        return Sessions.factory(c, a, role, secret, settings);
    }
}
