package org.mailmigrator.batch.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.core.model.Migration;

/**
 * What the administrator defined: batches, their limits and their migrations (account pairs with options).
 * The writes that bring new accounts also take their sealed credentials, so that a batch is never stored
 * without its passwords (one transaction: a shared database implementing this and {@link CredentialStore}
 * must write both at once).
 */
public interface BatchDefinitions {

    /**
     * Stores a new batch with its migrations (all Queued) and sealed credentials, all or nothing.
     *
     * @throws BatchStoreException when a batch of that name exists
     */
    void create(BatchSpec batch, Map<String, byte[]> sealedCredentials) throws BatchStoreException;

    List<String> names() throws BatchStoreException;

    Optional<BatchSpec> batch(String name) throws BatchStoreException;

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

    /** Updates the concurrency and per-host limits (a run given --parallel/--per-host keeps them). */
    void updateLimits(String name, int concurrency, int perHost) throws BatchStoreException;

    /** Deletes a batch, its states, skipped items and credentials (the GDPR delete), in every concern. */
    void purge(String batch) throws BatchStoreException;
}
