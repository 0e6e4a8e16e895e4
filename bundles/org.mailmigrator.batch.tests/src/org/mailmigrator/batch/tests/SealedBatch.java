package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.RegistryFactory;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.csv.ImportOptions;
import org.mailmigrator.batch.internal.Sealing;
import org.mailmigrator.batch.jobs.BatchManager;
import org.mailmigrator.batch.jobs.ConnectorFactory;
import org.mailmigrator.batch.jobs.LogEntry;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.batch.jobs.Selection;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.core.connector.ConnectorRegistry;

/**
 * A batch as {@code batch import} makes it from CSV text in a fresh workspace (rows read by the installed dialects,
 * passwords sealed), with the manager that runs its rows one selection at a time, as a batch or the workbench does.
 */
final class SealedBatch implements AutoCloseable {
    private final String name;
    private final BatchStore store;
    private final BatchManager manager;
    private final List<String> ids;

    private SealedBatch(String name, BatchStore store, BatchManager manager, List<String> ids) {
        this.name = name;
        this.store = store;
        this.manager = manager;
        this.ids = ids;
    }

    static SealedBatch of(Path dir, String name, String csv) throws Exception {
        var registry = new ConnectorRegistry(RegistryFactory.getRegistry());
        var imported = Platform.importer(registry).read(csv.getBytes(StandardCharsets.UTF_8), ImportOptions.auto());
        Workspace ws = new Workspace(dir);
        SecretVault vault = SecretVault.open(ws.defaultSecretsKey(), true);
        BatchStore store = BatchStore.open(ws.batchesDir(), false);
        BatchManager manager = new BatchManager(ws, store, vault, ConnectorFactory.of(registry));
        var spec = new Sealing(store, vault).store(name, imported, false, 1, 10, Optional.empty(), Optional.empty());
        return new SealedBatch(name, store, manager, spec.migrations().stream().map(m -> m.id()).toList());
    }

    /** The id of row {@code index} (0-based). */
    String id(int index) {
        return ids.get(index);
    }

    /** Runs one row to its end (within 120 s). */
    void run(String id, RunSettings settings) throws Exception {
        manager.start(name, Selection.PENDING, List.of(id), settings);
        assertTrue(manager.join(name, Duration.ofSeconds(120)), "row " + id + " still running after 120 s");
    }

    List<MigrationStatus> statuses() throws Exception {
        return store.states(name).stream().map(s -> s.status()).toList();
    }

    List<LogEntry> log(String id) throws Exception {
        return manager.log(name, id);
    }

    @Override
    public void close() throws Exception {
        try (BatchStore s = store; BatchManager m = manager) {
            // the manager first, then its store
        }
    }
}
