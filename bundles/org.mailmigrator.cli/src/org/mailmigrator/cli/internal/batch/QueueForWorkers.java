package org.mailmigrator.cli.internal.batch;

import java.util.List;
import java.util.function.Predicate;

import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.jobs.Selection;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.batch.workspace.WorkerQueue;

/**
 * {@code batch run NAME --store URL --no-wait}: the selected rows are stored Queued and put in the store's queue of
 * row passes, for the workers ({@code mailmigrator worker}) to take ({@link WorkerQueue}, which the workbench's "Queue
 * for workers" uses too); a row a live process holds (running somewhere) is left as it is.
 */
final class QueueForWorkers {
    private QueueForWorkers() {
    }

    /** @return how many rows were queued (rows already Queued count) */
    static int queue(BatchStore store, String batch, Selection selection) throws BatchStoreException {
        return WorkerQueue.queue(store, batch, selection, List.of());
    }

    /**
     * Queues the rows {@code which} selects (no live process holds them); a pause or stop asked earlier of those rows
     * is forgotten.
     *
     * @return how many rows were queued
     */
    static int queue(BatchStore store, String batch, Predicate<MigrationState> which) throws BatchStoreException {
        return WorkerQueue.queue(store, batch, which);
    }
}
