package org.mailmigrator.connector.imap.tests;

import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.mailmigrator.testing.Relay;

/**
 * A TCP relay on loopback that misbehaves like a bad link: each connection gets a budget of 1 to 6 MB (both
 * directions together, so a cut can land in a download or in an upload); when it is spent the relay either
 * cuts the connection (both sockets closed mid-stream) or stalls it for a few seconds and grants a new budget.
 */
final class FaultRelay implements AutoCloseable {
    private final Relay relay;
    private final Random random;
    private final double stallShare;
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger cuts = new AtomicInteger();
    final AtomicInteger stalls = new AtomicInteger();
    final AtomicLong bytes = new AtomicLong();

    FaultRelay(int targetPort, long seed, double stallShare) throws IOException {
        this.random = new Random(seed);
        this.stallShare = stallShare;
        this.relay = Relay.to(targetPort).name("fault-relay").onOpen(link -> {
            connections.incrementAndGet();
            Budget budget = new Budget(link, budget());
            link.up((in, out) -> pump(budget, in, out));
            link.down((in, out) -> pump(budget, in, out));
        }).start();
    }

    int port() {
        return relay.port();
    }

    private synchronized long budget() {
        return 1_000_000L + (long) (random.nextDouble() * 5_000_000L);
    }

    private synchronized boolean stallNext() {
        return random.nextDouble() < stallShare;
    }

    /** What is left of one relayed connection's budget. */
    private final class Budget {
        final Relay.Link link;
        long left;
        boolean closed;

        Budget(Relay.Link link, long left) {
            this.link = link;
            this.left = left;
        }

        /** Spends n bytes; true when the link must be cut now. Stalls (sleeping this pump) when so chosen. */
        boolean spend(int n) throws InterruptedException {
            boolean stall;
            synchronized (this) {
                left -= n;
                if (left > 0 || closed) {
                    return closed;
                }
                stall = stallNext();
                if (stall) {
                    left = budget();
                }
            }
            if (stall) {
                stalls.incrementAndGet();
                Thread.sleep(1500 + random.nextInt(3000));
                return false;
            }
            cuts.incrementAndGet();
            synchronized (this) {
                closed = true;
            }
            link.close();
            return true;
        }
    }

    private void pump(Budget budget, InputStream in, Relay.Sink out) throws IOException, InterruptedException {
        byte[] buf = new byte[16384];
        int n;
        while ((n = in.read(buf)) > 0) {
            // half of a chunk may pass before a cut: the cut lands inside a literal, not between them
            int pass = budget.left < n ? (int) Math.max(0, budget.left) : n;
            out.write(buf, 0, pass);
            bytes.addAndGet(pass);
            if (budget.spend(n)) {
                return;
            }
            if (pass < n) {
                out.write(buf, pass, n - pass);
            }
        }
    }

    @Override
    public void close() throws IOException {
        relay.close();
    }
}
