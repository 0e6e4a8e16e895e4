package org.mailmigrator.ui.internal.batches;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.mailmigrator.batch.Labels;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.jobs.ConnectorFactory;
import org.mailmigrator.batch.jobs.MigrationProgress;
import org.mailmigrator.core.model.Migration;

/**
 * A row as the store has it, for a migration no job of this process runs: its stored status and the counts of its
 * last finished pass (the process that runs it stores them when the pass ends), no rate, no folders.
 */
final class StoreRows {
    private StoreRows() {
    }

    static MigrationProgress progress(Migration m, MigrationState s, ConnectorFactory connectors, Instant now) {
        return new MigrationProgress(m.id(), Labels.account(m.source(), connectors),
                Labels.account(m.destination(), connectors), s.status(), s.inStatus(now),
                s.status().label().toLowerCase(Locale.ROOT), 0, 0, s.copied(), 0, s.bytes(), 0, 0, 0, Optional.empty(),
                s.skipped(), s.lastError(), s.lastSync());
    }
}
