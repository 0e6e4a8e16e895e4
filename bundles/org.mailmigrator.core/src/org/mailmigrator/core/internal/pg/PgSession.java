package org.mailmigrator.core.internal.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.mailmigrator.core.state.StateException;

/**
 * One account pair's connection to the shared store. It holds the pair's session advisory lock (so that one run of a
 * pair goes on at a time, on whatever machine: the embedded store's file lock, across the fleet), and runs each
 * transaction: the work and its commit, or a rollback and a {@link StateException} saying what could not be done.
 * <p>
 * When the server went away (a restart, a failover: SQL states {@code 08…} and {@code 57P0…}), the transaction was
 * rolled back by the server; the session reconnects, takes the lock again and repeats it, for up to
 * {@link #RETRY_PROPERTY} seconds. Every transaction of the stores is idempotent (inserts are upserts, deletes by
 * key), so one whose commit reached the server before the connection broke is harmless to repeat.
 * Not thread-safe: its stores call it under their own lock.
 */
final class PgSession implements AutoCloseable {
    /** Seconds a transaction is retried while the server is unreachable; below WatchedStore's 120 s deadline. */
    static final String RETRY_PROPERTY = "mailmigrator.store.reconnect.seconds";
    /** How long an open waits for the lock of a run that has just ended. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(5);

    /** Work on the connection; its SQL failures become the transaction's failure. */
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource ds;
    private final String shown;
    private final String lockName;
    private final Duration retry;
    private Connection db;

    private PgSession(DataSource ds, String shown, String lockName) {
        this.ds = ds;
        this.shown = shown;
        this.lockName = lockName;
        this.retry = Duration.ofSeconds(Long.getLong(RETRY_PROPERTY, 90));
    }

    /**
     * Connects and takes the lock {@code lockName}; a lock held elsewhere is an error naming the pair. A null
     * {@code lockName}: a connection without a pair lock (the batch store's, {@link PgConnection}).
     */
    static PgSession open(DataSource ds, String shown, String lockName) throws StateException {
        PgSession s = new PgSession(ds, shown, lockName);
        try {
            s.connect();
        } catch (SQLException e) {
            throw new StateException("cannot open the state of " + lockName + " in " + shown + ": " + e.getMessage(), e);
        }
        return s;
    }

    private void connect() throws SQLException {
        Connection c = ds.getConnection();
        try {
            c.setAutoCommit(true);
            // a run that just ended (or was killed) may hold the lock for a moment longer: its server process ends
            // after the connection closed; wait a little for that before calling the pair busy
            long until = System.nanoTime() + LOCK_WAIT.toNanos();
            while (lockName != null && !tryLock(c)) {
                if (System.nanoTime() > until) {
                    throw new SQLException("the state of " + lockName + " is in use by another run (is another run "
                            + "of this account pair still going, on this machine or another?)", "55P03");
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while waiting for the lock of " + lockName, "57014", e);
                }
            }
            c.setAutoCommit(false);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        db = c;
    }

    private boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(hashtextextended(?, 0))")) {
            ps.setString(1, lockName);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Runs {@code work} as one transaction, reconnecting and repeating it while the server is away. */
    <T> T tx(String what, Work<T> work) throws StateException {
        long deadline = System.nanoTime() + retry.toNanos();
        long pause = 100;
        while (true) {
            try {
                if (db == null) {
                    connect();
                }
                T result = work.run(db);
                db.commit();
                return result;
            } catch (SQLException e) {
                rollback();
                if (!lost(e) || System.nanoTime() > deadline) {
                    throw new StateException("state store " + shown + ": cannot " + what + ": " + e.getMessage()
                            + (lost(e) ? " (the server did not come back within " + retry.toSeconds() + " s)" : ""), e);
                }
                drop();
                try {
                    Thread.sleep(pause); // a backoff between reconnections, not a wait for a condition
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new StateException("interrupted while reconnecting to the store " + shown, ie);
                }
                pause = Math.min(pause * 2, 2000);
            }
        }
    }

    /** The connection broke or the server is not accepting connections (restarting, shutting down). */
    private static boolean lost(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    private void rollback() {
        if (db != null) {
            try {
                db.rollback();
            } catch (SQLException ignored) {
                // the original failure is the one to report
            }
        }
    }

    private void drop() {
        if (db != null) {
            try {
                db.close();
            } catch (SQLException ignored) {
                // a broken connection: nothing more to close
            }
            db = null;
        }
    }

    /**
     * Releases the pair's lock, then closes the connection. The release is explicit: the server would release it
     * only when its process for this connection has ended, a moment after the close, and a run of the same pair
     * started right after would find it still held.
     */
    @Override
    public void close() {
        if (db != null && lockName != null) {
            try {
                db.rollback();
                db.setAutoCommit(true);
                try (PreparedStatement ps = db.prepareStatement("select pg_advisory_unlock(hashtextextended(?, 0))")) {
                    ps.setString(1, lockName);
                    ps.execute();
                }
            } catch (SQLException ignored) {
                // a broken connection: the server releases the lock as it ends the session
            }
        }
        drop();
    }
}
