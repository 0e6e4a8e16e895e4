package org.mailmigrator.connector.imap.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How fast the connections to one server carry bytes one way, measured while they copy (the sessions of a runner
 * share it for an hour: {@link Links}), for {@code compress=auto} ({@link Compression}): a link narrower than {@link
 * #NARROW} a connection is worth compressing, a wider one is not (docs/imap-benchmark.md, rounds 32 to 34). Nothing
 * is decided from a guess:
 * until a measure is complete there is no verdict, and sessions that never move enough bytes to measure keep none.
 * <ul>
 * <li><b>Downloads</b> (a source): {@link #ANSWERS} answers of at least {@link #SMALLEST_ANSWER} bytes whose first
 * byte was already there when their reading began, each timed from that byte to its last, so neither the round trip
 * nor the server's think time counts, only how fast the bytes arrive; the verdict follows their median.</li>
 * <li><b>Uploads</b> (a destination): {@link #SENDS} commands that sent at least {@link #SMALLEST_SEND} bytes (an
 * APPEND of a group of messages, or of one big message), each alone on its connection, timed from their first byte
 * written to their tagged answer, less the connection's round trip (its quickest command that sent and received
 * little); the verdict follows their median. Writing alone does not tell: the kernel takes a group of a few
 * megabytes into its buffers at once, whatever the link, and the command then waits for its answer.</li>
 * </ul>
 * A server that itself sends or takes bytes slower than {@link #NARROW} looks like a narrow link; compressing costs
 * it CPU, which is why {@code compress=off} stays available. Thread-safe: the sessions' connections share it.
 */
final class LinkRate {
    /** Bytes a second a connection under which compression pays (50 Mbit/s gained 8-16 %; 1 Gbit/s lost 20-30 %). */
    static final double NARROW = 8_000_000;
    static final int ANSWERS = 8;
    static final int SMALLEST_ANSWER = 128 << 10;
    static final int SENDS = 8;
    static final int SMALLEST_SEND = 1 << 20;
    /** A command that sent and received no more than this tells the round trip. */
    static final int SMALL = 4096;

    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** What was measured: bytes a second a connection, whether that is narrow, how and when it was measured. */
    record Verdict(double bytesPerSecond, boolean narrow, String how, Instant at) {
        /** "5.8 MB/s a connection (8 answers of 128 KiB or more from the server, by 04:58:58 UTC)". */
        String describe() {
            return String.format(Locale.ROOT, "%.1f MB/s a connection (%s, by %s)", bytesPerSecond / 1e6, how,
                    CLOCK.format(at.truncatedTo(ChronoUnit.SECONDS)));
        }
    }

    private final Clock clock;

    private final double[] answers = new double[ANSWERS];
    private int answered;
    private final double[] sends = new double[SENDS];
    private int sent;
    private volatile Verdict verdict;
    /** The quickest small command of any connection so far, nanoseconds: the link's round trip as measured. */
    private final AtomicLong quickest = new AtomicLong(Long.MAX_VALUE);

    /** A link not measured yet, its verdict dated by {@code clock}. */
    LinkRate(Clock clock) {
        this.clock = clock;
    }

    /** Whether its verdict is older than {@code age} (one not reached yet never is: the measure goes on). */
    boolean olderThan(Duration age) {
        Verdict v = verdict;
        return v != null && v.at().plus(age).isBefore(clock.instant());
    }

    /** The verdict, once a measure is complete. */
    Optional<Verdict> verdict() {
        return Optional.ofNullable(verdict);
    }

    boolean narrow() {
        Verdict v = verdict;
        return v != null && v.narrow();
    }

    /**
     * An answer of {@code bytes} read in {@code nanos} from its first byte (already there when reading began) to
     * its last; smaller answers tell nothing of the link and are ignored.
     */
    void answer(long bytes, long nanos) {
        if (answered < ANSWERS && bytes >= SMALLEST_ANSWER && nanos > 0) { // most answers: no lock taken
            sample(bytes, nanos);
        }
    }

    private synchronized void sample(long bytes, long nanos) {
        if (answered < ANSWERS) {
            answers[answered++] = bytes * 1e9 / nanos;
            if (answered == ANSWERS) {
                decide(median(answers), ANSWERS + " answers of " + (SMALLEST_ANSWER >> 10) + " KiB or more from the server");
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int half = sorted.length / 2;
        return sorted.length % 2 == 0 ? (sorted[half - 1] + sorted[half]) / 2 : sorted[half];
    }

    private synchronized void decide(double bytesPerSecond, String how) {
        if (verdict == null) {
            verdict = new Verdict(bytesPerSecond, bytesPerSecond < NARROW, how, clock.instant());
        }
    }

    /** A meter for one connection's commands. */
    Commands commands() {
        return new Commands();
    }

    /** One connection's commands, each alone on it; used by one thread at a time (the connection's). */
    final class Commands {
        private long roundTrip = Long.MAX_VALUE;

        /** A command sent {@code sentBytes} and was answered with {@code answerBytes}, {@code nanos} after it began. */
        void answered(long sentBytes, long answerBytes, long nanos) {
            if (sentBytes <= SMALL && answerBytes <= SMALL) {
                roundTrip = Math.min(roundTrip, nanos);
                quickest.accumulateAndGet(nanos, Math::min);
            } else if (sentBytes >= SMALLEST_SEND && roundTrip != Long.MAX_VALUE && sent < SENDS) {
                send(sentBytes, Math.max(1, nanos - roundTrip));
            }
        }
    }

    /**
     * The round trip of the link as its connections measured it: the quickest command that sent and received little
     * (CAPABILITY, NOOP, a SELECT of a small folder...), from its first byte written to its tagged answer, so the
     * server's think time is in it; empty before such a command was answered, or on a compressed connection.
     */
    Optional<Duration> roundTrip() {
        long q = quickest.get();
        return q == Long.MAX_VALUE ? Optional.empty() : Optional.of(Duration.ofNanos(q));
    }

    private synchronized void send(long bytes, long nanos) {
        if (sent < SENDS) {
            sends[sent++] = bytes * 1e9 / nanos;
            if (sent == SENDS) {
                decide(median(sends), SENDS + " commands that sent " + (SMALLEST_SEND >> 20) + " MiB or more to the server");
            }
        }
    }
}
