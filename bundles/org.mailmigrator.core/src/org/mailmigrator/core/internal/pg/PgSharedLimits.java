package org.mailmigrator.core.internal.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.mailmigrator.core.state.SharedLimits;
import org.mailmigrator.core.state.StateException;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * {@link SharedLimits} in PostgreSQL ({@link PgFleetSchema}'s tables). A reservation is one transaction: the hosts'
 * transaction advisory locks taken in sorted order (two reservations of one host never count at the same time, and
 * never deadlock), expired leases deleted, live ones summed, the new ones inserted when they fit. Leases expire
 * {@link #leaseTime} after their holder's last renewal (every third of it, on a thread of this instance), by the
 * database's clock, so machines' clocks do not matter. A pause or a release is announced with {@code NOTIFY}
 * ({@value #CHANNEL}) in its transaction: a listening thread on a connection of its own hears it within
 * milliseconds (and reads the pauses again after a reconnection). A lock is a session advisory lock on a connection
 * of its own, released when it closes (or when the server sees that connection end).
 */
public final class PgSharedLimits implements SharedLimits {
    /** Seconds a lease outlives its holder's last renewal. */
    public static final String LEASE_PROPERTY = "mailmigrator.fleet.lease.seconds";
    static final String CHANNEL = "mm_fleet";

    /** Runs once before the first use: the tables brought up to date. */
    interface Prepare {
        void run() throws StateException;
    }

    private final DataSource ds;
    private final String shown;
    private final Prepare prepare;
    private final String holder;
    private final Duration lease;
    private final Map<String, Row> held = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService threads;
    private Connection work;
    private boolean prepared;
    private volatile boolean closed;

    /** A lease row held by this instance. */
    private record Row(String host, int connections) {
    }

    public PgSharedLimits(DataSource ds, String shown, Prepare prepare, String holder) {
        this.ds = ds;
        this.shown = shown;
        this.prepare = prepare;
        this.holder = holder;
        this.lease = Duration.ofSeconds(Math.max(2, Long.getLong(LEASE_PROPERTY, 30)));
    }

    @Override
    public Duration leaseTime() {
        return lease;
    }

    /** Prepares the tables and starts the renewing and listening threads, once. */
    private synchronized Connection connection() throws SQLException, StateException {
        if (closed) {
            throw new StateException("the shared limits of " + shown + " are closed", null);
        }
        if (!prepared) {
            prepare.run();
            prepared = true;
            threads = Executors.newScheduledThreadPool(2, r -> {
                Thread t = new Thread(r, "mailmigrator-fleet-limits");
                t.setDaemon(true);
                return t;
            });
            long every = Math.max(500, lease.toMillis() / 3);
            threads.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
            threads.execute(this::listenLoop);
        }
        if (work == null) {
            work = ds.getConnection();
            work.setAutoCommit(false);
        }
        return work;
    }

    private interface Tx<T> {
        T run(Connection c) throws SQLException;
    }

    private synchronized <T> T tx(String what, Tx<T> body) throws StateException {
        try {
            Connection c = connection();
            try {
                T out = body.run(c);
                c.commit();
                return out;
            } catch (SQLException e) {
                drop();
                throw e;
            }
        } catch (SQLException e) {
            throw new StateException("shared limits in " + shown + ": cannot " + what + ": " + e.getMessage(), e);
        }
    }

    private void drop() {
        try {
            if (work != null) {
                work.close();
            }
        } catch (SQLException ignored) {
            // a broken connection: the next call opens another
        }
        work = null;
    }

    @Override
    public Optional<Lease> tryTake(Map<String, Integer> connections, int limit) throws StateException {
        Map<String, Integer> wanted = new TreeMap<>(connections); // sorted: locks always taken in one order
        wanted.values().removeIf(n -> n <= 0);
        if (wanted.isEmpty()) {
            return Optional.of(() -> { });
        }
        Map<String, Row> rows = new HashMap<>();
        boolean taken = tx("reserve connections to " + wanted.keySet(), c -> {
            for (String host : wanted.keySet()) {
                query(c, "select pg_advisory_xact_lock(hashtextextended(?, 0))", "mm-host:" + host);
            }
            String[] hosts = wanted.keySet().toArray(String[]::new);
            try (PreparedStatement del = c.prepareStatement("delete from mm_host_lease where host = any(?) and "
                    + runOut())) {
                del.setArray(1, c.createArrayOf("text", hosts));
                del.executeUpdate();
            }
            Map<String, Integer> now = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select host, sum(connections) from mm_host_lease where host"
                    + " = any(?) group by host")) {
                ps.setArray(1, c.createArrayOf("text", hosts));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        now.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            if (wanted.entrySet().stream().anyMatch(e -> now.getOrDefault(e.getKey(), 0) + e.getValue() > limit)) {
                return false;
            }
            for (var e : wanted.entrySet()) {
                String id = UUID.randomUUID().toString();
                upsert(c, id, e.getKey(), e.getValue());
                rows.put(id, new Row(e.getKey(), e.getValue()));
            }
            return true;
        });
        if (!taken) {
            return Optional.empty();
        }
        held.putAll(rows);
        return Optional.of(new Lease() {
            private boolean done;

            @Override
            public synchronized void close() {
                if (!done) {
                    done = true;
                    release(rows);
                }
            }
        });
    }

    /**
     * SQL: the lease has run out — past its expiry, and past one lease time plus 5 s after the server's start: a
     * database that restarted lets every holder, back within 2 s, renew its leases before they are counted as free.
     */
    private String runOut() {
        return "greatest(expires, pg_postmaster_start_time() + interval '" + (lease.toMillis() + 5000)
                + " milliseconds') < clock_timestamp()";
    }

    private void upsert(Connection c, String id, String host, int n) throws SQLException {
        try (PreparedStatement ins = c.prepareStatement("insert into mm_host_lease(id, host, holder, connections, expires)"
                + " values (?, ?, ?, ?, clock_timestamp() + make_interval(secs => ?)) on conflict (id) do update set"
                + " expires = excluded.expires")) {
            ins.setString(1, id);
            ins.setString(2, host);
            ins.setString(3, holder);
            ins.setInt(4, n);
            ins.setDouble(5, lease.toMillis() / 1000.0);
            ins.executeUpdate();
        }
    }

    /** Gives the rows back; when the database cannot be told, they expire by themselves within the lease time. */
    private void release(Map<String, Row> rows) {
        rows.keySet().forEach(held::remove); // renewed no more
        try {
            tx("give back connections", c -> {
                try (PreparedStatement ps = c.prepareStatement("delete from mm_host_lease where id = any(?)")) {
                    ps.setArray(1, c.createArrayOf("text", rows.keySet().toArray(String[]::new)));
                    ps.executeUpdate();
                }
                for (Row h : rows.values()) {
                    query(c, "select pg_notify('" + CHANNEL + "', ?)", "free " + h.host());
                }
                return null;
            });
        } catch (StateException e) {
            // they expire within the lease time
        }
    }

    /** Renews this instance's leases; one that expired and was deleted meanwhile is taken again (it is still in use). */
    private void renew() {
        if (held.isEmpty()) {
            return;
        }
        try {
            tx("renew leases", c -> {
                for (var e : held.entrySet()) {
                    upsert(c, e.getKey(), e.getValue().host(), e.getValue().connections());
                }
                return null;
            });
        } catch (StateException e) {
            // tried again at the next tick; the lease time covers a short outage
        }
    }

    @Override
    public int leased(String host) throws StateException {
        return tx("count connections", c -> {
            try (PreparedStatement ps = c.prepareStatement("select coalesce(sum(connections), 0) from mm_host_lease"
                    + " where host = ? and not " + runOut())) {
                ps.setString(1, host);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    @Override
    public void pause(String host, long millis) throws StateException {
        tx("pause " + host, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into mm_host_pause(host, until) values (?, "
                    + "clock_timestamp() + make_interval(secs => ?)) on conflict (host) do update set until = "
                    + "greatest(mm_host_pause.until, excluded.until)")) {
                ps.setString(1, host);
                ps.setDouble(2, millis / 1000.0);
                ps.executeUpdate();
            }
            query(c, "select pg_notify('" + CHANNEL + "', ?)", "pause " + millis + " " + host);
            return null;
        });
    }

    @Override
    public Map<String, Long> pauses() throws StateException {
        return tx("read the pauses", c -> {
            Map<String, Long> out = new TreeMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select host, extract(epoch from"
                    + " (until - clock_timestamp())) * 1000 from mm_host_pause where until > clock_timestamp()")) {
                while (rs.next()) {
                    out.put(rs.getString(1), (long) rs.getDouble(2));
                }
            }
            return out;
        });
    }

    @Override
    public void listen(Listener listener) {
        listeners.add(listener);
    }

    /** Hears the other processes' pauses and releases; reconnects (and catches up on the pauses) when the server went away. */
    private void listenLoop() {
        while (!closed) {
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute("listen " + CHANNEL);
                for (var p : pauses().entrySet()) {
                    listeners.forEach(l -> l.paused(p.getKey(), p.getValue()));
                }
                listeners.forEach(l -> l.freed(""));
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] got = pg.getNotifications(1000);
                    for (PGNotification n : got == null ? new PGNotification[0] : got) {
                        hear(n.getParameter());
                    }
                }
            } catch (SQLException | StateException | RuntimeException e) {
                pauseQuietly(1000); // a backoff before reconnecting, not a wait for a condition
            }
        }
    }

    private void hear(String payload) {
        String[] w = payload.split(" ", 3);
        if (w[0].equals("pause") && w.length == 3) {
            listeners.forEach(l -> l.paused(w[2], Long.parseLong(w[1])));
        } else if (w[0].equals("free") && w.length >= 2) {
            listeners.forEach(l -> l.freed(payload.substring(5)));
        }
    }

    @Override
    public Held lock(String name, Duration wait) throws StateException {
        long until = System.nanoTime() + wait.toNanos();
        try {
            Connection c = ds.getConnection();
            try {
                while (!query(c, "select pg_try_advisory_lock(hashtextextended(?, 0))", name)) {
                    if (System.nanoTime() > until) {
                        throw new SQLException("another process held it for more than " + wait.toSeconds() + " s");
                    }
                    pauseQuietly(100);
                }
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
            return () -> {
                try (c) {
                    query(c, "select pg_advisory_unlock(hashtextextended(?, 0))", name);
                } catch (SQLException ignored) {
                    // the server releases it as the connection ends
                }
            };
        } catch (SQLException e) {
            throw new StateException("cannot lock " + name + " in " + shown + ": " + e.getMessage(), e);
        }
    }

    private static boolean query(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getObject(1) instanceof Boolean b && b;
            }
        }
    }

    private static void pauseQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        Map<String, Row> mine = new HashMap<>(held);
        if (!mine.isEmpty()) {
            release(mine);
        }
        synchronized (this) {
            closed = true;
            if (threads != null) {
                threads.shutdownNow();
            }
            drop();
        }
    }

    @Override
    public String toString() {
        return "shared limits in " + shown + " (" + holder + ")";
    }
}
