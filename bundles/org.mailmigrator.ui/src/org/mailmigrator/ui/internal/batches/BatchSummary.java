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

    /**
     * "42 % (120 / 286)" of the batch's counted messages; while some rows have no count yet, what the counted rows
     * hold and how many are not counted ("120 / 286 counted, 3 rows not counted yet"); "" while nothing is counted.
     */
    public String progressText() {
        return live.filter(p -> p.percent() >= 0).map(p -> p.totalKnown()
                ? p.percent() + " % (" + p.messagesDone() + " / " + p.messagesTotal() + ")"
                : p.messagesDone() + " / " + p.messagesTotal() + " counted, " + p.uncounted() + " row"
                        + (p.uncounted() == 1 ? "" : "s") + " not counted yet")
                .orElse("");
    }

    public String rateText() {
        return live.filter(p -> p.messagesPerSecond() > 0)
                .map(p -> String.format("%.1f msg/s, %.2f MB/s", p.messagesPerSecond(), p.bytesPerSecond() / 1e6)).orElse("");
    }

    /** The batch's ETA; "≥ 4:10" (the counted rows' time) while some rows are not counted; "" when unknown. */
    public String etaText() {
        return live.flatMap(BatchProgress::eta).map(MigrationColumn::duration)
                .or(() -> live.flatMap(BatchProgress::etaAtLeast).map(d -> "\u2265 " + MigrationColumn.duration(d)))
                .orElse("");
    }

    /** Why the ETA is blank or a lower bound (empty when it is the whole batch's). */
    public String etaToolTip() {
        return live.map(p -> p.etaMissing().orElse("the remaining bytes of every row at the current rate"))
                .orElse("not running in this workbench: no rate");
    }
}
