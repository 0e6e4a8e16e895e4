package org.mailmigrator.batch.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.state.SharedLimits;
import org.mailmigrator.core.state.StateException;

/**
 * A provider's "slow down" answer ({@code [THROTTLED]}, Microsoft's suggested backoff, HTTP 429) seen by one row
 * slows every row on that host, not only the one that got it: the host is paused for the wait the answer asked
 * (at least {@code minimum}), and the mail stores and folders of every session on the host, as
 * {@link HostLimiter} hands them out, wait for the pause to end before their next request; so do the calendar,
 * contacts and tasks writers of its legs (CalDAV/CardDAV, EWS, Graph: HTTP 429/503 with Retry-After, ErrorServerBusy).
 * The row that was answered backs off as before (its engine's own adaptive wait). With {@link SharedLimits} (a
 * PostgreSQL store) a pause is also written to the database and announced: every process using it pauses the host
 * ({@link #heard}). One per job manager; thread-safe.
 */
public final class HostBackoff {
    /** The capabilities whose calls a pause holds: mail stores and folders, calendar/contacts writers. */
    private static final java.util.Set<String> WATCHED = java.util.Set.of("org.mailmigrator.core.mail",
            "org.mailmigrator.core.pim");
    private final Map<String, Long> pausedUntil = new HashMap<>();
    private final SharedLimits shared;

    /** Pauses seen by this process only. */
    public HostBackoff() {
        this(null);
    }

    /** Pauses shared with every process of {@code shared}'s database ({@code null}: this process only). */
    HostBackoff(SharedLimits shared) {
        this.shared = shared;
    }

    /**
     * Pauses {@code host} for {@code millis} from now (a longer pause already running is kept), in every process of the
     * shared store too; when the database cannot be told, this process pauses all the same.
     */
    public void throttled(String host, long millis) {
        heard(host, millis);
        if (shared != null) {
            try {
                shared.pause(host.toLowerCase(Locale.ROOT), millis);
            } catch (StateException e) {
                // the others are not told this time; this process pauses all the same
            }
        }
    }

    /** A pause another process started (or this one: a later end is kept). */
    synchronized void heard(String host, long millis) {
        long until = System.currentTimeMillis() + millis;
        pausedUntil.merge(host.toLowerCase(Locale.ROOT), until, Math::max);
    }

    /** Milliseconds left of the host's pause, 0 when none. */
    public synchronized long left(String host) {
        return Math.max(0, pausedUntil.getOrDefault(host.toLowerCase(Locale.ROOT), 0L) - System.currentTimeMillis());
    }

    /** Sleeps while the host is paused; an interrupt ends the wait (the caller's cancellation then applies). */
    void awaitClear(String host) {
        for (long left = left(host); left > 0; left = left(host)) {
            try {
                Thread.sleep(Math.min(left, 500));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * {@code capability} (a mail store, a calendar/contacts writer) seen through the host's pause: every call waits for
     * it first, a throttling answer starts it, and the folders it opens are seen the same way. Other values (and sealed
     * results a caller matches by type) are returned as they are.
     */
    <T> T watch(String host, long minimum, Class<T> type, T capability) {
        if (!type.isInterface() || type.isSealed() || !WATCHED.contains(type.getPackageName())) {
            return capability;
        }
        InvocationHandler h = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(capability, args);
            }
            awaitClear(host);
            try {
                Object out = method.invoke(capability, args);
                Class<?> r = method.getReturnType();
                return out != null && r.isInterface() ? watch(host, minimum, cast(r), out) : out;
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof ConnectorException.Throttled t) {
                    throttled(host, Math.max(minimum, t.backOffMillis()));
                }
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, h));
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<T> cast(Class<?> c) {
        return (Class<T>) c;
    }
}
