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
        for (MigrationRow r : rows) {
            var p = r.progress();
            counts.merge(p.status(), 1, Integer::sum);
            done += p.messagesDone();
            total += p.messagesTotal();
            bytes += p.bytesDone();
            errors += p.errors();
            rate += p.messagesPerSecond();
        }
        String byStatus = counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", "));
        return rows.size() + (selected ? " selected" : " shown") + (byStatus.isEmpty() ? "" : ": " + byStatus)
                + " | messages " + done + (total > 0 ? " / " + total : "") + " | " + String.format("%.1f MB", bytes / 1e6)
                + (rate > 0 ? String.format(" | %.1f msg/s", rate) : "") + (errors > 0 ? " | " + errors + " error(s)" : "");
    }
}
