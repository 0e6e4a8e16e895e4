package org.mailmigrator.batch.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.mailmigrator.batch.PimLeg;
import org.mailmigrator.batch.jobs.ConnectorFactory;
import org.mailmigrator.batch.run.PassRequest;
import org.mailmigrator.batch.run.PimTarget;
import org.mailmigrator.core.engine.SessionFactory;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.core.state.SharedLimits;
import org.mailmigrator.core.state.StateException;

/**
 * Simultaneous connections per server host, across every batch of the process. The host of an account is
 * what its connector declares as its endpoint ({@link #hostOf}): IMAP's server, the host of an EWS or DAV URL. A migration reserves all
 * the connections it may open (one per side) at once, before it opens any: reserving piecemeal would let
 * pairs each hold a source connection while waiting for a destination one, and deadlock. Reserved
 * connections are then handed out by {@link Reservation#limit}, which never lets the engine open more.
 * A session may cost several connections: Angus Mail's IMAP store keeps its own connection besides the
 * selected folder's, and the loopback proxy of the tests sees both.
 * <p>
 * With {@link SharedLimits} (the workspace's state store is PostgreSQL) a reservation is also a lease in the database,
 * taken once it fits in this process, so that the limit holds across every process and machine using that database;
 * a process that dies gives its leases back when they expire (docs/postgresql.md, "Limits across machines"). Without,
 * the count of this process is the whole count.
 */
public final class HostLimiter implements AutoCloseable {
    /** A reservation that does not fit the fleet now asks the database again after this, or when connections are freed. */
    private static final long FLEET_POLL_MS = 1000;
    /** How long the database may stay unreachable before a waiting reservation gives up with its message. */
    private static final long FLEET_OUTAGE_MS = 90_000;
    /**
     * A closed connection is given back a moment later: the server (and any proxy or firewall counting
     * connections per IP) sees the close only after the client made it.
     */
    static final long RELEASE_DELAY_MS = 100;
    private static final ScheduledExecutorService LATER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mailmigrator-host-limiter");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Integer> inUse = new HashMap<>();
    /** The pauses of the hosts whose provider asked to slow down, shared by every row ({@link HostBackoff}). */
    private final HostBackoff backoff;
    /** The count of every process using the same database; null: this process only. */
    private final SharedLimits shared;

    /** Connections counted in this process only (a workspace without a database). */
    public HostLimiter() {
        this(null);
    }

    /** Connections and pauses shared through {@code shared} ({@code null}: this process only); closing closes it. */
    public HostLimiter(SharedLimits shared) {
        this.shared = shared;
        this.backoff = new HostBackoff(shared);
        if (shared != null) {
            shared.listen(new SharedLimits.Listener() {
                @Override
                public void paused(String host, long millis) {
                    backoff.heard(host, millis);
                }

                @Override
                public void freed(String host) {
                    synchronized (HostLimiter.this) {
                        HostLimiter.this.notifyAll();
                    }
                }
            });
        }
    }

    /**
     * The limiter of a workspace's job manager: shared with every process using its database when it has one
     * ({@link org.mailmigrator.batch.Workspace#store}), this process only otherwise.
     */
    public static HostLimiter of(org.mailmigrator.batch.Workspace workspace) {
        return workspace.store().map(db -> new HostLimiter(db.sharedLimits(ProcessName.of()))).orElseGet(HostLimiter::new);
    }

    /**
     * The host an account's connections count against: its connector's declared endpoint (the host setting, or
     * the host of the URL setting), lower-case. An account whose connector is not described (a benchmark's
     * factory) or names no host counts under its connector's id in parentheses, e.g. {@code (imap)}.
     */
    public static String hostOf(Account account, ConnectorFactory connectors) {
        return connectors.descriptor(account.connectorId()).flatMap(d -> d.endpointHost(account))
                .orElse("(" + account.connectorId() + ")");
    }

    /**
     * The hosts of a row's calendar/contacts targets, as their connectors declare them (the host of the DAV or
     * EWS URL), lower-case; a target that does not read is left out here and reported by its leg.
     */
    public static Set<String> legHosts(List<PimLeg> legs, ConnectorFactory connectors) {
        Set<String> hosts = new TreeSet<>();
        for (PimLeg leg : legs) {
            try {
                hosts.add(key(hostOf(PimTarget.parse(leg.target(), true).account(connectors, true, null), connectors)));
            } catch (IllegalArgumentException e) {
                // its leg says what is wrong with it
            }
        }
        return hosts;
    }

    /** Connections now reserved on a host (for tests and status). */
    public synchronized int inUse(String host) {
        return inUse.getOrDefault(key(host), 0);
    }

    /**
     * Waits until every host in {@code need} has room under {@code limit}, then takes it all.
     *
     * @return null when {@code cancelled} became true while waiting
     */
    public Reservation reserve(Map<String, Integer> need, int limit, BooleanSupplier cancelled) throws InterruptedException {
        Map<String, Integer> wanted = new TreeMap<>();
        need.forEach((h, n) -> wanted.merge(key(h), n, Integer::sum));
        if (wanted.values().stream().anyMatch(n -> n > limit)) {
            throw new IllegalArgumentException("a reservation of " + wanted + " can never fit a limit of " + limit);
        }
        long failingSince = 0;
        while (true) {
            synchronized (this) {
                while (!fits(wanted, limit)) {
                    if (cancelled.getAsBoolean()) {
                        return null;
                    }
                    wait(200);
                }
                wanted.forEach((h, n) -> inUse.merge(h, n, Integer::sum));
            }
            if (shared == null) {
                return new Reservation(wanted, null);
            }
            Optional<SharedLimits.Lease> lease = Optional.empty();
            try {
                lease = shared.tryTake(wanted, limit);
                failingSince = 0;
            } catch (StateException e) {
                failingSince = failingSince == 0 ? System.currentTimeMillis() : failingSince;
                if (System.currentTimeMillis() - failingSince > FLEET_OUTAGE_MS) {
                    release(wanted);
                    throw new IllegalStateException("cannot count the connections to " + wanted.keySet()
                            + " across the fleet: " + e.getMessage(), e);
                }
            }
            if (lease.isPresent()) {
                return new Reservation(wanted, lease.get());
            }
            release(wanted); // the fleet is full there: room for this process's others meanwhile
            synchronized (this) {
                if (cancelled.getAsBoolean()) {
                    return null;
                }
                wait(FLEET_POLL_MS); // or until the database says connections were freed
            }
        }
    }

    /** What every process of the shared store agrees on; empty: this process only. */
    Optional<SharedLimits> shared() {
        return Optional.ofNullable(shared);
    }

    @Override
    public void close() {
        if (shared != null) {
            shared.close();
        }
    }

    private boolean fits(Map<String, Integer> wanted, int limit) {
        return wanted.entrySet().stream().allMatch(e -> inUse.getOrDefault(e.getKey(), 0) + e.getValue() <= limit);
    }

    private synchronized void release(Map<String, Integer> taken) {
        taken.forEach((h, n) -> inUse.merge(h, -n, Integer::sum));
        inUse.values().removeIf(n -> n <= 0);
        notifyAll();
    }

    private static String key(String host) {
        return host.toLowerCase(Locale.ROOT);
    }

    /** The connections one migration holds; closing it gives them back. */
    public final class Reservation implements AutoCloseable {
        private final Map<String, Integer> taken;
        private final SharedLimits.Lease lease;
        private final Map<String, Semaphore> local = new HashMap<>();
        private boolean closed;

        private Reservation(Map<String, Integer> taken, SharedLimits.Lease lease) {
            this.taken = taken;
            this.lease = lease;
            taken.forEach((h, n) -> local.put(h, new Semaphore(n)));
        }

        /**
         * A factory whose sessions count {@code cost} connections each against this reservation, given back
         * when the session closes.
         */
        public SessionFactory limit(String host, int cost, SessionFactory inner) {
            return limit(host, cost, 0, inner);
        }

        /** The same, the mail stores of its sessions paused with the host ({@link HostBackoff}, at least {@code minimum} ms). */
        SessionFactory limit(String host, int cost, long minimum, SessionFactory inner) {
            Semaphore s = local.get(key(host));
            return () -> {
                try {
                    s.acquire(cost);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ConnectorException.TransientFailure("interrupted while waiting for a connection to " + host, e);
                }
                try {
                    return new Counted(inner.open(), s, cost, host, minimum);
                } catch (ConnectorException | RuntimeException e) {
                    LATER.schedule(() -> s.release(cost), RELEASE_DELAY_MS, TimeUnit.MILLISECONDS);
                    throw e;
                }
            };
        }

        /**
         * The pass's gate: a mail session costs {@code cost} on its side's host ({@code source}, {@code
         * destination}), a calendar/contacts leg's session one on its target's host.
         */
        public PassRequest.Gate gate(String source, String destination, int cost, ConnectorFactory connectors) {
            return gate(source, destination, cost, 0, connectors);
        }

        /** The same, a throttling answer on a mail session pausing its host for every row (at least {@code minimum} ms). */
        public PassRequest.Gate gate(String source, String destination, int cost, long minimum, ConnectorFactory connectors) {
            return new PassRequest.Gate() {
                @Override
                public SessionFactory limit(Role role, SessionFactory sessions) {
                    return Reservation.this.limit(role == Role.SOURCE ? source : destination, cost, minimum, sessions);
                }

                @Override
                public SessionFactory leg(Account target, SessionFactory sessions) {
                    return Reservation.this.limit(hostOf(target, connectors), 1, sessions);
                }
            };
        }

        @Override
        public void close() {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            LATER.schedule(() -> {
                release(taken);
                if (lease != null) {
                    lease.close(); // every process's waiting reservations are told
                }
            }, RELEASE_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    private final class Counted implements ConnectorSession {
        private final ConnectorSession inner;
        private final Semaphore permits;
        private final int cost;
        private final String host;
        private final long minimum;
        private boolean closed;

        Counted(ConnectorSession inner, Semaphore permits, int cost, String host, long minimum) {
            this.inner = inner;
            this.permits = permits;
            this.cost = cost;
            this.host = host;
            this.minimum = minimum;
        }

        @Override
        public <T> java.util.Optional<T> capability(Class<T> type) {
            return inner.capability(type).map(c -> backoff.watch(host, minimum, type, c));
        }

        @Override
        public boolean reusable() {
            return inner.reusable();
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                try {
                    inner.close();
                } finally {
                    LATER.schedule(() -> permits.release(cost), RELEASE_DELAY_MS, TimeUnit.MILLISECONDS);
                }
            }
        }
    }
}
