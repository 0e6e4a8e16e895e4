package org.mailmigrator.connector.imap.tests;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import org.mailmigrator.testing.Relay;

/**
 * A TCP relay on loopback that goes silent without closing: after {@code stallAfter} bytes in one direction
 * (server to client: a download; client to server: an upload) it stops reading and forwarding that connection,
 * both ways, and keeps its sockets open: a half-dead NAT or server. The first {@code stalledConnections}
 * connections that reach the budget stall; later ones pass.
 */
final class StallingRelay implements AutoCloseable {
    enum Direction { DOWN, UP }

    private final AtomicInteger stalls = new AtomicInteger();
    private final AtomicInteger left;
    private final Relay relay;

    StallingRelay(int targetPort, Direction direction, long stallAfter, int stalledConnections) throws IOException {
        left = new AtomicInteger(stalledConnections);
        relay = Relay.to(targetPort).name("stalling-relay").receiveBuffer(64 * 1024).onOpen(link -> {
            Relay.Pump stalling = Relay.copy((b, n, passed) -> {
                if (passed + n > stallAfter && left.getAndDecrement() > 0) {
                    link.stall();
                    stalls.incrementAndGet();
                }
            });
            if (direction == Direction.UP) {
                link.up(stalling);
            } else {
                link.down(stalling);
            }
        }).start();
    }

    int port() {
        return relay.port();
    }

    int stalls() {
        return stalls.get();
    }

    @Override
    public void close() throws IOException {
        relay.close();
    }
}
