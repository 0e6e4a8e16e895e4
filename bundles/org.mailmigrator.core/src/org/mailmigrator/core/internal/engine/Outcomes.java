package org.mailmigrator.core.internal.engine;

import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.engine.RunInterrupted;
import org.mailmigrator.core.limits.BudgetSpent;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.state.StateException;

/**
 * Turns what stopped a run into its outcome and a message an administrator can act on; an account failure maps
 * through {@link Outcome#of(ConnectorException.AccountFailure.Reason)}, as a calendar/contacts run's does.
 */
final class Outcomes {
    private Outcomes() {
    }

    static Outcome of(Throwable t) {
        if (t instanceof ConnectorException.AccountFailure a) {
            return Outcome.of(a.reason()); // the one mapping, shared with calendars/contacts (PimReport.outcome)
        }
        if (t instanceof ConnectorException.TransientFailure || t instanceof ConnectorException.Throttled) {
            return Outcome.CONNECTION_FAILED;
        }
        if (t instanceof RunInterrupted || t instanceof InterruptedException) {
            return Outcome.INTERRUPTED;
        }
        if (t instanceof BudgetSpent) {
            return Outcome.WAITING_FOR_QUOTA;
        }
        return Outcome.ACCOUNT_FAILED;
    }

    static String message(Throwable t) {
        if (t instanceof ConnectorException || t instanceof StateException || t instanceof RunInterrupted
                || t instanceof IllegalArgumentException || t instanceof BudgetSpent
                || t instanceof java.io.UncheckedIOException) {
            return t.getMessage();
        }
        return "internal error: " + t;
    }
}
