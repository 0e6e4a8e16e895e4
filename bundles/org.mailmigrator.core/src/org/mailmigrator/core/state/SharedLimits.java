package org.mailmigrator.core.state;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What the processes sharing one database agree on, so that limits hold across every worker and machine
 * (docs/postgresql.md, "Limits across machines"): connections per server host counted as leases with an expiry that
 * the holder renews while it holds them (a process that dies without giving them back, SIGKILL or a lost machine, loses
 * them within {@link #leaseTime}), the pause a throttling server asked for, and locks held across processes (one
 * OAuth2 refresh per credential). Obtained from {@link DatabaseStore#sharedLimits}; thread-safe; connects on first use.
 */
public interface SharedLimits extends AutoCloseable {

    /** Connections held through the database; closing gives them back to every process at once. */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    /** A lock held across processes; closing releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** What other processes did: a host paused, connections given back. */
    interface Listener {
        /** {@code host} is paused for {@code millis} from now (measured by the database's clock). */
        void paused(String host, long millis);

        /** Connections to {@code host} were given back somewhere: a waiting reservation may fit now. */
        void freed(String host);
    }

    /**
     * Takes {@code connections} per host (lower-case host to count) when, on every host, the live leases of every
     * process plus these stay within {@code limit}; all or nothing.
     *
     * @return empty when they do not fit now
     */
    Optional<Lease> tryTake(Map<String, Integer> connections, int limit) throws StateException;

    /** Connections to {@code host} leased now by every process. */
    int leased(String host) throws StateException;

    /** Pauses {@code host} for every process for {@code millis} from now (a longer pause already running is kept). */
    void pause(String host, long millis) throws StateException;

    /** The hosts paused now, with the milliseconds left of each pause. */
    Map<String, Long> pauses() throws StateException;

    /** Tells {@code listener} what other processes do, from now on (pushed by the database, not polled). */
    void listen(Listener listener);

    /**
     * Waits until no other process holds the lock {@code name} (up to {@code wait}), then holds it. Within one process
     * the callers serialise themselves first: the lock is per database session, and this process has one.
     *
     * @throws StateException when it could not be had in time, naming it
     */
    Held lock(String name, Duration wait) throws StateException;

    /** How long a lease outlives its holder's last renewal. */
    Duration leaseTime();

    @Override
    void close();
}
