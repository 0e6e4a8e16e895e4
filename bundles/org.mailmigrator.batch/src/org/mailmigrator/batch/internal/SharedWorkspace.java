package org.mailmigrator.batch.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.jobs.BatchManager;
import org.mailmigrator.batch.jobs.ConnectorFactory;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.csv.CsvFormats;
import org.mailmigrator.core.connector.ConnectorRegistry;

/**
 * What the holders of one workspace folder share in a process: the store (and with it the folder's lock), the
 * vaults by key file, the one job manager, the notifier wiring and the change listeners. Counted: the
 * {@link WorkspaceRegistry} closes it when its last handle is closed.
 */
final class SharedWorkspace {
    final Workspace folder;
    final BatchStore store;
    final ConnectorRegistry registry;
    private final org.mailmigrator.batch.run.Presets presets;
    final NotifierWiring notifications;
    final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private final Map<Path, SecretVault> vaults = new ConcurrentHashMap<>();
    /** The first vault opened: the manager's jobs read passwords with it. */
    private SecretVault first;
    private BatchManager manager;
    private int holders;

    final CsvFormats formats;

    SharedWorkspace(Workspace folder, BatchStore store, WorkspaceRegistry.Registries registries) {
        this.folder = folder;
        this.store = store;
        this.registry = registries.connectors();
        this.presets = registries.presets();
        this.formats = registries.formats();
        this.notifications = new NotifierWiring(registries.notifiers());
    }

    synchronized SecretVault vault(Path keyFile, boolean create) throws IOException {
        SecretVault v = vaults.get(keyFile);
        if (v == null) {
            v = SecretVault.open(keyFile, create);
            vaults.put(keyFile, v);
            if (first == null) {
                first = v;
            }
        }
        return v;
    }

    /** A vault whose key is held elsewhere stands for {@code keyFile} in this process (first: the jobs use it). */
    synchronized void useVault(Path keyFile, SecretVault v) {
        vaults.put(keyFile, v);
        if (first == null || first.keyFile().equals(keyFile)) {
            first = v;
        }
    }

    /** The vault the manager's jobs use (the first opened), null before any. */
    synchronized SecretVault firstVault() {
        return first;
    }

    synchronized BatchManager manager(Path keyFile) throws IOException {
        if (manager == null) {
            SecretVault v = first != null ? first : vault(keyFile, false);
            manager = new BatchManager(folder, store, v, ConnectorFactory.of(registry), presets);
            notifications.attach(manager, this);
        }
        return manager;
    }

    /** The manager when one was made: without it, no job of this workspace runs in this process. */
    synchronized Optional<BatchManager> existingManager() {
        return Optional.ofNullable(manager);
    }

    synchronized void hold() {
        holders++;
    }

    /** @return true when this was the last holder */
    synchronized boolean release() {
        return --holders == 0;
    }

    void fireChanged() {
        changeListeners.forEach(Runnable::run);
    }

    /** Stops this process's jobs (running migrations become Interrupted for the next run), then closes the store. */
    void close() {
        BatchManager m = existingManager().orElse(null);
        if (m != null) {
            try {
                m.shutdown(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            m.close();
        }
        try {
            notifications.await(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }
}
