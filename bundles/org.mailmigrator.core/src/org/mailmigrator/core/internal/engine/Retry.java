package org.mailmigrator.core.internal.engine;

import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.engine.RunInterrupted;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.state.StateException;

/**
 * Runs a step again after a transient failure, with exponential backoff (or the server's requested delay
 * when throttled), reopening the sessions in between. Safe because every step is idempotent.
 */
final class Retry {
    interface Step<T> {
        T run() throws ConnectorException, StateException;
    }

    private final MigrationSettings settings;
    private final MigrationListener listener;

    Retry(MigrationSettings settings, MigrationListener listener) {
        this.settings = settings;
        this.listener = listener;
    }

    <T> T run(String what, SessionPair sessions, Step<T> step) throws ConnectorException, StateException {
        long backoff = settings.firstBackoff().toMillis();
        for (int attempt = 1;; attempt++) {
            try {
                return step.run();
            } catch (ConnectorException.TransientFailure | ConnectorException.Throttled e) {
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
