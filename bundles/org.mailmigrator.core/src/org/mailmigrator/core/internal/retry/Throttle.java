package org.mailmigrator.core.internal.retry;

import java.time.Duration;

/**
 * Adaptive backoff for "slow down" answers of one account pair's servers (Gmail's {@code [THROTTLED]}, Microsoft's
 * suggested backoff): each throttled answer in a row doubles the wait (starting at the first backoff, never below
 * what the server suggested, at most {@link #MAX}); a throttled answer after messages were copied halves it. While a wait is running,
 * every worker of the run pauses before its next step ({@link #awaitClear()}), so the account is not hit from
 * the other connections meanwhile. Thread-safe.
 */
public final class Throttle {
    /** The longest single wait: a provider's throttle lasts minutes, not hours (the daily budget is separate). */
    public static final long MAX = Duration.ofMinutes(15).toMillis();
    private final long first;
    private long current;
    private long pausedUntil;
    private boolean eased;

    public Throttle(Duration firstBackoff) {
        this.first = Math.max(1, firstBackoff.toMillis());
    }

    /**
     * The wait for a throttled answer that suggested {@code suggestedMillis} (0: none); starts the shared pause.
     * An answer that comes while a pause runs (another connection's request, sent before it) does not make the
     * wait longer: only throttling after a pause has ended escalates.
     */
    public synchronized long throttled(long suggestedMillis) {
        long now = System.currentTimeMillis();
        if (now < pausedUntil) {
            pausedUntil = Math.max(pausedUntil, now + Math.min(MAX, suggestedMillis));
            return pausedUntil - now;
        }
        long base = current == 0 ? first : eased ? Math.max(first, current / 2) : current * 2;
        eased = false;
        current = Math.min(MAX, Math.max(suggestedMillis, base));
        pausedUntil = now + current;
        return current;
    }

    /** Progress was made since the last throttled answer: the next one waits half as long, not twice. */
    public synchronized void progressed() {
        eased = true;
    }

    /** The current adaptive wait (0 when not throttled lately). */
    public synchronized long current() {
        return current;
    }

    /** Sleeps while another worker's throttled wait runs. */
    public void awaitClear() throws InterruptedException {
        for (;;) {
            long left;
            synchronized (this) {
                left = pausedUntil - System.currentTimeMillis();
            }
            if (left <= 0) {
                return;
            }
            Thread.sleep(Math.min(left, 1000));
        }
    }
}
