package org.mailmigrator.ui.internal.details;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.mailmigrator.batch.jobs.LogEntry;
import org.mailmigrator.batch.jobs.MigrationProgress;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.core.engine.FolderProgress;
import org.mailmigrator.core.engine.SkippedItem;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * What the Details view shows of one migration, as the job manager and the store hold it: the folders of its
 * current or last pass in this process, its log in this process and the skipped items of its last pass. A
 * migration run by another process (or before a restart) has no folder lines and a log of its stored status.
 */
record MigrationDetails(String batch, MigrationProgress progress, List<FolderProgress> folders, List<LogEntry> log,
        List<SkippedItem> skipped) {

    static MigrationDetails load(BatchSession session, String batch, MigrationProgress p) throws BatchStoreException {
        List<LogEntry> log = new ArrayList<>(session.workspace().manager().log(batch, p.id()));
        if (log.isEmpty()) {
            // nothing ran here: the stored status (and its error) is all there is to tell
            log.add(new LogEntry(Instant.now().minus(p.inStatus()), p.lastError().isPresent(),
                    p.status().label() + p.lastError().map(e -> ": " + e).orElse("")));
        }
        return new MigrationDetails(batch, p, p.folders(), log, session.workspace().store().skipped(batch, p.id()));
    }

    /** "00001-alice: alice@a.example → alice@b.example (Synced)". */
    String title() {
        return progress.id() + ": " + progress.source() + " \u2192 " + progress.destination() + " ("
                + progress.statusText() + ")";
    }
}
