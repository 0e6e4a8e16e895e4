package org.mailmigrator.cli.internal.batch;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.jobs.Selection;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.batch.store.FleetQueue;
import org.mailmigrator.batch.store.RowClaims;

/**
 * {@code batch run NAME --store URL --no-wait}: the selected rows are stored Queued and put in the store's queue of
 * row passes ({@code FleetQueue}, db-scheduler), for the workers ({@code mailmigrator worker}) to take; a row a live process holds (running somewhere) is left as it is.
 */
final class QueueForWorkers {
    private QueueForWorkers() {
    }

    /** @return how many rows were queued (rows already Queued count) */
    static int queue(BatchStore store, String batch, Selection selection) throws BatchStoreException {
        RowClaims claims = store.claims();
        Optional<FleetQueue> fleet = store.fleet();
        Map<String, RowClaims.Holder> held = claims.holders(batch);
        Instant now = Instant.now();
        int queued = 0;
        for (MigrationState s : store.states(batch)) {
            if (!selection.includes(s.status()) || held.containsKey(s.migrationId())) {
                continue;
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
