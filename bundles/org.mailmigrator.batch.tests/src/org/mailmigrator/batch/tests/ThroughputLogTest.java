package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.jobs.BatchProgress;
import org.mailmigrator.batch.jobs.MigrationProgress;
import org.mailmigrator.batch.report.ThroughputLog;

/**
 * The throughput history in the workspace: one line per running row every five seconds (not per snapshot), a
 * zero line when the batch stops, read back by a later process as the rates of each period summed over rows.
 */
class ThroughputLogTest {

    private static MigrationProgress row(String id, MigrationStatus s, double msgs, double bytes) {
        return new MigrationProgress(id, "s", "d", s, Duration.ZERO, "copying", 0, 0, 10, 100, 1000, 10_000, msgs, bytes,
                Optional.empty(), 0, Optional.empty(), Optional.empty());
    }

    @Test
    void runningRowsAreSampledEveryPeriodAndReadBack(@TempDir Path dir) {
        Workspace ws = new Workspace(dir);
        var sink = ThroughputLog.sink(ws);
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        sink.accept(new BatchProgress("b", t0, List.of(row("1", MigrationStatus.RUNNING, 10, 1e6),
                row("2", MigrationStatus.RUNNING, 5, 5e5))));
        sink.accept(new BatchProgress("b", t0.plusSeconds(1), List.of(row("1", MigrationStatus.RUNNING, 99, 9e6),
                row("2", MigrationStatus.RUNNING, 99, 9e6))));  // within the period: not written
        sink.accept(new BatchProgress("b", t0.plusSeconds(6), List.of(row("1", MigrationStatus.RUNNING, 20, 2e6),
                row("2", MigrationStatus.SYNCED, 0, 0))));
        sink.accept(new BatchProgress("b", t0.plusSeconds(7), List.of(row("1", MigrationStatus.SYNCED, 0, 0),
                row("2", MigrationStatus.SYNCED, 0, 0))));
        sink.accept(new BatchProgress("b", t0.plusSeconds(20), List.of(row("1", MigrationStatus.SYNCED, 0, 0),
                row("2", MigrationStatus.SYNCED, 0, 0))));  // nothing runs, nothing more to say

        List<ThroughputLog.Sample> samples = ThroughputLog.read(ws, "b");
        assertEquals(4, samples.size(), samples.toString());
        List<ThroughputLog.Rate> rates = ThroughputLog.rates(samples, Duration.ofSeconds(5));
        assertEquals(List.of(new ThroughputLog.Rate(t0, 15, 1.5e6), new ThroughputLog.Rate(t0.plusSeconds(5), 0, 0)), rates,
                "10:00:00 both rows; 10:00:05 row 1 at 20 msg/s, then the stop line (its period's last word)");
        assertEquals(List.of(), ThroughputLog.read(ws, "other"));
    }
}
