package org.mailmigrator.ui.internal.batches;

import java.util.Map;
import java.util.Optional;

import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.jobs.BatchProgress;

/**
 * A line of the Batches view, and what its selection carries to the Migrations view: the name, counts by
 * status and, for a batch this process runs (or ran), its live progress.
 */
public record BatchSummary(String name, int migrations, Map<MigrationStatus, Integer> counts,
        Optional<BatchProgress> live) {

    public BatchSummary {
        counts = Map.copyOf(counts);
    }

    public BatchSummary(String name, int migrations, Map<MigrationStatus, Integer> counts) {
        this(name, migrations, counts, Optional.empty());
    }

    public int count(MigrationStatus... statuses) {
        int n = 0;
        for (MigrationStatus s : statuses) {
            n += counts.getOrDefault(s, 0);
        }
        return n;
    }

    /** "42 %" of the batch's counted messages, "" while nothing is counted; "≤" when some rows have no count yet (their total is not in it). */
    public String progressText() {
        return live.filter(p -> p.percent() >= 0)
                .map(p -> (p.totalKnown() ? "" : "≤ ") + p.percent() + " % (" + p.messagesDone() + " / " + p.messagesTotal() + ")")
                .orElse("");
    }

    public String rateText() {
        return live.filter(p -> p.messagesPerSecond() > 0)
                .map(p -> String.format("%.1f msg/s, %.2f MB/s", p.messagesPerSecond(), p.bytesPerSecond() / 1e6)).orElse("");
    }

    public String etaText() {
        return live.flatMap(BatchProgress::eta).map(MigrationColumn::duration).orElse("");
    }
}
