package org.mailmigrator.core.internal.engine;

import java.util.function.LongSupplier;

import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.engine.RunInterrupted;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.state.StateException;

/**
 * Runs a step again after a transient failure, with exponential backoff (or the server's requested delay
 * when throttled), reopening the sessions in between. Safe because every step is idempotent. An attempt
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

    /** {@code progress} grows only when a message was copied: a message is never copied twice. */
    Retry(MigrationSettings settings, MigrationListener listener, LongSupplier progress) {
        this.settings = settings;
        this.listener = listener;
        this.progress = progress;
    }

    <T> T run(String what, SessionPair sessions, Step<T> step) throws ConnectorException, StateException {
        long backoff = settings.firstBackoff().toMillis();
        long done = progress.getAsLong();
        for (int attempt = 1;; attempt++) {
            try {
                return step.run();
            } catch (ConnectorException.TransientFailure | ConnectorException.Throttled e) {
                long now = progress.getAsLong();
                if (now > done) {
                    done = now;
                    attempt = 1;
                    backoff = settings.firstBackoff().toMillis();
                }
                if (attempt >= settings.maxAttempts()) {
                    throw e;
                }
                long wait = e instanceof ConnectorException.Throttled t ? Math.max(backoff, t.backOffMillis()) : backoff;
                listener.info(what + ": " + e.getMessage() + "; attempt " + (attempt + 1) + " of "
                        + settings.maxAttempts() + " in " + wait + " ms");
                sessions.close();
                sleep(wait);
                backoff *= 2;
            }
        }
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
