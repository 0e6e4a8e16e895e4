package org.mailmigrator.batch.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.batch.store.RowClaims;

/**
 * The row claims of {@link PgBatchStore}: leases in {@code batch_claim}, timed by the database's clock, renewed by the
 * store's heartbeat. A batch's concurrency holds over every process: a claim of a batch's row takes the batch's
 * transaction advisory lock ({@code mm-batch:NAME}, as the host leases take {@code mm-host:HOST}), then counts the
 * batch's live claims in a statement of its own (read committed: it sees every claim committed before the lock was
 * had) and is refused when they fill the batch's concurrency. A dead process's claims count until their lease ran
 * out, then neither they nor its rows are held any more.
 * <p>
 * Workers take their rows from db-scheduler's queue ({@link DbSchedulerQueue}), then claim them here like any job.
 * A claim refused because the batch was full is not asked of the database again for {@link #FULL_MILLIS} (this
 * process's own release of a row of that batch asks again at once): jobs waiting for a full batch cost one query a
 * batch and second, not one a row.
 * <p>
 * <b>A database restart</b> stops every renewal while the server is away; a claim that ran out meanwhile is not given
 * to another process the moment the server is back: a claim counts as live until the later of its expiry and one
 * lease (plus {@link #RESTART_SLACK_MILLIS}) after the server's start ({@code pg_postmaster_start_time()}), so that
 * the holder, whose pass waited and goes on, renews it first. Rows are taken over only from processes that did not
 * come back (as after a crash: one lease later).
 */
final class PgRowClaims implements RowClaims {
    /** How long a batch found full is taken as full without asking the database again. */
    static final long FULL_MILLIS = 900;
    /**
     * Beyond the lease, how long after the database's start every claim still counts as live: a holder reconnects
     * within 2 s of the server's return (core's {@code PgSession}) and renews its claims at its next beat.
     */
    static final long RESTART_SLACK_MILLIS = 5000;

    private final PgBatchStore store;
    private final String worker;
    private final Duration lease;
    /** SQL: the claim of {@code batch_claim}'s row is live (run out neither by its expiry nor since the server started). */
    private final String live;
    /** Batches found full, with when (System.nanoTime). */
    private final Map<String, Long> full = new ConcurrentHashMap<>();
    /** The rows this process claimed and did not give back (their claims are renewed whatever the batch's count). */
    private final Set<Row> mine = ConcurrentHashMap.newKeySet();

    PgRowClaims(PgBatchStore store, String worker, Duration lease) {
        this.store = store;
        this.worker = worker;
        this.lease = lease;
        this.live = "greatest(expires, pg_postmaster_start_time() + interval '" + (lease.toMillis() + RESTART_SLACK_MILLIS)
                + " milliseconds') >= now()";
    }

    @Override
    public boolean claim(String batch, String migrationId) throws BatchStoreException {
        Long since = full.get(batch);
        if (since != null && System.nanoTime() - since < FULL_MILLIS * 1_000_000
                && !mine.contains(new Row(batch, migrationId))) {
            return false;
        }
        Verdict v = store.tx("claim " + batch + "/" + migrationId, c -> {
            lockBatch(c, batch);
            Optional<String> holder = liveHolder(c, batch, migrationId);
            if (holder.isPresent()) {
                return holder.get().equals(worker) && upsert(c, batch, migrationId) ? Verdict.TAKEN : Verdict.HELD;
            }
            if (fullWithout(c, batch, migrationId)) {
                return Verdict.FULL;
            }
            return upsert(c, batch, migrationId) ? Verdict.TAKEN : Verdict.HELD;
        });
        if (v == Verdict.FULL) {
            full.put(batch, System.nanoTime());
        } else if (v == Verdict.TAKEN) {
            mine.add(new Row(batch, migrationId));
            store.held(); // a pause or stop asked of this process for the row is heard from now on, and read now
        }
        return v == Verdict.TAKEN;
    }

    private enum Verdict {
        TAKEN, HELD, FULL
    }

    /** The batch's claims are counted by one transaction at a time, over every process. */
    static void lockBatch(Connection c, String batch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            ps.setString(1, "mm-batch:" + batch);
            ps.executeQuery().close();
        }
    }

    /** The live holder of a row's claim, if any. */
    private Optional<String> liveHolder(Connection c, String batch, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select worker from batch_claim where batch = ? and migration = ? and " + live)) {
            ps.setString(1, batch);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * Whether the batch's other rows' live claims (every process's) fill its concurrency; a batch that is not there
     * (purged meanwhile) has no limit: its job finds its row gone.
     */
    private boolean fullWithout(Connection c, String batch, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select b.concurrency, (select count(*) from batch_claim "
                + "where batch = b.name and migration <> ? and " + live + ") from batch b where b.name = ?")) {
            ps.setString(1, id);
            ps.setString(2, batch);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(2) >= rs.getInt(1);
            }
        }
    }

    /** Takes the row (a claim of its own renewed, an expired one taken over); false when a live process holds it. */
    private boolean upsert(Connection c, String batch, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into batch_claim(batch, migration, worker, expires) "
                + "values (?, ?, ?, now() + ? * interval '1 millisecond') on conflict (batch, migration) do update "
                + "set worker = excluded.worker, expires = excluded.expires "
                + "where not " + live.replace("expires", "batch_claim.expires") + " or batch_claim.worker = excluded.worker")) {
            ps.setString(1, batch);
            ps.setString(2, id);
            ps.setString(3, worker);
            ps.setLong(4, lease.toMillis());
            return ps.executeUpdate() == 1;
        }
    }

    @Override
    public void release(String batch, String migrationId) throws BatchStoreException {
        full.remove(batch); // a place of the batch is free now: this process's waiting jobs may ask at once
        mine.remove(new Row(batch, migrationId));
        store.tx("release " + batch + "/" + migrationId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "delete from batch_claim where batch = ? and migration = ? and worker = ?");
                    PreparedStatement done = c.prepareStatement("delete from batch_request r where r.batch = ? and "
                            + "r.migration = ? and exists (select 1 from migration m where m.batch = r.batch and "
                            + "m.id = r.migration and m.status in ('PAUSED', 'STOPPED', 'SYNCED', "
                            + "'SYNCED_WITH_ERRORS', 'COMPLETED', 'FAILED'))")) {
                ps.setString(1, batch);
                ps.setString(2, migrationId);
                ps.setString(3, worker);
                done.setString(1, batch);
                done.setString(2, migrationId);
                done.executeUpdate(); // acted on (a row cut by its process's end keeps it for the next holder)
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Map<String, Holder> holders(String batch) throws BatchStoreException {
        return store.tx("read the claims of " + batch, c -> {
            Map<String, Holder> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select migration, worker, expires from batch_claim where batch = ? and " + live)) {
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

    /** The heartbeat: this process's claims live another lease. */
    void renew() throws BatchStoreException {
        store.tx("renew the claims of " + worker, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update batch_claim set expires = now() + ? * interval '1 millisecond' where worker = ?")) {
                ps.setLong(1, lease.toMillis());
                ps.setString(2, worker);
                return ps.executeUpdate();
            }
        });
    }

    /** Gives back every claim of this process (closing the store), or of a purged batch ({@code batch} not null). */
    void releaseAll(String batch) throws BatchStoreException {
        mine.removeIf(r -> batch == null || r.batch().equals(batch));
        store.tx(batch == null ? "release the claims of " + worker : "release the claims of " + batch, c -> {
            try (PreparedStatement ps = c.prepareStatement(batch == null ? "delete from batch_claim where worker = ?"
                    : "delete from batch_claim where batch = ?")) {
                ps.setString(1, batch == null ? worker : batch);
                return ps.executeUpdate();
            }
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
}
