package org.mailmigrator.batch.store;

import java.nio.file.Path;

/**
 * The workspace's store, split by concern: {@link BatchDefinitions} (batches and migrations),
 * {@link RunLedger} (passes and statuses) and {@link CredentialStore} (sealed passwords). The embedded H2
 * database of the workspace implements all three in one file (existing workspaces open unchanged); PostgreSQL
 * ({@code --store URL}) implements them in tables many processes share, with {@link RowClaims} between them. Each method is one transaction; thread-safe.
 */
public interface BatchStore extends BatchDefinitions, RunLedger, CredentialStore, AutoCloseable {

    @Override
    void close();

    /** Which process runs which row: {@link RowClaims#LOCAL} for a store only this process writes. */
    default RowClaims claims() {
        return RowClaims.LOCAL;
    }

    /** The rows' pass histories, when the store keeps them (a shared store); empty: files beside the rows' state. */
    default java.util.Optional<RowRecords> rowRecords() {
        return java.util.Optional.empty();
    }

    /** Who tells a batch's run started and finished ({@link RunNotices#LOCAL} for a store only this process writes). */
    default RunNotices notices() {
        return RunNotices.LOCAL;
    }

    /** The queue of row passes the workers take: a shared store's ({@link FleetQueue}), none for a local one. */
    default java.util.Optional<FleetQueue> fleet() {
        return java.util.Optional.empty();
    }

    /**
     * Pauses and stops of rows other processes run: a shared store's ({@link RowRequests}), none for a store only
     * this process writes.
     */
    default java.util.Optional<RowRequests> requests() {
        return java.util.Optional.empty();
    }

    /**
     * Opens the store of a workspace. With {@code readOnly}, another process may be running a batch in
     * it at the same time (the status command reads while a run writes).
     */
    static BatchStore open(Path dir, boolean readOnly) throws BatchStoreException {
        return org.mailmigrator.batch.internal.H2BatchStore.open(dir, readOnly);
    }

    /**
     * Opens the batch store of a workspace: the shared database when it has one ({@code --store}, PostgreSQL: many
     * processes and machines at once, {@link #claims()} keeps them apart), else the folder's embedded file.
     */
    static BatchStore open(org.mailmigrator.batch.Workspace workspace, boolean readOnly) throws BatchStoreException {
        if (workspace.store().isPresent()) {
            return org.mailmigrator.batch.internal.PgBatchStore.open(workspace.store().get());
        }
        return open(workspace.batchesDir(), readOnly);
    }
}
