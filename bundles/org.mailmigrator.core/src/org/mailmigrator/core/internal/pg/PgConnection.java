package org.mailmigrator.core.internal.pg;

import java.sql.Connection;
import java.sql.SQLException;

import org.mailmigrator.core.state.StateException;

/**
 * A connection to the shared database for a store other than an account pair's (the batch store): each
 * {@link #tx} is one transaction, repeated on a new connection while the server is away, as the pairs' stores do
 * (see {@code PgSession}); no advisory lock. Not thread-safe: its user calls it under its own lock.
 */
public final class PgConnection implements AutoCloseable {
    /** Work on the connection; its SQL failures become the transaction's failure. */
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final PgSession session;
    private final String what;

    PgConnection(PgSession session, String what) {
        this.session = session;
        this.what = what;
    }

    /**
     * Runs {@code work} as one transaction; it may run again after a lost connection, so it must be idempotent or
     * check what a lost commit may have done.
     */
    public <T> T tx(String action, Work<T> work) throws StateException {
        return session.tx(what + ": " + action, work::run);
    }

    @Override
    public void close() {
        session.close();
    }
}
