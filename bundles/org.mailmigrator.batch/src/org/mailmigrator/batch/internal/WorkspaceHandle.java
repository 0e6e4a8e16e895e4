package org.mailmigrator.batch.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.eclipse.core.runtime.jobs.Job;
import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.PimLeg;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.csv.ImportResult;
import org.mailmigrator.batch.jobs.BatchFamily;
import org.mailmigrator.batch.jobs.BatchListener;
import org.mailmigrator.batch.jobs.BatchManager;
import org.mailmigrator.batch.jobs.ConnectorFactory;
import org.mailmigrator.batch.jobs.MigrationProbe;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.batch.workspace.BatchDefaults;
import org.mailmigrator.batch.workspace.BatchWorkspace;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Migration;
import org.mailmigrator.core.model.MigrationOptions;
import org.mailmigrator.core.model.Secret;

/** One holder's {@link BatchWorkspace}: the folder's shared parts, with this holder's key file. */
final class WorkspaceHandle implements BatchWorkspace {
    /** How long a purge or a removal waits for the jobs it stopped. */
    static final Duration STOP_WAIT = Duration.ofSeconds(30);
    private final WorkspaceRegistry owner;
    private final SharedWorkspace shared;
    private final Path keyFile;
    private final AtomicBoolean closed = new AtomicBoolean();

    WorkspaceHandle(WorkspaceRegistry owner, SharedWorkspace shared, Path keyFile) {
        this.owner = owner;
        this.shared = shared;
        this.keyFile = keyFile;
    }

    @Override
    public Workspace folder() {
        return shared.folder;
    }

    @Override
    public BatchStore store() {
        return shared.store;
    }

    @Override
    public SecretVault vault(boolean create) throws IOException {
        return shared.vault(keyFile, create);
    }

    @Override
    public void useVault(SecretVault vault) {
        shared.useVault(keyFile, vault);
    }

    @Override
    public BatchManager manager() {
        try {
            return shared.manager(keyFile);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public ConnectorRegistry connectors() {
        return shared.registry;
    }

    @Override
    public org.mailmigrator.batch.csv.CsvFormats formats() {
        return shared.formats;
    }

    private Sealing sealing() throws IOException {
        return new Sealing(shared.store, vault(true));
    }

    @Override
    public BatchSpec importBatch(String name, ImportResult imported, boolean skipBadRows, BatchDefaults limits,
            Optional<String> notify, Optional<Instant> schedule) throws BatchStoreException, IOException {
        BatchSpec spec = sealing().store(name, imported, skipBadRows, limits.concurrency(), limits.perHost(), notify,
                schedule);
        shared.fireChanged();
        return spec;
    }

    @Override
    public void create(BatchSpec empty) throws BatchStoreException {
        shared.store.create(empty, Map.of());
        shared.fireChanged();
    }

    @Override
    public Migration add(String batch, Account source, Secret sourcePassword, Account destination,
            Secret destinationPassword, MigrationOptions options) throws BatchStoreException, IOException {
        Migration m = sealing().add(batch, source, sourcePassword, destination, destinationPassword, options);
        reload(batch);
        shared.fireChanged();
        return m;
    }

    @Override
    public void update(String batch, Migration migration, Optional<Secret> sourcePassword,
            Optional<Secret> destinationPassword) throws BatchStoreException, IOException {
        sealing().update(batch, migration, sourcePassword, destinationPassword);
        shared.fireChanged();
    }

    private void reload(String batch) throws BatchStoreException {
        Optional<BatchManager> m = shared.existingManager();
        if (m.isPresent()) {
            m.get().reload(batch);
        }
    }

    @Override
    public void remove(String batch, List<String> ids) throws BatchStoreException, InterruptedException {
        Optional<BatchManager> m = shared.existingManager();
        if (m.isPresent()) {
            m.get().stopHere(batch, ids);
            if (!m.get().join(batch, ids, STOP_WAIT)) {
                throw new BatchStoreException("the migrations " + ids + " did not stop within " + STOP_WAIT.toSeconds()
                        + " s; nothing was removed", null);
            }
        }
        shared.store.removeMigrations(batch, ids);
        reload(batch);
        shared.fireChanged();
    }

    @Override
    public int purge(String batch) throws BatchStoreException, IOException, InterruptedException {
        int stopped = 0;
        Optional<BatchManager> m = shared.existingManager();
        if (m.isPresent()) {
            // a job left running would write its state and status again after the delete
            stopped = Job.getJobManager().find(new BatchFamily(batch)).length;
            m.get().stopHere(batch, List.of());
            if (!m.get().join(batch, STOP_WAIT)) {
                throw new BatchStoreException("the migrations of batch " + batch + " did not stop within "
                        + STOP_WAIT.toSeconds() + " s; nothing was purged (try again)", null);
            }
        }
        shared.store.purge(batch);
        deleteTree(shared.folder.stateDir(batch));
        // the files beside the database name the batch's accounts too
        Files.deleteIfExists(org.mailmigrator.batch.report.ThroughputLog.path(shared.folder, batch));
        Files.deleteIfExists(org.mailmigrator.batch.jobs.StatusFile.path(shared.folder, batch));
        shared.fireChanged();
        return stopped;
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

    @Override
    public Credentials credentials(Migration m) throws BatchStoreException, IOException {
        return new Sealing(shared.store, vault(false)).credentials(m);
    }

    @Override
    public Secret password(PimLeg leg) throws BatchStoreException, IOException {
        return new Sealing(shared.store, vault(false)).password(leg);
    }

    @Override
    public MigrationProbe probe(RunSettings settings) throws IOException {
        return new MigrationProbe(shared.store, vault(false), ConnectorFactory.of(shared.registry), settings);
    }

    @Override
    public List<BatchListener> notifiers(BatchSpec batch, boolean allowPlaintext, Consumer<String> problems) {
        SecretVault v = shared.firstVault();
        if (v == null) {
            try {
                v = vault(false);
            } catch (IOException e) {
                // without a key file no SMTP password was sealed: a notifier without login may still go
            }
        }
        return shared.notifications.notifiers(shared.folder, v, batch, allowPlaintext, problems);
    }

    @Override
    public void setNotificationPolicy(boolean allowPlaintext, Consumer<String> problems) {
        shared.notifications.policy(allowPlaintext, problems);
    }

    @Override
    public void awaitNotifications(Duration timeout) throws InterruptedException {
        shared.notifications.await(timeout);
    }

    @Override
    public void addChangeListener(Runnable listener) {
        shared.changeListeners.add(listener);
    }

    @Override
    public void removeChangeListener(Runnable listener) {
        shared.changeListeners.remove(listener);
    }

    @Override
    public void fireChanged() {
        shared.fireChanged();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            owner.release(shared);
        }
    }
}
