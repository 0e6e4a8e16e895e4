package org.mailmigrator.batch.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.core.runtime.jobs.JobGroup;
import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.internal.HostLimiter;
import org.mailmigrator.batch.internal.JobServices;
import org.mailmigrator.batch.internal.MigrationJob;
import org.mailmigrator.batch.internal.ProgressHub;
import org.mailmigrator.batch.preflight.PreflightResult;
import org.mailmigrator.batch.run.Presets;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.batch.store.RowClaims;
import org.mailmigrator.batch.store.RowRequests;
import org.mailmigrator.core.engine.MigrationReport;

/**
 * Runs batches as Eclipse jobs: one {@link JobGroup} per batch capped at its concurrency, one shared
 * per-host connection limit, families per batch ({@link BatchFamily}) and per kind ({@link JobKind}).
 * Start, pause, resume, stop, retry failed and delta work per migration, per selection (a set of ids) or per
 * batch (no ids). A migration waits for the later of its batch's schedule and its own ({@code notBefore}).
 * One manager per workspace and process (the workspace service makes it): the host limit is shared among its
 * batches, and, when the workspace's state store is a PostgreSQL database, with every process using that database
 * (connections counted as leases there, throttling pauses announced there: docs/postgresql.md).
 */
public final class BatchManager implements AutoCloseable {
    private final JobServices services;
    private final List<BatchListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, JobGroup> groups = new ConcurrentHashMap<>();
    private final Map<String, Map<String, MigrationJob>> jobs = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> outstanding = new ConcurrentHashMap<>();

    /** Without provider presets (a test or benchmark without the platform's registry): see {@link Presets#NONE}. */
    public BatchManager(Workspace workspace, BatchStore store, SecretVault vault, ConnectorFactory connectors) {
        this(workspace, store, vault, connectors, Presets.NONE);
    }

    /** The workspace service's manager: connectors and presets read once by the service, handed to every job. */
    public BatchManager(Workspace workspace, BatchStore store, SecretVault vault, ConnectorFactory connectors,
            Presets presets) {
        ProgressHub hub = new ProgressHub(connectors);
        this.services = new JobServices(workspace, store, vault, connectors, presets, HostLimiter.of(workspace), hub, listeners);
        hub.addSink(p -> listeners.forEach(l -> l.progress(p)));
        hub.addStatusSink(p -> {
            try {
                StatusFile.write(workspace, p);
            } catch (java.io.IOException e) {
                // the status file only serves other processes; the run goes on without it
            }
        });
        hub.addSink(org.mailmigrator.batch.report.ThroughputLog.sink(workspace)); // the dashboard's and report's history
        // a pause or stop another process asked of a row this process runs: as this process's own Pause or Stop
        store.requests().ifPresent(r -> r.listen((batch, id, endIn) -> RowControl.cancel(batch, List.of(id), endIn)));
    }

    public void addListener(BatchListener listener) {
        listeners.add(listener);
    }

    /** A holder of the workspace that goes away (a command that ends, a view that closes) stops listening. */
    public void removeListener(BatchListener listener) {
        listeners.remove(listener);
    }

    /**
     * The host an account's connections count against, as its connector declares its endpoint (IMAP's server,
     * an EWS or DAV URL's host), lower-case; empty for an account without one (a file).
     */
    public Optional<String> host(org.mailmigrator.core.model.Account account) {
        return services.connectors().descriptor(account.connectorId()).flatMap(d -> d.endpointHost(account));
    }

    /** Connections now reserved on a host by this manager's jobs. */
    public int connectionsInUse(String host) {
        return services.limiter().inUse(host);
    }

    /** Schedules the selected migrations ({@code ids} empty: the whole batch) not already scheduled; how many. */
    public int start(String batch, Selection selection, Collection<String> ids, RunSettings settings)
            throws BatchStoreException {
        BatchSpec spec = services.store().batch(batch)
                .orElseThrow(() -> new BatchStoreException("no batch named '" + batch + "'", null));
        List<MigrationState> states = services.store().states(batch);
        services.hub().track(spec, states);
        Map<String, MigrationJob> current = jobs.computeIfAbsent(batch, k -> new ConcurrentHashMap<>());
        JobGroup group = groups.compute(batch, (k, g) -> g != null && g.getState() != JobGroup.NONE ? g
                : new JobGroup("batch " + batch, spec.concurrency(), 0));
        Map<String, MigrationState> byId = new LinkedHashMap<>();
        states.forEach(s -> byId.put(s.migrationId(), s));
        AtomicInteger left = outstanding.computeIfAbsent(batch, k -> new AtomicInteger());
        RowClaims claims = services.store().claims();
        Map<String, RowClaims.Holder> held = claims.holders(batch); // rows other processes of a shared store run
        int scheduled = 0;
        for (var m : spec.migrations()) {
            MigrationState s = byId.get(m.id());
            MigrationJob running = current.get(m.id());
            if (s == null || !selection.includes(s.status()) || (!ids.isEmpty() && !ids.contains(m.id()))
                    || (running != null && running.getState() != Job.NONE)) {
                continue;
            }
            MigrationJob job = new MigrationJob(services, spec, m, settings, s);
            job.setJobGroup(group);
            job.addJobChangeListener(new JobChangeAdapter() {
                @Override
                public void done(IJobChangeEvent event) {
                    listeners.forEach(l -> l.jobEnded(batch, m.id()));
                    if (job.rescheduled()) {
                        return; // scheduled again for when its quota window opens, or its row is free: not done
                    }
                    // the last job tells the listeners before it stops counting: join() waits for the count, so
                    // a caller that closes its listeners after join() (the CLI's notifier) never misses "finished"
                    synchronized (left) {
                        try {
                            if (left.get() == 1) {
                                finished(spec);
                            }
                        } finally {
                            left.decrementAndGet();
                        }
                    }
                }
            });
            if (!claims.heldElsewhere(held, m.id())) {
                job.queued(); // a row another process runs keeps its status: this job waits for it
            }
            current.put(m.id(), job);
            synchronized (left) {
                if (left.getAndIncrement() == 0) {
                    started(spec);
                }
            }
            job.schedule(delay(spec.schedule(), m.options().notBefore()));
            scheduled++;
        }
        services.hub().publish(batch);
        return scheduled;
    }

    /** Milliseconds until the later of the batch's schedule and the migration's own; 0 when both are past. */
    private static long delay(Optional<Instant> batchSchedule, Optional<Instant> notBefore) {
        Instant now = Instant.now();
        long batch = batchSchedule.map(at -> Duration.between(now, at).toMillis()).orElse(0L);
        long own = notBefore.map(at -> Duration.between(now, at).toMillis()).orElse(0L);
        return Math.max(0, Math.max(batch, own));
    }

    private void started(BatchSpec spec) {
        try {
            var t = services.store().times(spec.name());
            services.store().saveTimes(spec.name(), new BatchStore.Times(t.started().or(() -> Optional.of(Instant.now())),
                    Optional.empty()));
        } catch (BatchStoreException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        listeners.forEach(l -> l.batchStarted(spec));
    }

    private void finished(BatchSpec spec) {
        try {
            var t = services.store().times(spec.name());
            services.store().saveTimes(spec.name(), new BatchStore.Times(t.started(), Optional.of(Instant.now())));
        } catch (BatchStoreException e) {
            // the finish time is informative; the migrations' own states are already stored
        }
        if (services.store().claims().shared()) {
            try { // the rows other processes ran, as they stored them: the finished batch's digest is the fleet's
                services.hub().track(spec, services.store().states(spec.name()));
            } catch (BatchStoreException e) {
                // this process's view of the rows, as without a shared store
            }
        }
        BatchProgress last = services.hub().snapshot(spec.name());
        services.hub().publish(spec.name());
        listeners.forEach(l -> l.batchFinished(spec, last));
    }

    /**
     * Pauses the selected migrations ({@code ids} empty: the whole batch): queued ones do not start, running ones stop
     * between two messages. With a shared store, rows other processes run are asked of them and rows queued for the
     * workers are set Paused at once ({@link RowRequests}).
     *
     * @return what reached which row (this process's own jobs count as asked of "this process")
     * @throws IllegalStateException when the shared store cannot be reached (this process's rows are paused)
     */
    public RowRequests.Outcome pause(String batch, Collection<String> ids) {
        return RowControl.control(services.store(), batch, ids, MigrationStatus.PAUSED, this::reload);
    }

    /** Stops the selected migrations as {@link #pause} pauses them; a later start or resume continues where they stood. */
    public RowRequests.Outcome stop(String batch, Collection<String> ids) {
        return RowControl.control(services.store(), batch, ids, MigrationStatus.STOPPED, this::reload);
    }

    /** Stops this process's jobs of the selected rows only (before a purge or removal), whatever the store. */
    public void stopHere(String batch, Collection<String> ids) {
        RowControl.cancel(batch, ids, MigrationStatus.STOPPED);
    }

    /** Schedules the selected paused or stopped migrations again, in this process. */
    public int resume(String batch, Collection<String> ids, RunSettings settings) throws BatchStoreException {
        return start(batch, Selection.PENDING, ids, settings);
    }

    public int retryFailed(String batch, RunSettings settings) throws BatchStoreException {
        return start(batch, Selection.FAILED, List.of(), settings);
    }

    /** Another pass over synced migrations too: copies only what arrived since. */
    public int delta(String batch, Collection<String> ids, RunSettings settings) throws BatchStoreException {
        return start(batch, Selection.DELTA, ids, settings);
    }

    /** Waits until no job of the batch is left (or the timeout passes); true when none is left. */
    public boolean join(String batch, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        AtomicInteger left = outstanding.computeIfAbsent(batch, k -> new AtomicInteger());
        while (Job.getJobManager().find(new BatchFamily(batch)).length > 0 || left.get() > 0) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** Rows added or removed, or set by another process: a batch this manager shows has them in its next snapshot. */
    public void reload(String batch) throws BatchStoreException {
        if (services.hub().tracks(batch)) {
            BatchSpec spec = services.store().batch(batch)
                    .orElseThrow(() -> new BatchStoreException("no batch named '" + batch + "'", null));
            services.hub().track(spec, services.store().states(batch));
            services.hub().publish(batch);
        }
    }

    /** Waits until none of these migrations has a job (the others may go on); true when none is left. */
    public boolean join(String batch, Collection<String> ids, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (jobs.getOrDefault(batch, Map.of()).entrySet().stream()
                .anyMatch(e -> ids.contains(e.getKey()) && (e.getValue().getState() != Job.NONE
                        || e.getValue().rescheduled()))) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    public BatchProgress snapshot(String batch) {
        return services.hub().snapshot(batch);
    }

    /** The log of a migration in this process (status changes, engine messages), oldest first. */
    public List<LogEntry> log(String batch, String migrationId) {
        return services.hub().log(batch, migrationId);
    }

    /** Pre-flight results of the last run of each migration that had one, in the batch's order. */
    public Map<String, PreflightResult> preflights(String batch) {
        Map<String, PreflightResult> out = new java.util.TreeMap<>();
        jobs.getOrDefault(batch, Map.of()).forEach((id, j) -> {
            if (j.preflight() != null) {
                out.put(id, j.preflight());
            }
        });
        return out;
    }

    /** Engine reports of this process's last pass of each migration (ids sort in the batch's order). */
    public Map<String, MigrationReport> reports(String batch) {
        Map<String, MigrationReport> out = new java.util.TreeMap<>();
        jobs.getOrDefault(batch, Map.of()).forEach((id, j) -> {
            if (j.report() != null) {
                out.put(id, j.report());
            }
        });
        return out;
    }

    /**
     * Rows a pass was cut off in (Running, Pre-flight or Waiting for quota in the store, but no job of this manager holds them: the
     * process that ran them ended) become Interrupted, with a line saying so. Called when a process opens the
     * workspace for writing, which no other process can then hold.
     *
     * @return the ids per batch that were marked
     */
    public Map<String, List<String>> markInterrupted() throws BatchStoreException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Instant now = Instant.now();
        RowClaims claims = services.store().claims();
        for (String batch : services.store().names()) {
            Map<String, MigrationJob> mine = jobs.getOrDefault(batch, Map.of());
            Map<String, RowClaims.Holder> others = claims.holders(batch); // a shared store: rows other processes run
            for (MigrationState s : services.store().states(batch)) {
                boolean held = mine.containsKey(s.migrationId()) && mine.get(s.migrationId()).getState() != Job.NONE
                        || claims.heldElsewhere(others, s.migrationId());
                if ((s.status() == MigrationStatus.RUNNING || s.status() == MigrationStatus.PREFLIGHT
                        || s.status() == MigrationStatus.WAITING_FOR_QUOTA) && !held) {
                    services.store().saveState(batch, s.moveTo(MigrationStatus.INTERRUPTED, now,
                            Optional.of(org.mailmigrator.batch.internal.MigrationJob.CUT_OFF)));
                    out.computeIfAbsent(batch, k -> new java.util.ArrayList<>()).add(s.migrationId());
                }
            }
        }
        return out;
    }

    /** Whether a job of this manager holds the row (queued, running, or to be scheduled again). */
    public boolean holds(String batch, String migrationId) {
        MigrationJob j = jobs.getOrDefault(batch, Map.of()).get(migrationId);
        return j != null && (j.getState() != Job.NONE || j.rescheduled());
    }

    /** Whether the row's job ended its pass waiting for its daily quota and sleeps until the window opens. */
    public boolean waitingForQuota(String batch, String migrationId) {
        MigrationJob j = jobs.getOrDefault(batch, Map.of()).get(migrationId);
        return j != null && j.waitingForQuota();
    }

    /**
     * A worker's row waiting for its quota ({@link FleetWorker}): its sleeping job ends without a status change (the
     * row stays Waiting for quota); the worker queues the row again for when the window opens.
     *
     * @return when the window opens; empty when the row's job was not waiting
     */
    public Optional<Instant> handBack(String batch, String migrationId) {
        MigrationJob j = jobs.getOrDefault(batch, Map.of()).get(migrationId);
        return j == null ? Optional.empty() : j.handBack();
    }

    /** Rows this manager's jobs hold now (queued or running), over all batches. */
    public int activeJobs() {
        int n = 0;
        for (Map<String, MigrationJob> m : jobs.values()) {
            for (MigrationJob j : m.values()) {
                if (j.getState() != Job.NONE || j.rescheduled()) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Waits until no job of any batch is left (or the timeout passes); true when none is left. */
    public boolean joinAll(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (activeJobs() > 0) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** The process is stopping: cancel every job, leaving running migrations Interrupted for the next run. */
    public void shutdown(Duration wait) throws InterruptedException {
        for (String batch : jobs.keySet()) {
            RowControl.cancel(batch, List.of(), null);
        }
        for (String batch : jobs.keySet()) {
            join(batch, wait);
        }
    }

    @Override
    public void close() {
        services.hub().close();
        services.limiter().close(); // gives back what it leased in a shared store
    }
}
