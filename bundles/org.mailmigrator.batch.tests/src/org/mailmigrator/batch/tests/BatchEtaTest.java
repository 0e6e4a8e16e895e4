package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.jobs.BatchProgress;
import org.mailmigrator.batch.jobs.MigrationProgress;

/**
 * The batch ETA before every row is counted: the counted rows' time is shown as a lower bound (the batch takes at
 * least that long), with the number of rows not counted yet; once every row is counted, the whole ETA; blank with
 * a reason when nothing moves. Totals stay the counted rows' own.
 */
class BatchEtaTest {

    private static MigrationProgress row(String id, MigrationStatus s, long done, long total, long bytesDone, long bytesTotal,
            double bytesPerSecond) {
        return new MigrationProgress(id, "s", "d", s, Duration.ZERO, "copying", 0, 0, done, total, bytesDone, bytesTotal,
                bytesPerSecond > 0 ? 1 : 0, bytesPerSecond, Optional.empty(), 0, Optional.empty(), Optional.empty());
    }

    @Test
    void counterRowsGiveALowerBoundUntilEveryRowIsCounted() {
        var running = row("1", MigrationStatus.RUNNING, 100, 300, 1_000_000, 3_000_000, 100_000);
        var queued = row("2", MigrationStatus.QUEUED, 0, 0, 0, 0, 0);
        var synced = row("3", MigrationStatus.SYNCED, 50, 50, 500_000, 500_000, 0);
        BatchProgress early = new BatchProgress("b", Instant.now(), List.of(running, queued, synced));
        assertTrue(early.eta().isEmpty(), "not the whole batch's: a row is not counted");
        assertEquals(Optional.of(Duration.ofSeconds(20)), early.etaAtLeast(), "2 MB left in the counted rows at 100 kB/s");
        assertEquals(1, early.uncounted());
        assertTrue(early.etaMissing().orElseThrow().startsWith("1 row(s) not counted yet"), early.etaMissing().toString());
        assertEquals(350, early.messagesTotal(), "the counted rows' total, nothing guessed for the queued one");

        var counted = row("2", MigrationStatus.RUNNING, 0, 100, 0, 1_000_000, 100_000);
        BatchProgress all = new BatchProgress("b", Instant.now(), List.of(running, counted, synced));
        assertEquals(Optional.of(Duration.ofSeconds(15)), all.eta(), "3 MB left at 200 kB/s");
        assertTrue(all.etaAtLeast().isEmpty() && all.etaMissing().isEmpty());

        var stalled = row("1", MigrationStatus.RUNNING, 100, 300, 1_000_000, 3_000_000, 0);
        BatchProgress none = new BatchProgress("b", Instant.now(), List.of(stalled, queued));
        assertTrue(none.eta().isEmpty() && none.etaAtLeast().isEmpty());
        assertTrue(none.etaMissing().orElseThrow().startsWith("no rate yet"), none.etaMissing().toString());
    }
}
