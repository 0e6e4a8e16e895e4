package org.mailmigrator.core.spi;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the connectors of one runner keep beyond a pass, for as long as the runner lives: a batch manager (the
 * workbench's, a {@code batch run}'s, a worker's) or a {@code migrate} command. A connector instance serves one pass
 * (the registry makes one per account and pass, and some keep what the pass read in it); what must outlive a pass,
 * or be shared by the passes running at once, is kept here under a class of the connector's own: the IMAP connector
 * keeps what its sessions measured of each server's link (so the next mailbox of a batch starts from that measure)
 * and one memory budget for the big messages of all its sessions. Reached through {@link ConnectContext#shared()}.
 * Thread-safe.
 */
public final class Shared {
    private final Map<Class<?>, Object> values = new ConcurrentHashMap<>();

    /** The runner's value of {@code type}, made by {@code make} the first time it is asked for. */
    public <T> T get(Class<T> type, Supplier<? extends T> make) {
        return type.cast(values.computeIfAbsent(type, k -> make.get()));
    }
}
