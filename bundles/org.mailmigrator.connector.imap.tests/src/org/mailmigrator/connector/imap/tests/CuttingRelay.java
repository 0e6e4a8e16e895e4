package org.mailmigrator.connector.imap.tests;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import org.mailmigrator.testing.Relay;

/**
 * A TCP relay on loopback that cuts each connection after it carried {@code cutAfter} bytes from the server
 * to the client: a link that drops every few MB. Counts the cuts.
 */
final class CuttingRelay implements AutoCloseable {
    private final AtomicInteger cuts = new AtomicInteger();
    private final Relay relay;

    CuttingRelay(int targetPort, long cutAfter) throws IOException {
        relay = Relay.to(targetPort).name("cutting-relay")
                .onOpen(link -> link.down(Relay.cutAfter(cutAfter, cuts::incrementAndGet))).start();
    }

    int port() {
        return relay.port();
    }

    int cuts() {
        return cuts.get();
    }

    @Override
    public void close() throws IOException {
        relay.close();
    }
}
