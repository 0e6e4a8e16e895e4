package org.mailmigrator.batch.internal;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.batch.store.RowClaims;
import org.mailmigrator.batch.store.RowRecords;
import org.mailmigrator.batch.store.RunNotices;
import org.mailmigrator.core.internal.pg.PgConnection;
import org.mailmigrator.core.state.DatabaseStore;
import org.mailmigrator.core.state.StateException;

/**
 * {@link BatchStore} in a PostgreSQL database many processes share ({@code --store URL}, docs/postgresql.md): the
 * tables of {@link PgBatchSchema}, one connection under this object's lock, each transaction repeated on a new
 * connection while the server is away (core's {@link PgConnection}). The row claims are leases in
 * {@code batch_claim} ({@link PgRowClaims}: a batch's concurrency counted over every process), timed by the
 * database's clock: a claim lasts {@link #LEASE_PROPERTY} seconds (default 30) and a heartbeat renews this process's
 * claims every third of that; a process that died stops renewing, and its rows can be claimed by another (and count
 * no more against its batch's concurrency) once the lease ran out. Closing releases this process's claims. The rows'
 * pass histories ({@link PgRowRecords}) and the batches' run notices ({@link PgRunNotices}) are kept here too.
 */
public final class PgBatchStore extends SqlBatchStore {
    /** Seconds a claim lives without renewal: how long the rows of a dead process wait before another takes them. */
    public static final String LEASE_PROPERTY = "mailmigrator.claim.seconds";
    private final PgConnection db;
    private final DatabaseStore store;
    private final String shown;
    private final PgRowClaims claims;
    private final PgRowRequests requests;
    private final ScheduledExecutorService heartbeat;
    private final PgRowRecords records = new PgRowRecords(this);
    private final PgRunNotices notices;
    /** Made on first use: processes that never queue or take row passes do not load db-scheduler. */
    private DbSchedulerQueue queue;

    private PgBatchStore(PgConnection db, DatabaseStore store, String worker, Duration lease) {
        this.db = db;
        this.store = store;
        this.shown = store.toString();
        this.claims = new PgRowClaims(this, worker, lease);
        this.notices = new PgRunNotices(this, worker);
        this.requests = new PgRowRequests(this, store.database().dataSource(), worker, lease);
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
        Map<String, RowClaims.Holder> running = claims.holders(batch);
        running.values().removeIf(h -> h.worker().equals(claims.worker()));
        if (!running.isEmpty()) {
            throw new BatchStoreException("batch " + batch + " has rows running on " + running.values().stream()
                    .map(RowClaims.Holder::worker).distinct().toList() + ": stop them there first; nothing was purged", null);
        }
        super.purge(batch);
        tx("delete the pass histories and run notice of " + batch, c -> {
            for (String sql : List.of("delete from row_record where batch = ?", "delete from batch_notice where batch = ?")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, batch);
                    ps.executeUpdate();
                }
            }
            return null;
        });
        tx("empty the workers' queue of " + batch, c -> { // db-scheduler's table (DbSchedulerQueue)
            try (PreparedStatement ps = c.prepareStatement("delete from " + DbSchedulerQueue.TABLE
                    + " where task_name = ? and task_instance like ? escape '!'")) {
                ps.setString(1, DbSchedulerQueue.TASK);
                ps.setString(2, batch.replace("!", "!!").replace("_", "!_").replace("%", "!%") + "/%");
                return ps.executeUpdate();
            }
        });
        claims.releaseAll(batch);
        tx("forget the requests of " + batch, c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from batch_request where batch = ?")) {
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

    /** Also deletes the rows' pass histories. */
    @Override
    public void removeMigrations(String batch, List<String> ids) throws BatchStoreException {
        super.removeMigrations(batch, ids);
        tx("delete the pass histories of removed rows of " + batch, c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from row_record where batch = ? and migration = ?")) {
                for (String id : ids) {
                    ps.setString(1, batch);
                    ps.setString(2, id);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** The rows' pass histories, in {@code row_record}: every machine's report shows every row's passes. */
    @Override
    public Optional<RowRecords> rowRecords() {
        return Optional.of(records);
    }

    /** A batch's run told started and finished once over every process ({@code batch_notice}). */
    @Override
    public RunNotices notices() {
        return notices;
    }

    @Override
    public RowClaims claims() {
        return claims;
    }

    @Override
    public synchronized java.util.Optional<org.mailmigrator.batch.store.FleetQueue> fleet() {
        if (queue == null) {
            queue = new DbSchedulerQueue(store.database().dataSource());
        }
        return java.util.Optional.of(queue);
    }

    @Override
    public java.util.Optional<org.mailmigrator.batch.store.RowRequests> requests() {
        return java.util.Optional.of(requests);
    }

    /** This process holds a row now: it hears the requests from now on, and reads those already there. */
    void held() {
        requests.startListening();
        try {
            requests.dispatch();
        } catch (BatchStoreException e) {
            // read again at the next renewal
        }
    }

    /**
     * The heartbeat: this process's claims live another lease, and the pauses and stops asked of its rows are read
     * (those whose notification was missed). A failure waits for the next beat.
     */
    private void renew() {
        try {
            claims.renew();
            requests.dispatch();
        } catch (BatchStoreException | RuntimeException e) {
            // the server is away longer than the reconnection window: the next beat tries again; a lease that
            // ran out meanwhile may be taken over, and the account pair's own lock keeps two runs of it apart
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        requests.close();
        try {
            claims.releaseAll(null);
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
