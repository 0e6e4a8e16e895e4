package org.mailmigrator.batch.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * The workers' queue's data source, watched: db-scheduler asks it for a connection at every poll and heartbeat, so the
 * first refused connection tells that the database went away, and the first one granted after it that it is back.
 * Each is said once, in one line ({@code log}), instead of a stack trace per poll: an administrator sees when the
 * database was away and for how long. Connections are the delegate's.
 */
final class OutageWatch implements DataSource {
    private final DataSource ds;
    private final Consumer<String> log;
    private long downSince = -1;

    OutageWatch(DataSource ds, Consumer<String> log) {
        this.ds = ds;
        this.log = log;
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            return watch(ds.getConnection());
        } catch (SQLException e) {
            failed(e);
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        try {
            return watch(ds.getConnection(username, password));
        } catch (SQLException e) {
            failed(e);
            throw e;
        }
    }

    private Connection watch(Connection c) {
        boolean wasDown;
        long since;
        synchronized (this) {
            wasDown = downSince >= 0;
            since = downSince;
            downSince = -1;
        }
        if (wasDown) {
            log.accept("database reachable again after " + Duration.ofNanos(System.nanoTime() - since).toSeconds()
                    + " s: the rows go on");
        }
        return c;
    }

    /** A connection refused: the first one of an outage is said. */
    private void failed(SQLException e) {
        synchronized (this) {
            if (downSince >= 0) {
                return;
            }
            downSince = System.nanoTime();
        }
        log.accept("database unreachable (" + e.getMessage() + "): the running rows wait for it and go on when it is "
                + "back (for up to " + Long.getLong("mailmigrator.store.reconnect.seconds", 90) + " s)");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return ds.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        ds.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        ds.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return ds.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return ds.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return ds.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return ds.isWrapperFor(iface);
    }
}
