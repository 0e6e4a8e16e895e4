package org.mailmigrator.batch.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.mailmigrator.core.spi.ConnectorException;

/**
 * A provider's "slow down" answer ({@code [THROTTLED]}, Microsoft's suggested backoff, HTTP 429) seen by one row
 * slows every row on that host, not only the one that got it: the host is paused for the wait the answer asked
 * (at least {@code minimum}), and the mail stores and folders of every session on the host, as
 * {@link HostLimiter} hands them out, wait for the pause to end before their next request. The row that was
 * answered backs off as before (its engine's own adaptive wait). One per job manager; thread-safe.
 */
public final class HostBackoff {
    private final Map<String, Long> pausedUntil = new HashMap<>();

    /** Pauses {@code host} for {@code millis} from now (a longer pause already running is kept). */
    public synchronized void throttled(String host, long millis) {
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
     * {@code capability} (a mail store) seen through the host's pause: every call waits for it first, a throttling
     * answer starts it, and the folders it opens are seen the same way. Other values are returned as they are.
     */
    <T> T watch(String host, long minimum, Class<T> type, T capability) {
        if (!type.isInterface() || !type.getPackageName().equals("org.mailmigrator.core.mail")) {
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
