package org.mailmigrator.batch.internal;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

import org.mailmigrator.core.internal.pg.PgConnection;
import org.mailmigrator.core.limits.TransferBudget;
import org.mailmigrator.core.state.DatabaseStore;
import org.mailmigrator.core.state.StateException;

/**
 * The daily transfer budgets counted in the shared database ({@code transfer_budget}: per account and direction, the
 * window's start and the bytes used), so that the rows of every process and machine add up against one provider
 * limit (Gmail's 2,500 MB down a day). A charge locks the accounts' rows ({@code SELECT … FOR UPDATE}, in sorted
 * order: two charges never deadlock) and writes them back in the same transaction; each transaction is repeated on a
 * new connection while the server is away (core's {@link PgConnection}). Connects, and brings the batch store's
 * tables up to date, on first use: a pass whose accounts have no limit never does. Close it after the pass.
 */
final class PgBudgetCounts implements TransferBudget.Counts, AutoCloseable {
    private final DatabaseStore store;
    private PgConnection db;

    PgBudgetCounts(DatabaseStore store) {
        this.store = store;
    }

    @Override
    public synchronized Properties update(List<String> prefixes, Consumer<Properties> change) {
        List<String> keys = prefixes.stream().sorted().distinct().toList();
        try {
            if (db == null) {
                store.database().migrate(PgBatchSchema.HISTORY, PgBatchSchema.VERSIONS);
                db = store.database().connection("transfer budget");
            }
            return db.tx(change == null ? "read the daily transfer budget" : "count bytes against the daily transfer budget",
                    c -> change == null ? read(c, keys, false) : charge(c, keys, change));
        } catch (StateException e) {
            throw new UncheckedIOException("the daily transfer budget in " + store + " cannot be used: " + e.getMessage(),
                    new java.io.IOException(e));
        }
    }

    private static Properties charge(Connection c, List<String> keys, Consumer<Properties> change) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into transfer_budget(k, window_start, bytes) values (?, 0, 0) on conflict (k) do nothing")) {
            for (String k : keys) {
                ps.setString(1, k);
                ps.executeUpdate();
            }
        }
        Properties p = read(c, keys, true);
        change.accept(p);
        try (PreparedStatement ps = c.prepareStatement("update transfer_budget set window_start = ?, bytes = ? where k = ?")) {
            for (String k : keys) {
                ps.setLong(1, Long.parseLong(p.getProperty(k + ".start", "0")));
                ps.setLong(2, Long.parseLong(p.getProperty(k + ".bytes", "0")));
                ps.setString(3, k);
                ps.executeUpdate();
            }
        }
        return p;
    }

    private static Properties read(Connection c, List<String> keys, boolean lock) throws SQLException {
        Properties p = new Properties();
        try (PreparedStatement ps = c.prepareStatement("select k, window_start, bytes from transfer_budget where k = any(?) "
                + "order by k" + (lock ? " for update" : ""))) {
            ps.setArray(1, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(2) > 0) {
                        p.setProperty(rs.getString(1) + ".start", Long.toString(rs.getLong(2)));
                        p.setProperty(rs.getString(1) + ".bytes", Long.toString(rs.getLong(3)));
                    }
                }
            }
        }
        return p;
    }

    @Override
    public synchronized void close() {
        if (db != null) {
            db.close();
            db = null;
        }
    }
}
