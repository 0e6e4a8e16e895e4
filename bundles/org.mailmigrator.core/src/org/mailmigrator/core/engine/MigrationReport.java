package org.mailmigrator.core.engine;

import java.time.Duration;
import java.util.List;

/**
 * The result of one run: the plan, what was done, what was skipped and why, and how the run ended.
 * {@code failure} explains a non-completed outcome in words an administrator can act on; {@code warnings}
 * are things the destination refused that cost no message (a SUBSCRIBE, ...); {@code altered} lists the
 * messages the destination server stored differently from the source (copied, but not byte-exact); {@code gmail}
 * counts messages and placements apart when the source is Gmail-like (null otherwise).
 */
public record MigrationReport(Outcome outcome, String failure, List<FolderPlan> plan, long copied, long alreadyPresent,
        long flagsUpdated, long removed, List<SkippedItem> skipped, long bytes, Duration duration,
        List<String> warnings, List<AlteredItem> altered, GmailSummary gmail) {

    public MigrationReport {
        plan = List.copyOf(plan);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
        altered = List.copyOf(altered);
    }

    /** A report of a source that is not Gmail-like. */
    public MigrationReport(Outcome outcome, String failure, List<FolderPlan> plan, long copied, long alreadyPresent,
            long flagsUpdated, long removed, List<SkippedItem> skipped, long bytes, Duration duration,
            List<String> warnings, List<AlteredItem> altered) {
        this(outcome, failure, plan, copied, alreadyPresent, flagsUpdated, removed, skipped, bytes, duration, warnings,
                altered, null);
    }

    public MigrationReport(Outcome outcome, String failure, List<FolderPlan> plan, long copied, long alreadyPresent,
            long flagsUpdated, long removed, List<SkippedItem> skipped, long bytes, Duration duration) {
        this(outcome, failure, plan, copied, alreadyPresent, flagsUpdated, removed, skipped, bytes, duration, List.of(), List.of());
    }

    public double messagesPerSecond() {
        return copied / Math.max(duration.toMillis() / 1000.0, 0.001);
    }
}
