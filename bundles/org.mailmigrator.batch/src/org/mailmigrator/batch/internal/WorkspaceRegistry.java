package org.mailmigrator.batch.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.batch.FileErrors;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.batch.workspace.BatchDefaults;
import org.mailmigrator.batch.workspace.BatchWorkspace;
import org.mailmigrator.batch.workspace.WorkspaceService;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;
import org.mailmigrator.batch.csv.CsvFormats;
import org.mailmigrator.batch.notify.Notifiers;
import org.mailmigrator.batch.run.Presets;
import org.mailmigrator.core.connector.ConnectorRegistry;

/**
 * The {@link WorkspaceService} component ({@code OSGI-INF/workspaces.xml}, Declarative Services): the open
 * workspaces of the process by folder, each shared by its holders and closed with the last of them; the
 * connectors, CSV formats and notifiers read once from the extension registry, on first use, and handed to the
 * workspaces (nothing below the service looks the platform up). Deactivation (the framework stopping) closes what is still open,
 * leaving running migrations Interrupted for the next run. Outside OSGi (a benchmark), construct it with a
 * registry of your own.
 */
public final class WorkspaceRegistry implements WorkspaceService {
    /** What the service reads from the extension registry, once: connectors, CSV formats, notifiers, provider presets. */
    record Registries(ConnectorRegistry connectors, CsvFormats formats, Notifiers notifiers, Presets presets) {
        static Registries of(IExtensionRegistry extensions) {
            return new Registries(new ConnectorRegistry(extensions), CsvFormats.of(extensions), new Notifiers(extensions),
                    extensions == null ? Presets.NONE : new Presets(extensions));
        }
    }

    private final Map<Path, SharedWorkspace> open = new HashMap<>();
    private Registries registries;

    /**
     * For Declarative Services: the platform's extension registry is looked up here, the one place of the
     * service that does, when first needed; everything the workspaces use is made from it.
     */
    public WorkspaceRegistry() {
    }

    /** Over a given extension registry (null: a process without OSGi, the built-in CSV formats and no notifier). */
    public WorkspaceRegistry(IExtensionRegistry extensions) {
        this.registries = Registries.of(extensions);
    }

    /** Outside OSGi, with a connector registry of one's own: the built-in CSV formats and no notifier. */
    public WorkspaceRegistry(ConnectorRegistry registry) {
        this.registries = new Registries(registry, CsvFormats.builtIn(), new Notifiers(null), Presets.NONE);
    }

    private synchronized Registries registries() {
        if (registries == null) {
            registries = Registries.of(RegistryFactory.getRegistry());
        }
        return registries;
    }

    @Override
    public ConnectorRegistry connectors() {
        return registries().connectors();
    }

    @Override
    public Presets presets() {
        return registries().presets();
    }

    @Override
    public BatchDefaults defaults() {
        return BatchDefaults.standard();
    }

    @Override
    public BatchWorkspace open(Workspace workspace, Optional<Path> secretsKey) throws BatchStoreException, IOException {
        return open(workspace, secretsKey, false);
    }

    @Override
    public BatchWorkspace openToRead(Workspace workspace, Optional<Path> secretsKey) throws BatchStoreException {
        try {
            return open(workspace, secretsKey, true);
        } catch (IOException e) {
            throw new BatchStoreException(FileErrors.describe(e, workspace.dir(), "opening"), e);
        }
    }

    private synchronized BatchWorkspace open(Workspace workspace, Optional<Path> secretsKey, boolean toRead)
            throws BatchStoreException, IOException {
        if (!toRead) {
            try {
                workspace.prepare();
            } catch (IOException e) {
                throw new BatchStoreException(FileErrors.describe(e, workspace.dir(), "creating"), e);
            }
        }
        // a folder with a database is another workspace than the folder alone: its batches are the database's
        Path key = workspace.store().map(db -> folderKey(workspace.dir()).resolve("@" + db.toString().replace('/', '|')))
                .orElse(folderKey(workspace.dir()));
        SharedWorkspace shared = open.get(key);
        if (shared == null) {
            // a store held by another process fails here with a message naming that process (StoreLock)
            BatchStore store = BatchStore.open(workspace, toRead);
            shared = new SharedWorkspace(workspace, store, registries());
            open.put(key, shared);
        }
        shared.hold();
        return new WorkspaceHandle(this, shared, secretsKey.orElse(shared.folder.defaultSecretsKey()));
    }

    /** One entry per folder however it is written (relative, with {@code ..}, through a link). */
    private static Path folderKey(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException notYet) {
            return abs;
        }
    }

    void release(SharedWorkspace shared) {
        boolean last;
        synchronized (this) {
            last = shared.release();
            if (last) {
                open.values().remove(shared);
            }
        }
        if (last) {
            shared.close();
        }
    }

    /** Folders this process holds open now. */
    public synchronized List<Path> openFolders() {
        return List.copyOf(open.keySet());
    }

    /** Declarative Services deactivation: whatever is still open is closed (its jobs stopped, its lock released). */
    public void deactivate() {
        List<SharedWorkspace> left;
        synchronized (this) {
            left = new ArrayList<>(open.values());
            open.clear();
        }
        left.forEach(SharedWorkspace::close);
    }
}
