package org.mailmigrator.cli.internal.batch;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

import org.mailmigrator.batch.jobs.BatchProgress;
import org.mailmigrator.batch.jobs.MigrationProgress;

/** The status table: one row per migration, then the batch totals. */
final class StatusTable {
    private StatusTable() {
    }

    static void print(PrintWriter out, BatchProgress p) {
        out.printf(Locale.ROOT, "%-22s %-32s %-32s %-18s %9s %15s %7s %8s %s%n", "ID", "SOURCE", "DESTINATION", "STATUS",
                "IN STATE", "MESSAGES", "SKIPPED", "MSG/S", "LAST ERROR");
        for (MigrationProgress m : p.migrations()) {
            String msgs = m.messagesTotal() > 0 ? m.messagesDone() + "/" + m.messagesTotal() : String.valueOf(m.messagesDone());
            out.printf(Locale.ROOT, "%-22s %-32s %-32s %-18s %9s %15s %7d %8.1f %s%n", cut(m.id(), 22), cut(m.source(), 32),
                    cut(m.destination(), 32), m.statusText(), duration(m.inStatus()), msgs, m.errors(),
                    m.messagesPerSecond(), m.lastError().map(StatusTable::errorCell).orElse(""));
        }
        out.println(totals(p));
        wholeErrors(out, p);
        out.flush();
    }

    private static String errorCell(String e) {
        return e.length() <= ERROR_COLUMN ? e : e.substring(0, ERROR_COLUMN - BELOW.length()) + BELOW;
    }

    private static final String BELOW = "… (in full below)";

    /** Characters of the last error in the table; a longer one is cut there and written whole below the table. */
    static final int ERROR_COLUMN = 100;

    /**
     * The last errors the table cut, whole: one block per row, wrapped at spaces only (a fingerprint, a path or a
     * URL stays on one line, to be copied as it is).
     */
    private static void wholeErrors(PrintWriter out, BatchProgress p) {
        boolean first = true;
        for (MigrationProgress m : p.migrations()) {
            String e = m.lastError().orElse("");
            if (e.length() <= ERROR_COLUMN) {
                continue;
            }
            if (first) {
                out.println("last errors in full:");
                first = false;
            }
            out.println(m.id() + ":");
            StringBuilder line = new StringBuilder("    ");
            for (String word : e.split(" ")) {
                if (line.length() > 4 && line.length() + 1 + word.length() > ERROR_COLUMN) {
                    out.println(line);
                    line.setLength(4);
                }
                line.append(line.length() > 4 ? " " : "").append(word);
            }
            out.println(line);
        }
    }

    static String totals(BatchProgress p) {
        StringBuilder sb = new StringBuilder("batch " + p.batch() + ": " + p.migrations().size() + " migration(s)");
        p.countByStatus().forEach((s, n) -> sb.append(", ").append(n).append(' ').append(s.label()));
        // rows held by a question in the workbench are not moving: say what they wait for
        p.waiting().forEach((w, n) -> sb.append(" (").append(n).append(" of them ")
                .append(w.substring(0, 1).toLowerCase(Locale.ROOT)).append(w.substring(1)).append(')'));
        if (p.totalKnown()) {
            sb.append(String.format(Locale.ROOT, "; messages %d / %d", p.messagesDone(), p.messagesTotal()))
                    .append(p.percent() < 0 ? "" : " (" + p.percent() + " %)");
        } else {
            // some rows are not counted yet (they count when their pass starts): what the counted rows hold
            sb.append(String.format(Locale.ROOT, "; messages %d / %d counted, %d row(s) not counted yet",
                    p.messagesDone(), p.messagesTotal(), p.uncounted()));
        }
        sb.append(String.format(Locale.ROOT, ", %.1f MB", p.bytesDone() / 1e6));
        if (p.messagesPerSecond() > 0) {
            sb.append(String.format(Locale.ROOT, ", %.1f msg/s, %.2f MB/s", p.messagesPerSecond(), p.bytesPerSecond() / 1e6));
        }
        sb.append(", ETA ").append(p.eta().map(StatusTable::duration)
                .or(() -> p.etaAtLeast().map(d -> "at least " + duration(d) + " (rows not counted yet add to it)"))
                .orElseGet(() -> "- (" + p.etaMissing().orElse("unknown") + ")"));
        return sb.toString();
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        return s < 60 ? s + "s" : s < 3600 ? (s / 60) + "m" + (s % 60) + "s" : (s / 3600) + "h" + (s % 3600 / 60) + "m";
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
