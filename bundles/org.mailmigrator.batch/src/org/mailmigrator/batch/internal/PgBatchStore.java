package org.mailmigrator.batch.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.batch.store.RowClaims;
import org.mailmigrator.core.internal.pg.PgConnection;
import org.mailmigrator.core.state.DatabaseStore;
import org.mailmigrator.core.state.StateException;

/**
 * {@link BatchStore} in a PostgreSQL database many processes share ({@code --store URL}, docs/postgresql.md): the
 * tables of {@link PgBatchSchema}, one connection under this object's lock, each transaction repeated on a new
 * connection while the server is away (core's {@link PgConnection}). The row claims are leases in
 * {@code batch_claim}, timed by the database's clock: a claim lasts {@link #LEASE_PROPERTY} seconds (default 30) and
 * a heartbeat renews this process's claims every third of that; a process that died stops renewing, and its rows can
 * be claimed by another once the lease ran out. Closing releases this process's claims.
 */
public final class PgBatchStore extends SqlBatchStore implements RowClaims {
    /** Seconds a claim lives without renewal: how long the rows of a dead process wait before another takes them. */
    public static final String LEASE_PROPERTY = "mailmigrator.claim.seconds";
    private final PgConnection db;
    private final DatabaseStore store;
    private final String shown;
    private final String worker;
    private final Duration lease;
    private final ScheduledExecutorService heartbeat;
    /** Made on first use: processes that never queue or take row passes do not load db-scheduler. */
    private DbSchedulerQueue queue;

    private PgBatchStore(PgConnection db, DatabaseStore store, String worker, Duration lease) {
        this.db = db;
        this.store = store;
        this.shown = store.toString();
        this.worker = worker;
        this.lease = lease;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mailmigrator-claims " + shown);
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(200, lease.toMillis() / 3);
        heartbeat.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    /** Opens the batch store in {@code store}'s database, creating or migrating its tables first. */
    public static PgBatchStore open(DatabaseStore store) throws BatchStoreException {
        try {
            store.database().migrate(PgBatchSchema.HISTORY, PgBatchSchema.VERSIONS);
            return new PgBatchStore(store.database().connection("batch store"), store, ProcessName.of(),
                    Duration.ofSeconds(Long.getLong(LEASE_PROPERTY, 30)));
        } catch (StateException e) {
            throw new BatchStoreException("cannot open the batch store in " + store + ": " + e.getMessage(), e);
        }
    }

    @Override
    synchronized <T> T tx(String what, Tx<T> body) throws BatchStoreException {
        try {
            return db.tx(what, body::run);
        } catch (StateException e) {
            throw new BatchStoreException(e.getMessage(), e);
        }
    }

    @Override
    String upsertSecret() {
        return "insert into secret(k, batch, data) values (?,?,?) on conflict (k) do update set batch = excluded.batch, "
                + "data = excluded.data";
    }

    /**
     * The GDPR delete in the database: the batch's rows, sealed passwords and claims, then its rows' engine state
     * ({@code batch/NAME/…}). Refused while another process runs one of its rows.
     */
    @Override
    public void purge(String batch) throws BatchStoreException {
        Map<String, Holder> running = holders(batch);
        running.values().removeIf(h -> h.worker().equals(worker));
        if (!running.isEmpty()) {
            throw new BatchStoreException("batch " + batch + " has rows running on " + running.values().stream()
                    .map(Holder::worker).distinct().toList() + ": stop them there first; nothing was purged", null);
        }
        super.purge(batch);
        tx("empty the workers' queue of " + batch, c -> { // db-scheduler's table (DbSchedulerQueue)
            try (PreparedStatement ps = c.prepareStatement("delete from " + DbSchedulerQueue.TABLE
                    + " where task_name = ? and task_instance like ? escape '!'")) {
                ps.setString(1, DbSchedulerQueue.TASK);
                ps.setString(2, batch.replace("!", "!!").replace("_", "!_").replace("%", "!%") + "/%");
                return ps.executeUpdate();
            }
        });
        tx("release the claims of " + batch, c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from batch_claim where batch = ?")) {
                ps.setString(1, batch);
                return ps.executeUpdate();
            }
        });
        try {
            store.database().purge("batch/" + batch + "/");
        } catch (StateException e) {
            throw new BatchStoreException("batch " + batch + " was purged but not its engine state: " + e.getMessage(), e);
        }
    }

    @Override
    public RowClaims claims() {
        return this;
    }

    @Override
    public synchronized java.util.Optional<org.mailmigrator.batch.store.FleetQueue> fleet() {
        if (queue == null) {
            queue = new DbSchedulerQueue(store.database().dataSource());
        }
        return java.util.Optional.of(queue);
    }

    @Override
    public boolean claim(String batch, String migrationId) throws BatchStoreException {
        return tx("claim " + batch + "/" + migrationId, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into batch_claim(batch, migration, worker, expires) "
                    + "values (?, ?, ?, now() + ? * interval '1 millisecond') on conflict (batch, migration) do update "
                    + "set worker = excluded.worker, expires = excluded.expires "
                    + "where batch_claim.expires < now() or batch_claim.worker = excluded.worker")) {
                ps.setString(1, batch);
                ps.setString(2, migrationId);
                ps.setString(3, worker);
                ps.setLong(4, lease.toMillis());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void release(String batch, String migrationId) throws BatchStoreException {
        tx("release " + batch + "/" + migrationId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "delete from batch_claim where batch = ? and migration = ? and worker = ?")) {
                ps.setString(1, batch);
                ps.setString(2, migrationId);
                ps.setString(3, worker);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Map<String, Holder> holders(String batch) throws BatchStoreException {
        return tx("read the claims of " + batch, c -> {
            Map<String, Holder> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select migration, worker, expires from batch_claim where batch = ? and expires >= now()")) {
                ps.setString(1, batch);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new Holder(rs.getString(2), rs.getTimestamp(3).toInstant()));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public String worker() {
        return worker;
    }

    @Override
    public boolean shared() {
        return true;
    }

    /** The heartbeat: this process's claims live another lease. A failure waits for the next beat. */
    private void renew() {
        try {
            tx("renew the claims of " + worker, c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "update batch_claim set expires = now() + ? * interval '1 millisecond' where worker = ?")) {
                    ps.setLong(1, lease.toMillis());
                    ps.setString(2, worker);
                    return ps.executeUpdate();
                }
            });
        } catch (BatchStoreException | RuntimeException e) {
            // the server is away longer than the reconnection window: the next beat tries again; a lease that
            // ran out meanwhile may be taken over, and the account pair's own lock keeps two runs of it apart
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            tx("release the claims of " + worker, c -> {
                try (PreparedStatement ps = c.prepareStatement("delete from batch_claim where worker = ?")) {
                    ps.setString(1, worker);
                    return ps.executeUpdate();
                }
            });
        } catch (BatchStoreException e) {
            // unreachable database: the leases run out by themselves
        }
        synchronized (this) {
            db.close();
        }
    }

    @Override
    public String toString() {
        return shown;
    }
}
