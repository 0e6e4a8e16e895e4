package org.mailmigrator.core.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.mailmigrator.core.model.MessageLimits;

/**
 * How one run behaves. {@code include}/{@code exclude} are regular expressions matched (find) against
 * source folder names; {@code map} maps source folder names to destination names and wins over every
 * other rule; {@code mirror} removes from the destination what was removed from the source; {@code limits}
 * leave out messages outside a date window and skip (and report) those over a size.
 */
public record MigrationSettings(List<String> include, List<String> exclude, Map<String, String> map,
        boolean dryRun, boolean mirror, int parallelism, int batchSize, int maxAttempts, Duration firstBackoff,
        MessageLimits limits) {

    public MigrationSettings {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        map = Map.copyOf(map);
        Objects.requireNonNull(limits, "limits");
        if (parallelism < 1 || batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("parallelism, batch size and attempts must be at least 1");
        }
    }

    /** Settings without message limits. */
    public MigrationSettings(List<String> include, List<String> exclude, Map<String, String> map, boolean dryRun,
            boolean mirror, int parallelism, int batchSize, int maxAttempts, Duration firstBackoff) {
        this(include, exclude, map, dryRun, mirror, parallelism, batchSize, maxAttempts, firstBackoff, MessageLimits.NONE);
    }

    public static MigrationSettings defaults() {
        return new MigrationSettings(List.of(), List.of(), Map.of(), false, false, 3, 100, 4, Duration.ofSeconds(1));
    }

    public MigrationSettings withFilters(List<String> newInclude, List<String> newExclude, Map<String, String> newMap) {
        return new MigrationSettings(newInclude, newExclude, newMap, dryRun, mirror, parallelism, batchSize,
                maxAttempts, firstBackoff, limits);
    }

    public MigrationSettings withDryRun(boolean value) {
        return new MigrationSettings(include, exclude, map, value, mirror, parallelism, batchSize, maxAttempts,
                firstBackoff, limits);
    }

    public MigrationSettings withMirror(boolean value) {
        return new MigrationSettings(include, exclude, map, dryRun, value, parallelism, batchSize, maxAttempts,
                firstBackoff, limits);
    }

    public MigrationSettings withParallelism(int value) {
        return new MigrationSettings(include, exclude, map, dryRun, mirror, value, batchSize, maxAttempts,
                firstBackoff, limits);
    }

    public MigrationSettings withRetries(int attempts, Duration backoff) {
        return new MigrationSettings(include, exclude, map, dryRun, mirror, parallelism, batchSize, attempts, backoff,
                limits);
    }

    public MigrationSettings withBatchSize(int value) {
        return new MigrationSettings(include, exclude, map, dryRun, mirror, parallelism, value, maxAttempts,
                firstBackoff, limits);
    }

    public MigrationSettings withLimits(MessageLimits value) {
        return new MigrationSettings(include, exclude, map, dryRun, mirror, parallelism, batchSize, maxAttempts,
                firstBackoff, value);
    }
}
