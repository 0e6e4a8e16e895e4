package org.mailmigrator.core.internal.state;

import java.sql.Connection;
import java.sql.SQLException;

import org.mailmigrator.core.state.StateException;

/**
 * One transaction on a state store's connection, as the mail and the calendar/contacts tables both need it:
 * the work and its commit, or a rollback and a {@link StateException} that says what could not be done.
 */
final class Transactions {
    /** Work on the connection; its SQL failures become the transaction's failure. */
    interface Work<T> {
        T run() throws SQLException;
    }

    private Transactions() {
    }

    static <T> T run(Connection db, String what, Work<T> work) throws StateException {
        try {
            T result = work.run();
            db.commit();
            return result;
        } catch (SQLException e) {
            try {
                db.rollback();
            } catch (SQLException ignored) {
                // the original failure is the one to report
            }
            String full = DiskFull.message(e, db);
            throw new StateException(full != null ? full : "state store: cannot " + what + ": " + e.getMessage(), e);
        }
    }
}
