package org.mailmigrator.core.limits;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The daily transfer budget of one account pair: bytes read from the source account count against its download
 * limit, bytes written to the destination account against its upload limit. Counted across runs and processes
 * in one small file ({@code transfer-budget.properties} of the state folder: per account and direction, the
 * window's start and the bytes used), read and written under a file lock so that two rows sharing an account
 * add up; or, given other {@link Counts}, in a database the processes of many machines share. A window starts with the
 * first byte counted and lasts {@link DailyLimits#window()}; when it ends,
 * the count starts again from zero.
 */
public final class TransferBudget {
    /** The file's name in a state folder. */
    public static final String FILE = "transfer-budget.properties";
    /**
     * Where the windows' counts are kept: the file of a state folder (one machine), or a database every process of a
     * fleet shares. Thread-safe.
     */
    public interface Counts {
        /**
         * Reads the entries {@code PREFIX.start} and {@code PREFIX.bytes} of each of {@code prefixes}
         * ({@code download.LOGIN@HOST}, {@code upload.LOGIN@HOST}); given a {@code change}, applies it to them and stores
         * them in the same step, atomically against every other user of these counts.
         *
         * @throws UncheckedIOException when the counts cannot be read or written, naming where they are
         */
        Properties update(List<String> prefixes, Consumer<Properties> change);
    }

    private final Counts counts;
    private final String source;
    private final DailyLimits sourceLimits;
    private final String destination;
    private final DailyLimits destinationLimits;
    private final Clock clock;

    /**
     * @param source      the source account ({@code login@host}), or null when its downloads are not limited
     * @param destination the destination account, or null when its uploads are not limited
     */
    public TransferBudget(Path file, String source, DailyLimits sourceLimits, String destination,
            DailyLimits destinationLimits, Clock clock) {
        this((prefixes, change) -> FileCounts.update(file, change), source, sourceLimits, destination, destinationLimits, clock);
    }

    /** The same, counted in {@code counts} (a database shared by the processes of many machines). */
    public TransferBudget(Counts counts, String source, DailyLimits sourceLimits, String destination,
            DailyLimits destinationLimits, Clock clock) {
        this.counts = java.util.Objects.requireNonNull(counts, "counts");
        this.source = source;
        this.sourceLimits = sourceLimits == null ? DailyLimits.NONE : sourceLimits;
        this.destination = destination;
        this.destinationLimits = destinationLimits == null ? DailyLimits.NONE : destinationLimits;
        this.clock = clock;
    }

    /** Whether any limit applies at all. */
    public boolean limited() {
        return source != null && sourceLimits.downloadBytes() > 0 || destination != null && destinationLimits.uploadBytes() > 0;
    }

    /** The bytes this pair may still transfer in the current windows (Long.MAX_VALUE when not limited). */
    public synchronized long allowance() {
        Properties p = locked(null);
        long now = clock.millis();
        return Math.min(left(p, "download", source, sourceLimits.downloadBytes(), sourceLimits, now),
                left(p, "upload", destination, destinationLimits.uploadBytes(), destinationLimits, now));
    }

    /** The largest message any window can ever take (Long.MAX_VALUE when not limited). */
    public long largest() {
        long a = source != null && sourceLimits.downloadBytes() > 0 ? sourceLimits.downloadBytes() : Long.MAX_VALUE;
        long b = destination != null && destinationLimits.uploadBytes() > 0 ? destinationLimits.uploadBytes() : Long.MAX_VALUE;
        return Math.min(a, b);
    }

    /** Counts {@code bytes} copied (read from the source and written to the destination). */
    public synchronized void charge(long bytes) {
        if (!limited() || bytes <= 0) {
            return;
        }
        locked(p -> {
            long now = clock.millis();
            add(p, "download", source, sourceLimits.downloadBytes() > 0, sourceLimits, now, bytes);
            add(p, "upload", destination, destinationLimits.uploadBytes() > 0, destinationLimits, now, bytes);
        });
    }

    /** When the window(s) with less than {@code need} bytes left open again (the latest of their ends). */
    public synchronized Instant opensAt(long need) {
        Properties p = locked(null);
        long now = clock.millis();
        long at = now;
        if (left(p, "download", source, sourceLimits.downloadBytes(), sourceLimits, now) < need) {
            at = Math.max(at, start(p, "download", source) + sourceLimits.window().toMillis());
        }
        if (left(p, "upload", destination, destinationLimits.uploadBytes(), destinationLimits, now) < need) {
            at = Math.max(at, start(p, "upload", destination) + destinationLimits.window().toMillis());
        }
        return Instant.ofEpochMilli(at);
    }

    /**
     * When the earliest running window (with bytes counted) ends: the first moment a waiting row can have more
     * room. Empty when no window is running.
     */
    public synchronized java.util.Optional<Instant> nextOpening() {
        Properties p = locked(null);
        long now = clock.millis();
        long best = Long.MAX_VALUE;
        if (source != null && sourceLimits.downloadBytes() > 0 && start(p, "download", source) > 0) {
            long end = start(p, "download", source) + sourceLimits.window().toMillis();
            best = end > now ? Math.min(best, end) : best;
        }
        if (destination != null && destinationLimits.uploadBytes() > 0 && start(p, "upload", destination) > 0) {
            long end = start(p, "upload", destination) + destinationLimits.window().toMillis();
            best = end > now ? Math.min(best, end) : best;
        }
        return best == Long.MAX_VALUE ? java.util.Optional.empty() : java.util.Optional.of(Instant.ofEpochMilli(best));
    }

    /** The words of a budget with less than {@code need} bytes left, naming the account(s) and limit(s). */
    public synchronized String describeSpent(long need) {
        Properties p = locked(null);
        long now = clock.millis();
        StringBuilder sb = new StringBuilder("daily transfer budget used up:");
        if (left(p, "download", source, sourceLimits.downloadBytes(), sourceLimits, now) < need) {
            sb.append(String.format(Locale.ROOT, " %s downloads %s per %s", source,
                    mb(sourceLimits.downloadBytes()), window(sourceLimits)));
        }
        if (left(p, "upload", destination, destinationLimits.uploadBytes(), destinationLimits, now) < need) {
            sb.append(String.format(Locale.ROOT, " %s uploads %s per %s", destination,
                    mb(destinationLimits.uploadBytes()), window(destinationLimits)));
        }
        return sb.toString();
    }

    private static String mb(long bytes) {
        return bytes % 1_000_000 == 0 ? bytes / 1_000_000 + " MB" : String.format(Locale.ROOT, "%.2f MB", bytes / 1e6);
    }

    private static String window(DailyLimits l) {
        return l.window().toHours() == 24 && l.window().toMillis() % 3_600_000 == 0 ? "day" : l.window().toString();
    }

    private static long left(Properties p, String dir, String account, long limit, DailyLimits l, long now) {
        if (account == null || limit <= 0) {
            return Long.MAX_VALUE;
        }
        long start = start(p, dir, account);
        if (start == 0 || now >= start + l.window().toMillis()) {
            return limit;
        }
        return limit - Long.parseLong(p.getProperty(dir + "." + account + ".bytes", "0"));
    }

    private static long start(Properties p, String dir, String account) {
        return Long.parseLong(p.getProperty(dir + "." + account + ".start", "0"));
    }

    private static void add(Properties p, String dir, String account, boolean limited, DailyLimits l, long now, long bytes) {
        if (account == null || !limited) {
            return;
        }
        long start = start(p, dir, account);
        long used = Long.parseLong(p.getProperty(dir + "." + account + ".bytes", "0"));
        if (start == 0 || now >= start + l.window().toMillis()) {
            start = now;
            used = 0;
        }
        p.setProperty(dir + "." + account + ".start", Long.toString(start));
        p.setProperty(dir + "." + account + ".bytes", Long.toString(used + bytes));
    }

    /** Reads the counts of this budget's accounts; applies and stores {@code change} when given. */
    private Properties locked(Consumer<Properties> change) {
        List<String> prefixes = new ArrayList<>();
        if (source != null) {
            prefixes.add("download." + source);
        }
        if (destination != null) {
            prefixes.add("upload." + destination);
        }
        try {
            return counts.update(prefixes, change);
        } catch (NumberFormatException e) {
            return new Properties();
        }
    }
}
