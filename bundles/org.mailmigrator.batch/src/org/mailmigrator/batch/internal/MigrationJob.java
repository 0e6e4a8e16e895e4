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
 * ends in is what was requested (Paused, Stopped) or, when the process is going down, stays Running so that
 * the next run resumes it.
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
        if (status.get().status() != MigrationStatus.QUEUED) {
            status.move(MigrationStatus.QUEUED, null);
        }
    }

    /** Cancels with the status it must end in (Paused, Stopped); null means "the process is stopping". */
    public void stop(MigrationStatus endIn) {
        requested = endIn;
        int before = getState();
        if (cancel() && before != Job.NONE && endIn != null) {
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
        String src = migration.source().setting("host").orElse("?");
        String dst = migration.destination().setting("host").orElse("?");
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
                status.move(MigrationStatus.PREFLIGHT, null);
                preflight = Preflight.check(migration.id(), sf, df);
                if (!preflight.ready()) {
                    status.move(MigrationStatus.FAILED, "pre-flight: " + String.join("; ", preflight.fixes()));
                    return Status.OK_STATUS;
                }
                if (settings.preflightOnly()) {
                    status.move(MigrationStatus.QUEUED, null);
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
        MigrationListener listener = new MigrationListener() {
            @Override
            public void progress(ProgressSnapshot snapshot) {
                services.hub().progress(batch.name(), migration.id(), snapshot);
            }

            @Override
            public void info(String message) {
                services.hub().log(batch.name(), migration.id(), message);
            }
        };
        MigrationReport r;
        try (StateStore state = StateStore.openEmbedded(services.workspace().stateDir(batch.name()), migration.id())) {
            org.mailmigrator.batch.jobs.SourceCount.count(sf, df, es, state).ifPresent(c -> services.hub().counted(batch.name(), migration.id(), c));
            if (monitor.isCanceled()) {
                return interrupted();
            }
            engine = new MigrationEngine(sf, df, state, es, listener);
            r = engine.run();
        }
        report = r;
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
            status.totals(r.copied(), skipped.size(), r.bytes(), status.get().lastSync().orElse(null));
            status.move(MigrationStatus.FAILED, pim.accountFailure());
            return Status.OK_STATUS;
        }
        switch (r.outcome()) {
            case COMPLETED, ITEMS_SKIPPED -> done(r, skipped.size(), skipped.isEmpty() ? MigrationStatus.SYNCED
                    : MigrationStatus.SYNCED_WITH_ERRORS, skipped.isEmpty() ? null
                            : skipped.size() + " item(s) skipped (see the report)");
            case INTERRUPTED -> {
                status.totals(r.copied(), r.skipped().size(), r.bytes(), status.get().lastSync().orElse(null));
                return interrupted();
            }
            default -> {
                status.totals(r.copied(), r.skipped().size(), r.bytes(), status.get().lastSync().orElse(null));
                status.move(MigrationStatus.FAILED, r.failure() == null ? r.outcome().name() : r.failure());
            }
        }
        return Status.OK_STATUS;
    }

    private void done(MigrationReport r, int skipped, MigrationStatus s, String note) {
        status.totals(r.copied(), skipped, r.bytes(), Instant.now());
        status.move(s, note);
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

    /** Ends as requested; a process going down leaves it Running for the next run to resume. */
    private IStatus interrupted() {
        MigrationStatus end = requested;
        if (end != null) {
            status.move(end, null);
        }
        return Status.CANCEL_STATUS;
    }

    private SessionFactory factory(Connector c, Account a, Role role, Secret secret) {
        return Sessions.factory(c, a, role, secret, settings);
    }
}
