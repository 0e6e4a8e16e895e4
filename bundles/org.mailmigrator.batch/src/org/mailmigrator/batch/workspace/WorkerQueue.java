package org.mailmigrator.batch.workspace;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.jobs.Selection;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.batch.store.FleetQueue;
import org.mailmigrator.batch.store.RowClaims;

/**
 * Queues rows for the workers of a shared store ({@code mailmigrator worker}): what {@code batch run NAME --store URL
 * --no-wait} and the workbench's "Queue for workers" do. The selected rows are stored Queued and put in the store's
 * queue of row passes ({@link FleetQueue}, db-scheduler); a row a live process holds (running somewhere) is left as
 * it is. A store without a queue (a folder's) only stores them Queued.
 */
public final class WorkerQueue {
    private WorkerQueue() {
    }

    /**
     * @param ids the rows to queue; empty: every row of the batch that {@code selection} takes
     * @return how many rows were queued (rows already Queued count)
     */
    public static int queue(BatchStore store, String batch, Selection selection, Collection<String> ids)
            throws BatchStoreException {
        return queue(store, batch, s -> selection.includes(s.status()) && (ids.isEmpty() || ids.contains(s.migrationId())));
    }

    /**
     * Queues the rows {@code which} selects (no live process holds them); a pause or stop asked earlier of those rows
     * is forgotten.
     *
     * @return how many rows were queued (rows already Queued count)
     */
    public static int queue(BatchStore store, String batch, Predicate<MigrationState> which) throws BatchStoreException {
        RowClaims claims = store.claims();
        Optional<FleetQueue> fleet = store.fleet();
        Map<String, RowClaims.Holder> held = claims.holders(batch);
        Instant now = Instant.now();
        int queued = 0;
        for (MigrationState s : store.states(batch)) {
            if (!which.test(s) || held.containsKey(s.migrationId())) {
                continue;
            }
            if (store.requests().isPresent()) {
                store.requests().get().clear(batch, List.of(s.migrationId()));
            }
            if (s.status() != MigrationStatus.QUEUED) {
                store.saveState(batch, s.moveTo(MigrationStatus.QUEUED, now, Optional.empty()));
            }
            if (fleet.isPresent()) {
                fleet.get().queue(batch, s.migrationId()); // the workers' queue (db-scheduler); kept if there already
            }
            queued++;
        }
        return queued;
    }
}
