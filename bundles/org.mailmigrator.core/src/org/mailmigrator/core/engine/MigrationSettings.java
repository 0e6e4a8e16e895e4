package org.mailmigrator.core.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.mailmigrator.core.model.GmailOptions;
import org.mailmigrator.core.model.MessageLimits;

/**
 * How one run behaves. {@code include}/{@code exclude} are regular expressions matched (find) against
 * source folder names; {@code map} maps source folder names to destination names and wins over every
 * other rule; {@code mirror} removes from the destination what was removed from the source; {@code limits}
 * leave out messages outside a date window and skip (and report) those over a size. {@code batchSize}: the most
 * messages journaled and recorded together (a batch also ends once it holds 512 KiB times that many bytes: 250 MiB
 * at the default 500); each batch costs the state store two commits.
 */
public record MigrationSettings(List<String> include, List<String> exclude, Map<String, String> map,
        boolean dryRun, boolean mirror, int parallelism, int batchSize, int maxAttempts, Duration firstBackoff,
        MessageLimits limits, GmailOptions gmail) {

    public MigrationSettings {
        Objects.requireNonNull(gmail, "gmail");
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        map = Map.copyOf(map);
        Objects.requireNonNull(limits, "limits");
        if (parallelism < 1 || batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("parallelism, batch size and attempts must be at least 1");
        }
    }

    /** Settings with the default handling of a Gmail-like source. */
    public MigrationSettings(List<String> include, List<String> exclude, Map<String, String> map,
            boolean dryRun, boolean mirror, int parallelism, int batchSize, int maxAttempts, Duration firstBackoff,
            MessageLimits limits) {
        this(include, exclude, map, dryRun, mirror, parallelism, batchSize, maxAttempts, firstBackoff, limits,
                GmailOptions.DEFAULT);
    }

    /** Settings without message limits. */
    public MigrationSettings(List<String> include, List<String> exclude, Map<String, String> map, boolean dryRun,
            boolean mirror, int parallelism, int batchSize, int maxAttempts, Duration firstBackoff) {
        this(include, exclude, map, dryRun, mirror, parallelism, batchSize, maxAttempts, firstBackoff, MessageLimits.NONE);
    }

    /**
     * Three folders at once, batches of 500 messages (100 before: a 20,494-message copy spent ~1 CPU-s, a tenth of its
     * client CPU, more in the state store's commits), four attempts a folder from one second apart.
     */
    public static MigrationSettings defaults() {
        return new MigrationSettings(List.of(), List.of(), Map.of(), false, false, 3, 500, 4, Duration.ofSeconds(1));
    }

    public MigrationSettings withFilters(List<String> newInclude, List<String> newExclude, Map<String, String> newMap) {
        return new MigrationSettings(newInclude, newExclude, newMap, dryRun, mirror, parallelism, batchSize,
                maxAttempts, firstBackoff, limits, gmail);
    }

    public MigrationSettings withDryRun(boolean value) {
        return new MigrationSettings(include, exclude, map, value, mirror, parallelism, batchSize, maxAttempts,
                firstBackoff, limits, gmail);
    }

    public MigrationSettings withMirror(boolean value) {
        return new MigrationSettings(include, exclude, map, dryRun, value, parallelism, batchSize, maxAttempts,
                firstBackoff, limits, gmail);
    }

    public MigrationSettings withParallelism(int value) {
        return new MigrationSettings(include, exclude, map, dryRun, mirror, value, batchSize, maxAttempts,
                firstBackoff, limits, gmail);
    }

    public MigrationSettings withRetries(int attempts, Duration backoff) {
        return new MigrationSettings(include, exclude, map, dryRun, mirror, parallelism, batchSize, attempts, backoff,
                limits, gmail);
    }

    public MigrationSettings withBatchSize(int value) {
        return new MigrationSettings(include, exclude, map, dryRun, mirror, parallelism, value, maxAttempts,
                firstBackoff, limits, gmail);
    }

    public MigrationSettings withLimits(MessageLimits value) {
        return new MigrationSettings(include, exclude, map, dryRun, mirror, parallelism, batchSize, maxAttempts,
                firstBackoff, value, gmail);
    }

    /** The same settings with another handling of a Gmail-like source. */
    public MigrationSettings withGmail(GmailOptions value) {
        return new MigrationSettings(include, exclude, map, dryRun, mirror, parallelism, batchSize, maxAttempts,
                firstBackoff, limits, value);
    }
}
