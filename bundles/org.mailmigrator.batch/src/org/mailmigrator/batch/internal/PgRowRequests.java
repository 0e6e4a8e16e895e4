package org.mailmigrator.batch.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.batch.store.RowRequests;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * {@link RowRequests} in {@code batch_request} ({@link PgBatchSchema} version 3: batch, row, action, who asked, when,
 * and the process that held the row then). An {@link #ask} is one transaction under the batch's advisory lock (the
 * one every claim of the batch takes, {@link PgRowClaims}), so no claim slips between reading who holds a row and
 * setting it: a row a live process holds gets a request, announced with {@code NOTIFY mm_fleet} ("request BATCH");
 * a row nobody holds is set Paused or Stopped at once and its unpicked queue entry deleted. A worker that picked the
 * row's entry but has no claim yet gets a request too (addressed to nobody, honoured only for one lease): the job it
 * is starting stops as soon as it holds the row. The holding process hears the notification on a connection of its
 * own (opened once it claims its first row), reads the requests of the rows it holds and hands them to its handlers;
 * it reads them again at each renewal of its claims and when it claims a row. The request is deleted with the claim
 * ({@link PgRowClaims#release}).
 */
final class PgRowRequests implements RowRequests {
    private static final String CHANNEL = "mm_fleet"; // the fleet's channel (core's PgSharedLimits): ignores "request"
    private final PgBatchStore store;
    private final DataSource ds;
    private final String worker;
    private final Duration lease;
    private final List<Handler> handlers = new CopyOnWriteArrayList<>();
    private Thread listening;
    private volatile boolean closed;

    PgRowRequests(PgBatchStore store, DataSource ds, String worker, Duration lease) {
        this.store = store;
        this.ds = ds;
        this.worker = worker;
        this.lease = lease;
    }

    @Override
    public Outcome ask(String batch, Collection<String> ids, MigrationStatus endIn) throws BatchStoreException {
        if (endIn != MigrationStatus.PAUSED && endIn != MigrationStatus.STOPPED) {
            throw new IllegalArgumentException("a row is asked to pause or stop, not " + endIn);
        }
        return store.tx("ask to " + (endIn == MigrationStatus.PAUSED ? "pause " : "stop ") + batch, c -> {
            PgRowClaims.lockBatch(c, batch);
            Map<String, String> holders = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select migration, worker from batch_claim where batch = ? and expires >= now()")) {
                ps.setString(1, batch);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        holders.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            Map<String, String> asked = new LinkedHashMap<>();
            List<String> set = new ArrayList<>();
            List<String> left = new ArrayList<>();
            Instant now = Instant.now();
            for (MigrationState s : MigrationRows.states(c, batch)) {
                String id = s.migrationId();
                if (!ids.isEmpty() && !ids.contains(id)) {
                    continue;
                }
                String holder = holders.get(id);
                if (holder != null && !holder.equals(worker) && RowRequests.reaches(s.status(), endIn)) {
                    request(c, batch, id, endIn, holder);
                    asked.put(id, holder);
                } else if (holder == null && RowRequests.reaches(s.status(), endIn)) {
                    MigrationRows.saveState(c, batch, s.moveTo(endIn, now, Optional.empty()));
                    if (!dequeue(c, batch, id)) {
                        request(c, batch, id, endIn, null); // a worker picked its entry: it stops once it claims
                    }
                    set.add(id);
                } else {
                    left.add(id);
                }
            }
            if (!asked.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("select pg_notify('" + CHANNEL + "', ?)")) {
                    ps.setString(1, "request " + batch);
                    ps.executeQuery().close();
                }
            }
            return new Outcome(asked, set, left);
        });
    }

    private static void request(Connection c, String batch, String id, MigrationStatus endIn, String heldBy)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into batch_request(batch, migration, action, asked_by, "
                + "asked, held_by) values (?, ?, ?, ?, now(), ?) on conflict (batch, migration) do update set "
                + "action = excluded.action, asked_by = excluded.asked_by, asked = now(), held_by = excluded.held_by")) {
            ps.setString(1, batch);
            ps.setString(2, id);
            ps.setString(3, endIn.name());
            ps.setString(4, ProcessName.of());
            ps.setString(5, heldBy);
            ps.executeUpdate();
        }
    }

    /** Deletes the row's queue entry unless a worker picked it; false when one did (or still does). */
    private static boolean dequeue(Connection c, String batch, String id) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("delete from " + DbSchedulerQueue.TABLE
                + " where task_name = ? and task_instance = ? and not picked");
                PreparedStatement left = c.prepareStatement("select count(*) from " + DbSchedulerQueue.TABLE
                        + " where task_name = ? and task_instance = ?")) {
            for (PreparedStatement ps : List.of(del, left)) {
                ps.setString(1, DbSchedulerQueue.TASK);
                ps.setString(2, batch + "/" + id);
            }
            del.executeUpdate();
            try (ResultSet rs = left.executeQuery()) {
                return rs.next() && rs.getLong(1) == 0;
            }
        }
    }

    @Override
    public void clear(String batch, Collection<String> ids) throws BatchStoreException {
        store.tx("forget the requests of " + batch, c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from batch_request r where r.batch = ? "
                    + "and r.migration = any(?) and not exists (select 1 from batch_claim c where c.batch = r.batch "
                    + "and c.migration = r.migration and c.expires >= now())")) {
                ps.setString(1, batch);
                ps.setArray(2, c.createArrayOf("text", ids.toArray()));
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void listen(Handler handler) {
        handlers.add(handler);
    }

    /**
     * Hands the requests of the rows this process holds to the handlers: addressed ones whatever their age (their
     * addressee may have died, this process took the row over), unaddressed ones for one lease (older ones, of rows
     * nobody holds, are deleted here).
     */
    void dispatch() throws BatchStoreException {
        if (handlers.isEmpty()) {
            return;
        }
        List<String[]> due = store.tx("read the requests of " + worker, c -> {
            List<String[]> out = new ArrayList<>();
            try (PreparedStatement stale = c.prepareStatement("delete from batch_request r where r.held_by is null and "
                    + "r.asked < now() - ? * interval '1 millisecond' and not exists (select 1 from batch_claim c where "
                    + "c.batch = r.batch and c.migration = r.migration and c.expires >= now())")) {
                stale.setLong(1, lease.toMillis()); // for a worker that picked a row's entry and then left the row
                stale.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("select r.batch, r.migration, r.action from batch_request r "
                    + "join batch_claim c on c.batch = r.batch and c.migration = r.migration where c.worker = ? and "
                    + "(r.held_by is not null or r.asked > now() - ? * interval '1 millisecond')")) {
                ps.setString(1, worker);
                ps.setLong(2, lease.toMillis());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3) });
                    }
                }
            }
            return out;
        });
        for (String[] r : due) {
            handlers.forEach(h -> h.requested(r[0], r[1], MigrationStatus.valueOf(r[2])));
        }
    }

    /** Starts hearing the notifications, once: when this process first holds a row. */
    synchronized void startListening() {
        if (listening == null && !closed) {
            listening = new Thread(this::listenLoop, "mailmigrator-requests " + store);
            listening.setDaemon(true);
            listening.start();
        }
    }

    private void listenLoop() {
        while (!closed) {
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute("listen " + CHANNEL);
                dispatch(); // a request written while this process was not listening
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] got = pg.getNotifications(1000);
                    boolean request = false;
                    for (PGNotification n : got == null ? new PGNotification[0] : got) {
                        request |= n.getParameter().startsWith("request ");
                    }
                    if (request) {
                        dispatch();
                    }
                }
            } catch (SQLException | BatchStoreException | RuntimeException e) {
                try {
                    Thread.sleep(1000); // a backoff before reconnecting, not a wait for a condition
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = listening;
        }
        if (t != null) {
            t.interrupt();
        }
    }
}
