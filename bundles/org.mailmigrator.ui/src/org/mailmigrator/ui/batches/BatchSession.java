package org.mailmigrator.ui.batches;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.IExtensionRegistry;
import org.mailmigrator.autodetect.ProviderRegistry;
import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.jobs.BatchListener;
import org.mailmigrator.batch.jobs.BatchManager;
import org.mailmigrator.batch.jobs.BatchProgress;
import org.mailmigrator.batch.jobs.CertificateGate;
import org.mailmigrator.batch.jobs.CertificateQuestion;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.batch.jobs.TrustedPins;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.batch.workspace.BatchDefaults;
import org.mailmigrator.batch.workspace.BatchWorkspace;
import org.mailmigrator.ui.forms.ConnectorPages;
import org.mailmigrator.ui.internal.batches.FleetWatch;

/**
 * The workbench's hold on one workspace: the {@link BatchWorkspace} the headless workspace service opened
 * (store, vault, job manager, import, edit, purge: everything a front end does with batches), plus what only the
 * workbench has: the run settings and batch defaults of its preferences, the certificate question of its
 * dialogs, the views' progress listeners (views come and go; the manager cannot forget a listener) and the
 * batches this process ran (their live snapshots hold totals and rates the store does not). The workbench
 * provides it as a service ({@code getSite().getService(BatchSession.class)}); tests build their own on any
 * folder the service opens.
 */
public final class BatchSession implements AutoCloseable {
    private final BatchWorkspace workspace;
    private final Set<String> runInThisProcess = ConcurrentHashMap.newKeySet();
    private final List<BatchListener> listeners = new CopyOnWriteArrayList<>();
    private final BatchListener relay;
    private final Runnable forgetPurged;
    private final TrustedPins trustedPins;
    private volatile RunSettings runSettings = RunSettings.defaults();
    private volatile CertificateGate certificates;
    private volatile BatchDefaults defaults = BatchDefaults.standard();

    private final ConnectorPages pages;
    private final ProviderRegistry providers;
    /** On a shared store: the rows other processes run, read from the store every 2 s; null on a folder. */
    private final FleetWatch fleet;

    /**
     * Takes over {@code workspace} (opened with its vault, which is made when missing): closed with the session.
     * {@code extensions}: the extension registry the workbench's contributions are read from, once (connector
     * pages, provider presets).
     */
    public BatchSession(BatchWorkspace workspace, IExtensionRegistry extensions) throws java.io.IOException {
        this.workspace = workspace;
        this.pages = new ConnectorPages(extensions);
        this.providers = new ProviderRegistry(extensions);
        this.trustedPins = new TrustedPins(workspace.folder());
        workspace.vault(true);
        this.relay = new BatchListener() {
            @Override
            public void progress(BatchProgress snapshot) {
                runInThisProcess.add(snapshot.batch());
                BatchProgress shown = merged(snapshot.batch(), snapshot);
                listeners.forEach(l -> l.progress(shown));
            }

            @Override
            public void batchStarted(BatchSpec batch) {
                listeners.forEach(l -> l.batchStarted(batch));
            }

            @Override
            public void migrationChanged(String batch, MigrationState state) {
                listeners.forEach(l -> l.migrationChanged(batch, state));
            }

            @Override
            public void batchFinished(BatchSpec batch, BatchProgress last) {
                BatchProgress shown = merged(batch.name(), last);
                listeners.forEach(l -> l.batchFinished(batch, shown));
            }
        };
        workspace.manager().addListener(relay);
        this.fleet = !workspace.store().claims().shared() ? null : new FleetWatch(workspace.store(), workspace.manager(),
                org.mailmigrator.batch.jobs.ConnectorFactory.of(workspace.connectors()), this::fleetChanged);
        // a purged batch (from here or from a command in this process) has no live snapshot any more
        this.forgetPurged = () -> {
            try {
                runInThisProcess.retainAll(workspace.store().names());
                if (fleet != null) {
                    fleet.definitionsChanged();
                }
            } catch (BatchStoreException e) {
                // the next change tries again; a stale snapshot only shows old totals
            }
        };
        workspace.addChangeListener(forgetPurged);
        if (fleet != null) {
            fleet.start();
        }
    }

    /** The open workspace: store, vault, job manager and the batch operations. */
    /** The account pages contributed for connectors (a generated page for the others). */
    public ConnectorPages pages() {
        return pages;
    }

    /** The server presets of the autodetection (Detect settings). */
    public ProviderRegistry providers() {
        return providers;
    }

    public BatchWorkspace workspace() {
        return workspace;
    }

    /** Shorthand for {@code workspace().manager()}. */
    public BatchManager manager() {
        return workspace.manager();
    }

    /** How runs started from the workbench connect (plaintext allowed, pinned certificates...). */
    public RunSettings runSettings() {
        RunSettings s = runSettings;
        // certificates trusted "always" (in the workspace, where batch run looks too) apply to every run
        LinkedHashSet<String> pins = new LinkedHashSet<>(s.trustSha256());
        pins.addAll(trustedPins.pins());
        s = s.withTrust(List.copyOf(pins));
        return certificates == null ? s : s.withCertificates(certificates);
    }

    /** Who answers for a certificate nothing vouches for during runs (the workbench: a dialog); once per host. */
    public void setCertificateQuestion(CertificateQuestion question) {
        this.certificates = new CertificateGate(question, trustedPins);
    }

    public void setRunSettings(RunSettings settings) {
        this.runSettings = settings;
    }

    /** Concurrency and per-host limit that imported and new batches get (the preferences set them). */
    public void setBatchDefaults(int parallel, int perHost) {
        this.defaults = new BatchDefaults(parallel, perHost);
    }

    public BatchDefaults defaults() {
        return defaults;
    }

    /** Progress of this process's runs, coalesced by the manager (at most 4 snapshots a second per batch). */
    public void addListener(BatchListener listener) {
        listeners.add(listener);
    }

    public void removeListener(BatchListener listener) {
        listeners.remove(listener);
    }

    /**
     * The live snapshot of a batch this process has run (the manager published one for it), which holds
     * totals and rates the store does not; empty for a batch only in the store. On a shared store, every batch read
     * from it has one, and the rows other processes run in it are the store's (refreshed every 2 s).
     */
    public Optional<BatchProgress> live(String batch) {
        BatchProgress own = runInThisProcess.contains(batch) ? workspace.manager().snapshot(batch) : null;
        return Optional.ofNullable(merged(batch, own));
    }

    /** The snapshot views show: on a shared store, {@code own}'s rows that this process runs, the store's others. */
    private BatchProgress merged(String batch, BatchProgress own) {
        return fleet == null ? own : fleet.merge(batch, own);
    }

    /** A batch's rows changed in the shared store (another process's run): the views get its snapshot. */
    private void fleetChanged(String batch) {
        BatchProgress shown = live(batch).orElse(null);
        if (shown != null) {
            listeners.forEach(l -> l.progress(shown));
        }
    }

    /** Whether the batches are a database's that other processes (workers, {@code batch run --store}) share. */
    public boolean shared() {
        return fleet != null;
    }

    /**
     * The process holding a row, for the Worker column: "this workbench" for this process's, another process's
     * {@code host:pid} on a shared store, blank when none.
     */
    public String worker(String batch, String migrationId, org.mailmigrator.batch.MigrationStatus status) {
        Optional<String> claimed = fleet == null ? Optional.empty() : fleet.holder(batch, migrationId);
        if (claimed.isPresent()) {
            return claimed.get();
        }
        return status.active() && workspace.manager().holds(batch, migrationId) ? FleetWatch.THIS_WORKBENCH : "";
    }

    /** How many rows each process runs now ("this workbench" included), for the dashboard. */
    public java.util.Map<String, Integer> rowsByWorker() {
        if (fleet != null) {
            return fleet.rowsByWorker();
        }
        int mine = workspace.manager().activeJobs();
        return mine == 0 ? java.util.Map.of() : java.util.Map.of(FleetWatch.THIS_WORKBENCH, mine);
    }

    /**
     * Queues rows for the workers of the shared store (what {@code batch run NAME --store URL --no-wait} does): stored
     * Queued and put in the workers' queue; a row a live process holds is left as it is.
     *
     * @param ids the rows; empty: every row of the batch not synced yet
     * @return how many rows were queued
     */
    public int queueForWorkers(String batch, java.util.Collection<String> ids) throws BatchStoreException {
        int n = org.mailmigrator.batch.workspace.WorkerQueue.queue(workspace.store(), batch,
                org.mailmigrator.batch.jobs.Selection.PENDING, ids);
        workspace.fireChanged();
        return n;
    }

    /** Why the last read of the shared store failed, empty when it succeeded (or the workspace is a folder). */
    public Optional<String> fleetProblem() {
        return fleet == null ? Optional.empty() : fleet.problem();
    }

    /** Releases the workspace: the last holder stops this process's jobs (Interrupted for the next run). */
    @Override
    public void close() {
        if (fleet != null) {
            fleet.close();
        }
        workspace.removeChangeListener(forgetPurged);
        workspace.manager().removeListener(relay);
        workspace.close();
    }
}
