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
 * at the default 500); each batch costs the state store two commits. {@code parallelism}: how many folders are copied at
 * once (each with its own source and destination connection), or {@link #PARALLELISM_BY_LINK}.
 */
public record MigrationSettings(List<String> include, List<String> exclude, Map<String, String> map,
        boolean dryRun, boolean mirror, int parallelism, int batchSize, int maxAttempts, Duration firstBackoff,
        MessageLimits limits, GmailOptions gmail) {

    /**
     * Folders at once on a fast link (a LAN, loopback), where the client's and the server's CPU bound the copy and more
     * connections cost more than they bring (20k messages on loopback: 10.3-10.8 s with 3, 11.3-12.4 s with 6).
     */
    public static final int FOLDERS_AT_ONCE_NEAR = 3;

    /**
     * Folders at once over a slow link, where each folder's round trips bound the copy (40 ms: 1,024 messages in 38
     * folders 11.0-11.8 s with 3, 9.7-9.9 s with 4, 8.2-8.3 s with 6; 1,509 in 525 folders 64, 56 and 37 s). Four, not
     * more: an IMAP session may hold two connections (its store's and its open folder's), and eight a side stay under
     * common per-user limits (Dovecot's default 10 from one address, Gmail's 15) with room for the user's own client.
     */
    public static final int FOLDERS_AT_ONCE_FAR = 4;

    /** The round trip from which a link is slow: {@link #FOLDERS_AT_ONCE_FAR} folders at once. */
    public static final Duration SLOW_LINK = Duration.ofMillis(5);

    /**
     * {@code parallelism} chosen by the engine from the link, once its first connections measured it ({@link
     * org.mailmigrator.core.mail.MailStore#roundTrip()}): {@link #FOLDERS_AT_ONCE_FAR} folders at once when either
     * side's round trip is {@link #SLOW_LINK} or more, {@link #FOLDERS_AT_ONCE_NEAR} otherwise or when unmeasured.
     */
    public static final int PARALLELISM_BY_LINK = 0;

    public MigrationSettings {
        Objects.requireNonNull(gmail, "gmail");
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        map = Map.copyOf(map);
        Objects.requireNonNull(limits, "limits");
        if (parallelism < PARALLELISM_BY_LINK || batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1 (or chosen by the link), batch size and "
                    + "attempts at least 1");
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
