package org.mailmigrator.batch.tests;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import org.mailmigrator.testing.Relay;

/**
 * A loopback TCP proxy in front of a server that counts simultaneous connections: what the server sees,
 * independent of the limiter under test. A connection counts from its accept until both directions ended.
 */
final class CountingProxy implements AutoCloseable {
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger max = new AtomicInteger();
    private final AtomicInteger total = new AtomicInteger();
    private final Relay relay;

    CountingProxy(int targetPort) throws IOException {
        relay = Relay.to(targetPort).name("counting-proxy").onOpen(link -> {
            total.incrementAndGet();
            max.accumulateAndGet(open.incrementAndGet(), Math::max);
        }).onClosed(link -> open.decrementAndGet()).start();
    }

    int port() {
        return relay.port();
    }

    int max() {
        return max.get();
    }

    int total() {
        return total.get();
    }

    int open() {
        return open.get();
    }

    @Override
    public void close() throws IOException {
        relay.close();
    }
}
