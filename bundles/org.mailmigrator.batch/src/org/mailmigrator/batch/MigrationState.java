package org.mailmigrator.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The persisted state of one migration: status with the time it entered it and the time spent in every
 * status so far (so a migration "stalled" in one state shows as such), the last error in words, and the
 * totals of its last pass.
 */
public record MigrationState(String migrationId, MigrationStatus status, Instant since,
        Map<MigrationStatus, Duration> timeIn, Optional<String> lastError, long copied, long skipped, long bytes,
        Optional<Instant> lastSync) {

    public MigrationState {
        timeIn = Map.copyOf(timeIn);
    }

    public static MigrationState queued(String id, Instant now) {
        return new MigrationState(id, MigrationStatus.QUEUED, now, Map.of(), Optional.empty(), 0, 0, 0,
                Optional.empty());
    }

    /** How long it has been in its current status. */
    public Duration inStatus(Instant now) {
        return Duration.between(since, now).isNegative() ? Duration.ZERO : Duration.between(since, now);
    }

    /** Moves to {@code next}, adding the time spent in the current status to its total. */
    public MigrationState moveTo(MigrationStatus next, Instant now, Optional<String> error) {
        Map<MigrationStatus, Duration> t = new EnumMap<>(MigrationStatus.class);
        t.putAll(timeIn);
        t.merge(status, inStatus(now), Duration::plus);
        return new MigrationState(migrationId, next, now, t, error, copied, skipped, bytes, lastSync);
    }

    public MigrationState withTotals(long newCopied, long newSkipped, long newBytes, Instant sync) {
        return new MigrationState(migrationId, status, since, timeIn, lastError, newCopied, newSkipped, newBytes,
                Optional.ofNullable(sync));
    }
}
