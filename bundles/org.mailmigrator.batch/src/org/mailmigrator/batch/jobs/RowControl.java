package org.mailmigrator.batch.jobs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.jobs.Job;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.internal.MigrationJob;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.batch.store.RowRequests;

/**
 * {@link BatchManager}'s pause and stop: this process's jobs of the rows stop between two messages; with a shared
 * store the rows other processes run are asked of them and rows nobody runs are set at once ({@link RowRequests}).
 */
final class RowControl {
    /** Reads a batch's rows again after some were set in the store. */
    interface Reload {
        void reload(String batch) throws BatchStoreException;
    }

    private RowControl() {
    }

    static RowRequests.Outcome control(BatchStore store, String batch, Collection<String> ids, MigrationStatus endIn,
            Reload reload) {
        Map<String, String> asked = new LinkedHashMap<>();
        cancel(batch, ids, endIn).forEach(id -> asked.put(id, "this process"));
        Optional<RowRequests> requests = store.requests();
        if (requests.isEmpty()) {
            return new RowRequests.Outcome(asked, List.of(), List.of());
        }
        try {
            RowRequests.Outcome there = requests.get().ask(batch, ids, endIn); // rows this process holds: left
            asked.putAll(there.asked());
            if (!there.set().isEmpty()) {
                reload.reload(batch); // rows set at once: shown by the next snapshot
            }
            return new RowRequests.Outcome(asked, there.set(), there.left());
        } catch (BatchStoreException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Stops this process's jobs of the selected rows ({@code ids} empty: every row of the batch); the ids it stopped. */
    static List<String> cancel(String batch, Collection<String> ids, MigrationStatus endIn) {
        List<String> stopped = new ArrayList<>();
        for (Job j : Job.getJobManager().find(new BatchFamily(batch))) {
            if (j instanceof MigrationJob mj && (ids.isEmpty() || ids.contains(mj.migrationId()))) {
                mj.stop(endIn);
                stopped.add(mj.migrationId());
            }
        }
        return stopped;
    }
}
