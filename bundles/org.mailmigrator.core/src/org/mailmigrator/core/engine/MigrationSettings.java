package org.mailmigrator.core.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How one run behaves. {@code include}/{@code exclude} are regular expressions matched (find) against
 * source folder names; {@code map} maps source folder names to destination names and wins over every
 * other rule; {@code mirror} removes from the destination what was removed from the source.
 */
public record MigrationSettings(List<String> include, List<String> exclude, Map<String, String> map,
        boolean dryRun, boolean mirror, int parallelism, int batchSize, int maxAttempts, Duration firstBackoff) {

    public MigrationSettings {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        map = Map.copyOf(map);
        if (parallelism < 1 || batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("parallelism, batch size and attempts must be at least 1");
        }
    }

    public static MigrationSettings defaults() {
        return new MigrationSettings(List.of(), List.of(), Map.of(), false, false, 3, 100, 4, Duration.ofSeconds(1));
    }

    public MigrationSettings withFilters(List<String> newInclude, List<String> newExclude, Map<String, String> newMap) {
        return new MigrationSettings(newInclude, newExclude, newMap, dryRun, mirror, parallelism, batchSize,
                maxAttempts, firstBackoff);
    }

    public MigrationSettings withDryRun(boolean value) {
        return new MigrationSettings(include, exclude, map, value, mirror, parallelism, batchSize, maxAttempts,
                firstBackoff);
    }

    public MigrationSettings withMirror(boolean value) {
        return new MigrationSettings(include, exclude, map, dryRun, value, parallelism, batchSize, maxAttempts,
                firstBackoff);
    }

    public MigrationSettings withParallelism(int value) {
        return new MigrationSettings(include, exclude, map, dryRun, mirror, value, batchSize, maxAttempts,
                firstBackoff);
    }

    public MigrationSettings withRetries(int attempts, Duration backoff) {
        return new MigrationSettings(include, exclude, map, dryRun, mirror, parallelism, batchSize, attempts, backoff);
    }

    public MigrationSettings withBatchSize(int value) {
        return new MigrationSettings(include, exclude, map, dryRun, mirror, parallelism, value, maxAttempts,
                firstBackoff);
    }
}
