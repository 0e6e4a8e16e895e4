package org.mailmigrator.connector.ews.internal;

import org.mailmigrator.core.spi.ConnectorException;

/**
 * One EWS request of the calendar/contacts source, its failure translated ({@link EwsErrors}); an ErrorServerBusy
 * answer is waited out for the BackOffMilliseconds Exchange asks, then the request is sent again (at most
 * {@value #ATTEMPTS} times), as the mail engine does for the mail source.
 */
final class Calls {
    static final int ATTEMPTS = 6;

    /** A request. */
    interface Call<T> {
        T run() throws Exception;
    }

    private Calls() {
    }

    static <T> T run(Call<T> call, String what, String login) throws ConnectorException {
        for (int attempt = 1;; attempt++) {
            try {
                return call.run();
            } catch (Exception e) {
                ConnectorException c = EwsErrors.translate(e, what, login);
                if (!(c instanceof ConnectorException.Throttled t) || attempt >= ATTEMPTS) {
                    throw c;
                }
                try {
                    Thread.sleep(Math.max(1, t.backOffMillis())); // the wait Exchange asked for, not a guess
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw new ConnectorException.TransientFailure(what + ": interrupted while Exchange asked to wait", stop);
                }
            }
        }
    }
}
