package org.mailmigrator.core.engine;

import java.time.Duration;
import java.util.List;

/**
 * The result of one run: the plan, what was done, what was skipped and why, and how the run ended.
 * {@code failure} explains a non-completed outcome in words an administrator can act on.
 */
public record MigrationReport(Outcome outcome, String failure, List<FolderPlan> plan, long copied, long alreadyPresent,
        long flagsUpdated, long removed, List<SkippedItem> skipped, long bytes, Duration duration) {

    public MigrationReport {
        plan = List.copyOf(plan);
        skipped = List.copyOf(skipped);
    }

    public double messagesPerSecond() {
        return copied / Math.max(duration.toMillis() / 1000.0, 0.001);
    }
}
