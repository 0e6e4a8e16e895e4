package org.mailmigrator.core.internal.retry;

import java.time.Duration;

/**
 * Adaptive backoff for "slow down" answers of one account pair's servers (Gmail's {@code [THROTTLED]}, Microsoft's
 * suggested backoff): each throttled answer in a row doubles the wait (starting at the first backoff, never below
 * what the server suggested, at most {@link #MAX}); a copied message halves it again. While a wait is running,
 * every worker of the run pauses before its next step ({@link #awaitClear()}), so the account is not hit from
 * the other connections meanwhile. Thread-safe.
 */
public final class Throttle {
    /** The longest single wait: a provider's throttle lasts minutes, not hours (the daily budget is separate). */
    public static final long MAX = Duration.ofMinutes(15).toMillis();
    private final long first;
    private long current;
    private long pausedUntil;

    public Throttle(Duration firstBackoff) {
        this.first = Math.max(1, firstBackoff.toMillis());
    }

    /** The wait for a throttled answer that suggested {@code suggestedMillis} (0: none); starts the shared pause. */
    public synchronized long throttled(long suggestedMillis) {
        current = Math.min(MAX, Math.max(suggestedMillis, current == 0 ? first : current * 2));
        pausedUntil = Math.max(pausedUntil, System.currentTimeMillis() + current);
        return current;
    }

    /** Progress was made: the next throttled answer waits less. */
    public synchronized void progressed() {
        current = current / 2;
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
