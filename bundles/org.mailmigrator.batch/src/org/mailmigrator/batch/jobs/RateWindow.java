package org.mailmigrator.batch.jobs;

import java.util.ArrayDeque;

/**
 * Messages and bytes per second over a moving window of samples of what a pass has written. Measured up to
 * "now", not up to the last sample, so a stalled pass decays to zero instead of keeping its last speed; no
 * rate until the window spans {@link #MIN_SPAN_MS}, so the first burst after a start is not taken for a speed.
 * Not thread-safe: its owner locks.
 */
final class RateWindow {
    static final long WINDOW_MS = 30_000;
    static final long MIN_SPAN_MS = 2_000;

    private record Sample(long atMillis, long messages, long bytes) {
    }

    private final ArrayDeque<Sample> samples = new ArrayDeque<>();

    void clear(long nowMs) {
        samples.clear();
        samples.add(new Sample(nowMs, 0, 0));
    }

    void add(long nowMs, long messages, long bytes) {
        samples.addLast(new Sample(nowMs, messages, bytes));
    }

    /** {messages per second, bytes per second}; zeros while unknown. */
    double[] rates(long nowMs) {
        while (samples.size() > 1 && nowMs - samples.peekFirst().atMillis() > WINDOW_MS) {
            Sample first = samples.pollFirst();
            if (nowMs - samples.peekFirst().atMillis() <= WINDOW_MS) {
                samples.addFirst(first);  // keep one anchor at (or just before) the window's start
                break;
            }
        }
        if (samples.size() < 2) {
            return new double[] {0, 0};
        }
        Sample a = samples.peekFirst();
        Sample b = samples.peekLast();
        long span = nowMs - a.atMillis();
        if (span < MIN_SPAN_MS) {
            return new double[] {0, 0};
        }
        return new double[] {Math.max(0, b.messages() - a.messages()) * 1000.0 / span,
                Math.max(0, b.bytes() - a.bytes()) * 1000.0 / span};
    }
}
