package org.mailmigrator.core.internal.retry;

import java.time.Duration;
import java.util.function.Consumer;

import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.spi.ConnectorException;

/**
 * The mail engine's retry policy for one operation: a transient failure is retried after
 * {@code firstBackoff}, doubling each time, up to {@code maxAttempts} attempts in all; a throttled one waits at
 * least what the server asked. Item and account failures are not retried. The last failure is thrown when the
 * attempts are used up, so the caller reports it with its own type.
 */
public final class Backoff {
    /** One attempt of the operation. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws ConnectorException;
    }

    private final int maxAttempts;
    private final long firstMillis;

    public Backoff(int maxAttempts, Duration firstBackoff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
        this.maxAttempts = maxAttempts;
        this.firstMillis = Math.max(0, firstBackoff.toMillis());
    }

    /** The attempts and first backoff of a migration's settings. */
    public static Backoff of(MigrationSettings settings) {
        return new Backoff(settings.maxAttempts(), settings.firstBackoff());
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Runs {@code attempt} until it succeeds or fails for good; {@code info} hears of each retry.
     *
     * @throws ConnectorException.AccountFailure also when interrupted while waiting
     */
    public <T> T run(String what, Attempt<T> attempt, Consumer<String> info) throws ConnectorException {
        long backoff = firstMillis;
        for (int n = 1;; n++) {
            try {
                return attempt.run();
            } catch (ConnectorException.TransientFailure | ConnectorException.Throttled e) {
                if (n >= maxAttempts) {
                    throw e;
                }
                long wait = e instanceof ConnectorException.Throttled t ? Math.max(backoff, t.backOffMillis()) : backoff;
                info.accept(what + ": " + e.getMessage() + "; attempt " + (n + 1) + " of " + maxAttempts + " in " + wait + " ms");
                sleep(wait);
                backoff = Math.max(1, backoff) * 2;
            }
        }
    }

    private static void sleep(long ms) throws ConnectorException.AccountFailure {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException.AccountFailure("interrupted while waiting to retry", e);
        }
    }
}
