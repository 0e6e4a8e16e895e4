package org.mailmigrator.batch.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.core.engine.SkippedItem;

/**
 * What the runs did: each migration's status with its times and counts, the batch's start and finish, the
 * skipped items and calendar/contacts summary of each migration's last pass. Written by the jobs of whichever
 * process runs the batch; read by views, {@code batch status} and reports.
 */
public interface RunLedger {

    /** Start and finish times of a batch. */
    record Times(Optional<Instant> started, Optional<Instant> finished) {
    }

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
}
