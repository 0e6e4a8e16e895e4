package org.mailmigrator.cli.internal.migrate;

import java.io.PrintWriter;
import java.util.Locale;

import org.mailmigrator.core.engine.FolderPlan;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.QuotaSkips;
import org.mailmigrator.core.engine.SkippedItem;

/** What {@code migrate} prints at the end: the plan of a dry run, or the statistics block of a run. */
final class Summary {
    private Summary() {
    }

    static void plan(PrintWriter out, MigrationReport r) {
        int src = Math.max(6, r.plan().stream().mapToInt(p -> p.source().length()).max().orElse(0));
        int dst = Math.max(11, r.plan().stream().mapToInt(p -> p.destination().length()).max().orElse(0));
        String format = "%-" + src + "s  %-" + dst + "s  %8s  %10s  %s%n";
        out.printf(format, "SOURCE", "DESTINATION", "MESSAGES", "MB", "REASON");
        long messages = 0;
        long bytes = 0;
        for (FolderPlan p : r.plan()) {
            String why = !p.hasDestination() ? p.reason() : (p.create() ? "create; " : "exists; ") + p.reason()
                    + (p.selectable() ? "" : "; \\Noselect") + (p.subscribed() ? "" : "; not subscribed");
            out.printf(Locale.ROOT, format, p.source(), p.hasDestination() ? p.destination() : "(no folder)", p.messages(),
                    String.format(Locale.ROOT, "%.1f", p.bytes() / 1e6), why);
            messages += p.messages();
            bytes += p.bytes();
        }
        out.printf(Locale.ROOT, "Dry run: %d folder(s), %d message(s), %.1f MB would be considered; nothing was written.%n",
                r.plan().size(), messages, bytes / 1e6);
    }

    static void statistics(PrintWriter out, MigrationReport r) {
        statistics(out, r, java.util.Optional.empty());
    }

    /** With the destination's storage quota when the run met a full mailbox. */
    static void statistics(PrintWriter out, MigrationReport r, java.util.Optional<org.mailmigrator.core.mail.Quota> quota) {
        double seconds = r.duration().toMillis() / 1000.0;
        out.printf(Locale.ROOT, "%nMigration %s%n", org.mailmigrator.batch.run.PassReport.text(r.outcome()));
        if (r.failure() != null) {
            out.println("  reason           " + r.failure());
        }
        out.printf(Locale.ROOT, "  copied           %d message(s), %.1f MB%n", r.copied(), r.bytes() / 1e6);
        out.printf(Locale.ROOT, "  already present  %d%n", r.alreadyPresent());
        if (r.gmail() != null) { // messages and placements apart: one Gmail message is in a folder per label
            var g = r.gmail();
            out.printf(Locale.ROOT, "  gmail            %d message(s) in %d placement(s): %d uploaded, %d copied on the"
                    + " destination server%s; %d of %d placement(s) present%n", g.messages(), g.placements(),
                    g.uploaded(), g.copiedOnServer(), g.serverCopy() ? "" : " (the destination cannot copy: each"
                            + " label uploaded)", g.placed(), g.placements());
            g.missing().forEach(m -> out.println("  missing label:   " + m));
        }
        out.printf(Locale.ROOT, "  flags updated    %d%n", r.flagsUpdated());
        if (r.removed() > 0) {
            out.printf(Locale.ROOT, "  removed (mirror) %d%n", r.removed());
        }
        out.printf(Locale.ROOT, "  skipped          %d%n", r.skipped().size());
        out.printf(Locale.ROOT, "  folders          %d%n", r.plan().size());
        out.printf(Locale.ROOT, "  duration         %.1f s%n", seconds);
        out.printf(Locale.ROOT, "  rate             %.1f msgs/s, %.1f MB/s%n", r.messagesPerSecond(),
                r.bytes() / 1e6 / Math.max(seconds, 0.001));
        for (String w : r.warnings()) {
            out.println("  warning: " + w);
        }
        QuotaSkips.summary(r.skipped(), quota).ifPresent(line -> out.println("  " + line));
        for (SkippedItem s : r.skipped()) {
            if (QuotaSkips.isQuota(s.reason())) {
                continue; // said once above; every one is in the --report file
            }
            out.printf(Locale.ROOT, "  skipped: folder '%s' message %s, subject '%s', date %s, %d bytes: %s%n", s.folder(),
                    s.id(), s.subject() == null ? "" : s.subject(), s.date(), s.size(), s.reason());
        }
        for (var a : r.altered()) {
            out.printf(Locale.ROOT, "  altered by the destination: folder '%s' message %s (copy %s), subject '%s': %s%n",
                    a.folder(), a.id(), a.destinationId(), a.subject() == null ? "" : a.subject(), a.change());
        }
    }
}
