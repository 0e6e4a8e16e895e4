package org.mailmigrator.ui.batches;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.Batches;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.csv.CsvImporter;
import org.mailmigrator.batch.csv.ImportResult;
import org.mailmigrator.batch.jobs.BatchListener;
import org.mailmigrator.batch.jobs.BatchManager;
import org.mailmigrator.batch.jobs.BatchProgress;
import org.mailmigrator.batch.jobs.ConnectorFactory;
import org.mailmigrator.batch.jobs.MigrationProbe;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.core.model.Migration;
import org.mailmigrator.core.model.Secret;

/**
 * The workbench's hold on one workspace: its batch store, secret vault and the single {@link BatchManager}
 * that runs its batches (the host limit is shared only within one manager, so there must be one per
 * process). The workbench provides it as a service ({@code getSite().getService(BatchSession.class)});
 * tests and tools may build their own on any folder.
 */
public final class BatchSession implements AutoCloseable {
    /** Defaults of the command line's {@code batch import}. */
    public static final int DEFAULT_PARALLEL = 4;
    public static final int DEFAULT_PER_HOST = 10;

    private final Workspace workspace;
    private final BatchStore store;
    private final SecretVault vault;
    private final BatchManager manager;
    private final ConnectorRegistry registry;
    private final Set<String> runInThisProcess = ConcurrentHashMap.newKeySet();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private final List<BatchListener> listeners = new CopyOnWriteArrayList<>();
    private volatile RunSettings runSettings = RunSettings.defaults();
    private volatile org.mailmigrator.batch.jobs.CertificateGate certificates;
    private final org.mailmigrator.batch.jobs.TrustedPins trustedPins;
    private volatile int defaultParallel = DEFAULT_PARALLEL;
    private volatile int defaultPerHost = DEFAULT_PER_HOST;

    public BatchSession(Workspace workspace, ConnectorRegistry registry) throws IOException, BatchStoreException {
        this.workspace = workspace;
        this.registry = registry;
        this.trustedPins = new org.mailmigrator.batch.jobs.TrustedPins(workspace);
        this.vault = SecretVault.open(workspace.defaultSecretsKey(), true);
        // a store held by another process fails here with a message naming that process (StoreLock)
        this.store = BatchStore.open(workspace.batchesDir(), false);
        this.manager = new BatchManager(workspace, store, vault, ConnectorFactory.of(registry));
        // the manager cannot forget a listener: views come and go through this list instead
        manager.addListener(new BatchListener() {
            @Override
            public void progress(BatchProgress snapshot) {
                runInThisProcess.add(snapshot.batch());
                listeners.forEach(l -> l.progress(snapshot));
            }

            @Override
            public void batchStarted(BatchSpec batch) {
                listeners.forEach(l -> l.batchStarted(batch));
            }

            @Override
            public void migrationChanged(String batch, org.mailmigrator.batch.MigrationState state) {
                listeners.forEach(l -> l.migrationChanged(batch, state));
            }

            @Override
            public void batchFinished(BatchSpec batch, BatchProgress last) {
                listeners.forEach(l -> l.batchFinished(batch, last));
            }
        });
    }

    public Workspace workspace() {
        return workspace;
    }

    public BatchStore store() {
        return store;
    }

    public BatchManager manager() {
        return manager;
    }

    public CsvImporter importer() {
        return new CsvImporter(registry);
    }

    /** How runs started from the workbench connect (plaintext allowed, pinned certificates...). */
    public RunSettings runSettings() {
        RunSettings s = runSettings;
        // certificates trusted "always" (in the workspace, where batch run looks too) apply to every run
        java.util.LinkedHashSet<String> pins = new java.util.LinkedHashSet<>(s.trustSha256());
        pins.addAll(trustedPins.pins());
        s = s.withTrust(List.copyOf(pins));
        return certificates == null ? s : s.withCertificates(certificates);
    }

    /** Who answers for a certificate nothing vouches for during runs (the workbench: a dialog); once per host. */
    public void setCertificateQuestion(org.mailmigrator.batch.jobs.CertificateQuestion question) {
        this.certificates = new org.mailmigrator.batch.jobs.CertificateGate(question, trustedPins);
    }

    public void setRunSettings(RunSettings settings) {
        this.runSettings = settings;
    }

    /** Concurrency and per-host limit that imported and new batches get (the preferences set them). */
    public void setBatchDefaults(int parallel, int perHost) {
        this.defaultParallel = parallel;
        this.defaultPerHost = perHost;
    }

    public int defaultParallel() {
        return defaultParallel;
    }

    public int defaultPerHost() {
        return defaultPerHost;
    }

    /** The secret vault of the workspace (passwords of new migrations are sealed with it). */
    public SecretVault vault() {
        return vault;
    }

    /** Progress of this process's runs, coalesced by the manager (at most 4 snapshots a second per batch). */
    public void addListener(BatchListener listener) {
        listeners.add(listener);
    }

    public void removeListener(BatchListener listener) {
        listeners.remove(listener);
    }

    /** Told (on any thread) when a batch was imported, purged or started: the list of batches may differ. */
    public void addChangeListener(Runnable listener) {
        changeListeners.add(listener);
    }

    public void removeChangeListener(Runnable listener) {
        changeListeners.remove(listener);
    }

    /** Stores the valid pairs of an import as a new batch (see {@link Batches#store}). */
    public BatchSpec store(String name, ImportResult imported, boolean skipBadRows) throws BatchStoreException {
        BatchSpec spec = Batches.store(store, vault, name, imported, skipBadRows, defaultParallel, defaultPerHost,
                Optional.empty(), Optional.empty());
        changed();
        return spec;
    }

    /** Stores a batch without migrations (the New batch wizard); migrations are added to it later. */
    public void create(BatchSpec empty) throws BatchStoreException {
        store.create(empty, java.util.Map.of());
        changed();
    }

    /** Adds an account pair to a stored batch (see {@link Batches#add}); its passwords go to the vault. */
    public org.mailmigrator.core.model.Migration add(String batch, org.mailmigrator.core.model.Account source,
            org.mailmigrator.core.model.Secret sourcePassword, org.mailmigrator.core.model.Account destination,
            org.mailmigrator.core.model.Secret destinationPassword, org.mailmigrator.core.model.MigrationOptions options)
            throws BatchStoreException {
        var m = Batches.add(store, vault, batch, source, sourcePassword, destination, destinationPassword, options);
        manager.reload(batch);
        changed();
        return m;
    }

    /** Stops these migrations' jobs, then deletes them with their passwords, statuses and skipped items. */
    public void remove(String batch, List<String> ids) throws BatchStoreException, InterruptedException {
        manager.stop(batch, ids);
        if (!manager.join(batch, ids, Duration.ofSeconds(30))) {
            throw new BatchStoreException("the migrations " + ids + " did not stop within 30 s; nothing was removed", null);
        }
        store.removeMigrations(batch, ids);
        manager.reload(batch);
        changed();
    }

    /**
     * Stores an edited migration of a batch (see {@link Batches#update}): a typed password is sealed by the
     * vault, an empty one keeps the stored password.
     */
    public void update(String batch, Migration migration, Optional<Secret> sourcePassword,
            Optional<Secret> destinationPassword) throws BatchStoreException {
        Batches.update(store, vault, batch, migration, sourcePassword, destinationPassword);
        changed();
    }

    /** Pre-flight and folder plan of one migration, connecting as runs started from the workbench do. */
    public MigrationProbe probe() {
        return new MigrationProbe(store, vault, ConnectorFactory.of(registry), runSettings);
    }

    /**
     * The live snapshot of a batch this process has run (the manager published one for it), which holds
     * totals and rates the store does not; empty for a batch only in the store.
     */
    public Optional<BatchProgress> live(String batch) {
        return runInThisProcess.contains(batch) ? Optional.of(manager.snapshot(batch)) : Optional.empty();
    }

    /**
     * Deletes a batch, its passwords, statuses and engine state (the GDPR delete), after stopping its jobs.
     */
    public void purge(String batch) throws BatchStoreException, IOException, InterruptedException {
        manager.stop(batch, List.of());
        manager.join(batch, Duration.ofSeconds(30));
        runInThisProcess.remove(batch);
        store.purge(batch);
        deleteTree(workspace.stateDir(batch));
        changed();
    }

    /** Tells the views that the store changed behind them (rows marked Interrupted at start, …). */
    public void fireChanged() {
        changed();
    }

    private void changed() {
        changeListeners.forEach(Runnable::run);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Stops this process's jobs (running migrations become Interrupted for the next run) and closes the store. */
    @Override
    public void close() {
        try {
            manager.shutdown(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        manager.close();
        store.close();
    }
}
