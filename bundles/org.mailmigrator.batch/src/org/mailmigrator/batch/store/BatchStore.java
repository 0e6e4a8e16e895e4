package org.mailmigrator.batch.store;

import java.nio.file.Path;

/**
 * The workspace's store, split by concern: {@link BatchDefinitions} (batches and migrations),
 * {@link RunLedger} (passes and statuses) and {@link CredentialStore} (sealed passwords). The embedded H2
 * database of the workspace implements all three in one file (existing workspaces open unchanged); a shared
 * database can implement them later. Each method is one transaction; thread-safe.
 */
public interface BatchStore extends BatchDefinitions, RunLedger, CredentialStore, AutoCloseable {

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
