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
                listeners.forEach(l -> l.progress(snapshot));
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
                listeners.forEach(l -> l.batchFinished(batch, last));
            }
        };
        workspace.manager().addListener(relay);
        // a purged batch (from here or from a command in this process) has no live snapshot any more
        this.forgetPurged = () -> {
            try {
                runInThisProcess.retainAll(workspace.store().names());
            } catch (BatchStoreException e) {
                // the next change tries again; a stale snapshot only shows old totals
            }
        };
        workspace.addChangeListener(forgetPurged);
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
     * totals and rates the store does not; empty for a batch only in the store.
     */
    public Optional<BatchProgress> live(String batch) {
        return runInThisProcess.contains(batch) ? Optional.of(workspace.manager().snapshot(batch)) : Optional.empty();
    }

    /** Releases the workspace: the last holder stops this process's jobs (Interrupted for the next run). */
    @Override
    public void close() {
        workspace.removeChangeListener(forgetPurged);
        workspace.manager().removeListener(relay);
        workspace.close();
    }
}
