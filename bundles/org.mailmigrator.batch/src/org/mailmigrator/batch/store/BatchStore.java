package org.mailmigrator.batch.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.core.engine.SkippedItem;
import org.mailmigrator.core.model.Migration;

/**
 * Batches, the status of each migration, their skipped items and their sealed credentials, in the
 * workspace's embedded H2 database. Each method is one transaction; thread-safe.
 */
public interface BatchStore extends AutoCloseable {

    /** Start, finish and notification times of a batch. */
    record Times(Optional<Instant> started, Optional<Instant> finished) {
    }

    /**
     * Stores a new batch with its migrations (all Queued) and sealed credentials, all or nothing.
     *
     * @throws BatchStoreException when a batch of that name exists
     */
    void create(BatchSpec batch, Map<String, byte[]> sealedCredentials) throws BatchStoreException;

    List<String> names() throws BatchStoreException;

    /**
     * Appends a migration (Queued) with its sealed credentials to an existing batch, all or nothing.
     *
     * @throws BatchStoreException when there is no such batch or it has a migration with that id
     */
    void addMigration(String batch, Migration migration, Map<String, byte[]> sealedCredentials)
            throws BatchStoreException;

    /** Deletes migrations of a batch with their states, skipped items and credentials; unknown ids are ignored. */
    void removeMigrations(String batch, List<String> ids) throws BatchStoreException;

    /**
     * Replaces a stored migration's accounts and options (matched by id) and, for each entry of
     * {@code sealedCredentials}, the sealed password under that key, all or nothing.
     *
     * @throws BatchStoreException when the batch has no migration of that id
     */
    void updateMigration(String batch, Migration migration, Map<String, byte[]> sealedCredentials)
            throws BatchStoreException;

    Optional<BatchSpec> batch(String name) throws BatchStoreException;

    /** Updates the concurrency and per-host limits (a run given --parallel/--per-host keeps them). */
    void updateLimits(String name, int concurrency, int perHost) throws BatchStoreException;

    /** The state of every migration, in the batch's order. */
    List<MigrationState> states(String batch) throws BatchStoreException;

    void saveState(String batch, MigrationState state) throws BatchStoreException;

    void saveTimes(String batch, Times times) throws BatchStoreException;

    Times times(String batch) throws BatchStoreException;

    /** Replaces the skipped items of a migration with those of its last pass. */
    void saveSkipped(String batch, String migrationId, List<SkippedItem> items) throws BatchStoreException;

    List<SkippedItem> skipped(String batch, String migrationId) throws BatchStoreException;

    /** Keeps the counts of a migration's last calendar/contacts pass ("calendar: created 2, ..."). */
    void savePimSummary(String batch, String migrationId, String summary) throws BatchStoreException;

    /** Migration id to the summary of its last calendar/contacts pass, for those that had one. */
    Map<String, String> pimSummaries(String batch) throws BatchStoreException;

    Optional<byte[]> sealedCredential(String key) throws BatchStoreException;

    /** Deletes a batch, its states, skipped items and credentials (the GDPR delete). */
    void purge(String batch) throws BatchStoreException;

    @Override
    void close();

    /**
     * Opens the store of a workspace. With {@code readOnly}, another process may be running a batch in
     * it at the same time (the status command reads while a run writes).
     */
    static BatchStore open(Path dir, boolean readOnly) throws BatchStoreException {
        return org.mailmigrator.batch.internal.H2BatchStore.open(dir, readOnly);
    }
}
