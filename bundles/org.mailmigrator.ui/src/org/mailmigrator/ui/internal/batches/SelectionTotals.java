package org.mailmigrator.ui.internal.batches;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.mailmigrator.batch.MigrationStatus;

/** The status bar's line: what the selected migrations (or, with none selected, the shown ones) add up to. */
final class SelectionTotals {
    private SelectionTotals() {
    }

    static String text(List<MigrationRow> rows, boolean selected) {
        Map<MigrationStatus, Integer> counts = new EnumMap<>(MigrationStatus.class);
        long done = 0;
        long total = 0;
        long bytes = 0;
        long errors = 0;
        double rate = 0;
        double byteRate = 0;
        for (MigrationRow r : rows) {
            var p = r.progress();
            counts.merge(p.status(), 1, Integer::sum);
            done += p.messagesDone();
            total += Math.max(p.messagesTotal(), p.messagesDone());
            bytes += p.bytesDone();
            errors += p.errors();
            rate += p.messagesPerSecond();
            byteRate += p.bytesPerSecond();
        }
        var all = new org.mailmigrator.batch.jobs.BatchProgress("", java.time.Instant.now(),
                rows.stream().map(MigrationRow::progress).toList());
        var eta = all.eta();
        String byStatus = counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", "))
                // rows held by a question are counted in their status, and said
                + all.waiting().entrySet().stream().map(e -> " (" + e.getValue() + " " + e.getKey() + ")")
                        .collect(Collectors.joining());
        return rows.size() + (selected ? " selected" : " shown") + (byStatus.isEmpty() ? "" : ": " + byStatus)
                + " | messages " + done + (total > 0 ? " / " + total + " (" + Math.min(100, done * 100 / total) + " %)" : "")
                + " | " + String.format("%.1f MB", bytes / 1e6)
                + (rate > 0 ? String.format(" | %.1f msg/s, %.2f MB/s", rate, byteRate / 1e6) : "")
                + eta.map(d -> " | ETA " + MigrationColumn.duration(d)).orElse("")
                + (errors > 0 ? " | " + errors + " error(s)" : "");
    }
}
