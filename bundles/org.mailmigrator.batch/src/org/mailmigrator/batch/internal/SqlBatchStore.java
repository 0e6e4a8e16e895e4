package org.mailmigrator.batch.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.core.engine.SkippedItem;
import org.mailmigrator.core.model.Migration;

/**
 * The SQL of a {@link BatchStore}, the same on the embedded H2 file ({@link H2BatchStore}) and on PostgreSQL
 * ({@link PgBatchStore}): the tables have the same names and columns in both (created by {@link MigrationRows#SCHEMA}
 * in H2, by the Flyway versions of {@link PgBatchSchema} in PostgreSQL). A subclass runs each method's work as one
 * transaction ({@link #tx}) and says how a sealed credential is replaced ({@link #upsertSecret}).
 */
abstract class SqlBatchStore implements BatchStore {
    private final Map<String, Object> credentialLocks = new java.util.concurrent.ConcurrentHashMap<>();

    /** The work of one transaction on the store's connection. */
    interface Tx<T> {
        T run(Connection db) throws SQLException;
    }

    /** Runs {@code body} as one transaction; {@code what} names it in the failure's message. */
    abstract <T> T tx(String what, Tx<T> body) throws BatchStoreException;

    /** Inserts or replaces a sealed credential: parameters key, batch, sealed bytes. */
    abstract String upsertSecret();

    @Override
    public void create(BatchSpec b, Map<String, byte[]> sealed) throws BatchStoreException {
        tx("store batch " + b.name(), db -> {
            if (exists(db, b.name())) {
                throw new SQLException("a batch named '" + b.name() + "' exists (choose --name, or purge it)");
            }
            try (PreparedStatement ps = db.prepareStatement(
                    "insert into batch(name, concurrency, per_host, notify, schedule, created) values (?,?,?,?,?,?)")) {
                ps.setString(1, b.name());
                ps.setInt(2, b.concurrency());
                ps.setInt(3, b.perHostLimit());
                ps.setString(4, b.notificationAddress().orElse(null));
                ps.setObject(5, b.schedule().map(Instant::toEpochMilli).orElse(null));
                ps.setLong(6, b.created().toEpochMilli());
                ps.executeUpdate();
            }
            MigrationRows.insert(db, b);
            insertSecrets(db, b.name(), sealed);
            return null;
        });
    }

    @Override
    public void addMigration(String batch, Migration m, Map<String, byte[]> sealed) throws BatchStoreException {
        tx("add " + m.id() + " to " + batch, db -> {
            if (!exists(db, batch)) {
                throw new SQLException("no batch named '" + batch + "'");
            }
            int next;
            try (PreparedStatement ps = db.prepareStatement("select coalesce(max(idx) + 1, 0), "
                    + "count(case when id = ? then 1 end) from migration where batch = ?")) {
                ps.setString(1, m.id());
                ps.setString(2, batch);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(2) > 0) {
                        throw new SQLException("batch '" + batch + "' already has a migration " + m.id());
                    }
                    next = rs.getInt(1);
                }
            }
            // the row's creation time is now: its Queued status starts when it was added
            MigrationRows.insert(db, new BatchSpec(batch, List.of(m), 1, 1, Optional.empty(), Optional.empty(),
                    Instant.now()), next);
            insertSecrets(db, batch, sealed);
            return null;
        });
    }

    @Override
    public void removeMigrations(String batch, List<String> ids) throws BatchStoreException {
        tx("remove migrations of " + batch, db -> {
            for (String id : ids) {
                // credential keys of a row are "batch/id/source", "batch/id/destination", "batch/id/calendar"...
                execute(db, "delete from secret where batch = ? and left(k, ?) = ?", batch, (batch + "/" + id + "/").length(),
                        batch + "/" + id + "/");
                execute(db, "delete from skipped where batch = ? and migration = ?", batch, id);
                execute(db, "delete from migration where batch = ? and id = ?", batch, id);
            }
            return null;
        });
    }

    private static void execute(Connection db, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    private static void insertSecrets(Connection db, String batch, Map<String, byte[]> sealed) throws SQLException {
        writeSecrets(db, "insert into secret(k, batch, data) values (?,?,?)", batch, sealed);
    }

    /** Writes sealed credentials with {@code sql} (insert: new keys only; merge: replace). */
    private static void writeSecrets(Connection db, String sql, String batch, Map<String, byte[]> sealed) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (var e : sealed.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setString(2, batch);
                ps.setBytes(3, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public void updateMigration(String batch, Migration m, Map<String, byte[]> sealed) throws BatchStoreException {
        tx("update migration " + m.id() + " of " + batch, db -> {
            if (MigrationRows.update(db, batch, m) != 1) {
                throw new SQLException("batch '" + batch + "' has no migration '" + m.id() + "'");
            }
            writeSecrets(db, upsertSecret(), batch, sealed);
            return null;
        });
    }

    private static boolean exists(Connection db, String name) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("select 1 from batch where name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public List<String> names() throws BatchStoreException {
        return tx("list batches", db -> {
            List<String> out = new ArrayList<>();
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select name from batch order by name")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    @Override
    public Optional<BatchSpec> batch(String name) throws BatchStoreException {
        return tx("read batch " + name, db -> {
            try (PreparedStatement ps = db.prepareStatement(
                    "select concurrency, per_host, notify, schedule, created from batch where name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Long schedule = (Long) rs.getObject(4);
                    return Optional.of(new BatchSpec(name, MigrationRows.read(db, name), rs.getInt(1), rs.getInt(2),
                            Optional.ofNullable(rs.getString(3)),
                            Optional.ofNullable(schedule).map(Instant::ofEpochMilli), Instant.ofEpochMilli(rs.getLong(5)),
                            PimRows.read(db, name)));
                }
            }
        });
    }

    @Override
    public void updateLimits(String name, int concurrency, int perHost) throws BatchStoreException {
        update("update limits of " + name, "update batch set concurrency = ?, per_host = ? where name = ?",
                concurrency, perHost, name);
    }

    @Override
    public List<MigrationState> states(String batch) throws BatchStoreException {
        return tx("read states of " + batch, db -> MigrationRows.states(db, batch));
    }

    @Override
    public void saveState(String batch, MigrationState s) throws BatchStoreException {
        tx("save state of " + s.migrationId(), db -> MigrationRows.saveState(db, batch, s));
    }

    @Override
    public void saveTimes(String batch, Times t) throws BatchStoreException {
        update("save times of " + batch, "update batch set started = ?, finished = ? where name = ?",
                t.started().map(Instant::toEpochMilli).orElse(null), t.finished().map(Instant::toEpochMilli).orElse(null),
                batch);
    }

    @Override
    public Times times(String batch) throws BatchStoreException {
        return tx("read times of " + batch, db -> {
            try (PreparedStatement ps = db.prepareStatement("select started, finished from batch where name = ?")) {
                ps.setString(1, batch);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new Times(Optional.empty(), Optional.empty());
                    }
                    return new Times(Optional.ofNullable((Long) rs.getObject(1)).map(Instant::ofEpochMilli),
                            Optional.ofNullable((Long) rs.getObject(2)).map(Instant::ofEpochMilli));
                }
            }
        });
    }

    @Override
    public void saveSkipped(String batch, String id, List<SkippedItem> items) throws BatchStoreException {
        tx("save skipped items of " + id, db -> {
            MigrationRows.replaceSkipped(db, batch, id, items);
            return null;
        });
    }

    @Override
    public List<SkippedItem> skipped(String batch, String id) throws BatchStoreException {
        return tx("read skipped items of " + id, db -> MigrationRows.skipped(db, batch, id));
    }

    @Override
    public void savePimSummary(String batch, String id, String summary) throws BatchStoreException {
        update("save calendar/contacts summary of " + id, "update migration set pim_summary = ? where batch = ? and id = ?",
                summary, batch, id);
    }

    @Override
    public Map<String, String> pimSummaries(String batch) throws BatchStoreException {
        return tx("read calendar/contacts summaries of " + batch, db -> PimRows.summaries(db, batch));
    }

    @Override
    public Optional<byte[]> sealedCredential(String key) throws BatchStoreException {
        return tx("read credential " + key, db -> {
            try (PreparedStatement ps = db.prepareStatement("select data from secret where k = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void replaceCredential(String key, byte[] sealed) throws BatchStoreException {
        tx("replace credential " + key, db -> {
            try (PreparedStatement ps = db.prepareStatement("update secret set data = ? where k = ?")) {
                ps.setBytes(1, sealed);
                ps.setString(2, key);
                if (ps.executeUpdate() != 1) {
                    throw new SQLException("no stored credential " + key + " (was the row removed?)");
                }
            }
            return null;
        });
    }

    @Override
    public Object credentialLock(String key) {
        return credentialLocks.computeIfAbsent(key, k -> new Object());
    }

    @Override
    public void purge(String batch) throws BatchStoreException {
        tx("purge " + batch, db -> {
            for (String table : List.of("secret", "skipped", "migration")) {
                try (PreparedStatement ps = db.prepareStatement("delete from " + table + " where batch = ?")) {
                    ps.setString(1, batch);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = db.prepareStatement("delete from batch where name = ?")) {
                ps.setString(1, batch);
                ps.executeUpdate();
            }
            return null;
        });
        // the deleted rows may linger in free pages (H2's file, PostgreSQL's until vacuumed); the passwords in
        // them were sealed, and the key file does not leave the administrator's hands
    }

    private void update(String what, String sql, Object... args) throws BatchStoreException {
        tx(what, db -> {
            execute(db, sql, args);
            return null;
        });
    }

}
