package org.mailmigrator.core.internal.engine;

import java.util.function.LongSupplier;

import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.engine.RunInterrupted;
import org.mailmigrator.core.internal.retry.Throttle;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.state.StateException;

/**
 * Runs a step again after a transient failure, with exponential backoff (or the server's requested delay
 * when throttled), reopening the sessions in between. Safe because every step is idempotent. A provider's throttling answer
 * ({@link ConnectorException.Throttled}) has its own count and an adaptive wait ({@link Throttle}). An attempt
 * that made progress (messages copied since the previous failure) resets the count and the
 * backoff: a link that drops every few MB slows a run down but does not stop it.
 */
final class Retry {
    interface Step<T> {
        T run() throws ConnectorException, StateException;
    }

    private final MigrationSettings settings;
    private final MigrationListener listener;
    private final LongSupplier progress;
    private final Throttle throttle;

    /** {@code progress} grows only when a message was copied: a message is never copied twice. */
    Retry(MigrationSettings settings, MigrationListener listener, LongSupplier progress) {
        this.settings = settings;
        this.listener = listener;
        this.progress = progress;
        this.throttle = new Throttle(settings.firstBackoff());
    }

    /** A failure's message, with those of the other side's failure at the same moment ({@link Both}). */
    private static String said(Exception e) {
        StringBuilder b = new StringBuilder(e.getMessage());
        for (Throwable s : e.getSuppressed()) {
            b.append("; and ").append(s.getMessage());
        }
        return b.toString();
    }

    <T> T run(String what, SessionPair sessions, Step<T> step) throws ConnectorException, StateException {
        long backoff = settings.firstBackoff().toMillis();
        long done = progress.getAsLong();
        int throttledInARow = 0;
        for (int attempt = 1;; attempt++) {
            try {
                throttle.awaitClear();
                return step.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunInterrupted("interrupted while waiting for the server's throttling to pass");
            } catch (ConnectorException.TransientFailure | ConnectorException.Throttled e) {
                long now = progress.getAsLong();
                if (now > done) {
                    done = now;
                    attempt = 1;
                    throttledInARow = 0;
                    backoff = settings.firstBackoff().toMillis();
                    throttle.progressed();
                }
                long wait;
                if (e instanceof ConnectorException.Throttled t) {
                    // a provider's limit answer: its own count (a throttle lasts longer than a dropped link), an
                    // adaptive wait shared by the run's workers, then the sessions closed and opened again (the
                    // factory may hand on a connection the server still answers); the attempt is not used up
                    if (++throttledInARow > throttledAttempts()) {
                        throw e;
                    }
                    attempt--;
                    wait = throttle.throttled(t.backOffMillis());
                    listener.info(what + ": " + said(e) + "; throttled " + throttledInARow + " time(s) in a row,"
                            + " waiting " + wait + " ms, then trying again");
                } else {
                    if (attempt >= settings.maxAttempts()) {
                        throw e;
                    }
                    wait = backoff;
                    backoff *= 2;
                    listener.info(what + ": " + said(e) + "; attempt " + (attempt + 1) + " of "
                            + settings.maxAttempts() + " in " + wait + " ms");
                }
                sessions.close();
                sleep(wait);
            }
        }
    }

    /** Throttled answers in a row (without a message copied between) before the run gives up for now. */
    private int throttledAttempts() {
        return Math.max(8, settings.maxAttempts() * 2);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunInterrupted("interrupted while waiting to retry");
        }
    }
}
