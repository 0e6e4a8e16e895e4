package org.mailmigrator.batch.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import org.mailmigrator.batch.PimLeg;
import org.mailmigrator.batch.preflight.PreflightResult;
import org.mailmigrator.batch.report.PassLog;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.engine.SkippedItem;
import org.mailmigrator.core.mail.Quota;
import org.mailmigrator.core.pim.PimOutcome;
import org.mailmigrator.core.pim.PimReport;

/**
 * What one pass did, sealed when it ends: the pre-flight (when it ran), the mail pass (when the row has one
 * and it started), each calendar/contacts leg, the destination's storage when messages met a full mailbox,
 * and, for a batch row, the per-folder counts of the completeness check and the messages copied over all
 * passes. {@link #outcome()} is the one mapping from what happened to how the pass ended; the command line
 * turns it into an exit code, a batch job into the row's status.
 */
public record PassReport(Optional<PreflightResult> preflight, Optional<MigrationReport> mail, List<Leg> legs,
        boolean interrupted, Optional<Quota> quota, List<PassLog.FolderCount> folders, OptionalLong copiedSoFar) {

    /** One calendar/contacts leg and what it did. */
    public record Leg(PimLeg leg, PimReport report) {
        /** The leg's account failure in the batch's words ({@code calendar to URL: reason}), if any. */
        public Optional<String> failure() {
            return Optional.ofNullable(report.failure()).map(f -> leg.kind().id() + " to " + leg.target() + ": " + f);
        }
    }

    public PassReport {
        legs = List.copyOf(legs);
        folders = List.copyOf(folders);
    }

    /** A pass that stopped before its mail pass started (cancelled, or a pre-flight only). */
    static PassReport before(PreflightResult preflight, boolean interrupted) {
        return new PassReport(Optional.ofNullable(preflight), Optional.empty(), List.of(), interrupted, Optional.empty(),
                List.of(), OptionalLong.empty());
    }

    /** Whether the mail pass ran to its end (completed, or with skipped items), or the row has none. */
    public boolean mailDone() {
        return mail.map(r -> r.outcome() == Outcome.COMPLETED || r.outcome() == Outcome.ITEMS_SKIPPED).orElse(!interrupted
                && preflight.map(PreflightResult::ready).orElse(true));
    }

    /**
     * How the pass ended: the mail pass's failure or interruption first, then a pre-flight that found
     * something to fix, then the first leg that could not run (by its reason), then skipped items.
     */
    public Outcome outcome() {
        if (interrupted) {
            return Outcome.INTERRUPTED;
        }
        if (mail.isPresent() && !mailDone()) {
            return mail.get().outcome();
        }
        if (preflight.isPresent() && !preflight.get().ready()) {
            return Outcome.ACCOUNT_FAILED;
        }
        for (Leg l : legs) {
            if (l.report().failure() != null) {
                return l.report().outcome(); // the same mapping as the mail engine's (Outcome.of)
            }
        }
        return skipped().isEmpty() ? Outcome.COMPLETED : Outcome.ITEMS_SKIPPED;
    }

    /** An outcome in words: {@code items skipped}, {@code authentication failed}, ... (reports, statuses, summaries). */
    public static String text(Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Every item not copied: the mail pass's skips, then each leg's failed items (folder: the leg's kind). */
    public List<SkippedItem> skipped() {
        List<SkippedItem> out = new ArrayList<>(mail.map(MigrationReport::skipped).orElse(List.of()));
        for (Leg l : legs) {
            l.report().failures().forEach(f -> out.add(new SkippedItem(l.leg().kind().id(), f.what(), null, null, 0, f.reason())));
        }
        return out;
    }

    /** The first leg failure in the batch's words, if any. */
    public Optional<String> legFailure() {
        return legs.stream().flatMap(l -> l.failure().stream()).findFirst();
    }

    /** All legs as one report: every item, and the first failure with its reason. */
    public PimReport legsTotal() {
        List<PimOutcome> all = new ArrayList<>();
        legs.forEach(l -> all.addAll(l.report().outcomes()));
        Leg failed = legs.stream().filter(l -> l.report().failure() != null).findFirst().orElse(null);
        return new PimReport(all, failed == null ? null : failed.report().failure(), failed == null ? null
                : failed.report().reason());
    }

    /** The legs' counts in one line: {@code calendar: created 3, updated 0, unchanged 0, failed 0; contacts: ...}. */
    public String legsSummary() {
        return String.join("; ", legs.stream().map(l -> String.format(Locale.ROOT,
                "%s: created %d, updated %d, unchanged %d, failed %d%s", l.leg().kind().id(), l.report().created(),
                l.report().updated(), l.report().unchanged(), l.report().failures().size(),
                l.report().failure() == null ? "" : " (" + l.report().failure() + ")")).toList());
    }
}
