package org.mailmigrator.connector.imap.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on loopback that misbehaves like a bad link: each connection gets a budget of 1 to 6 MB (both
 * directions together, so a cut can land in a download or in an upload); when it is spent the relay either
 * cuts the connection (both sockets closed mid-stream) or stalls it for a few seconds and grants a new budget.
 */
final class FaultRelay implements AutoCloseable {
    private final ServerSocket server;
    private final int target;
    private final Random random;
    private final double stallShare;
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger cuts = new AtomicInteger();
    final AtomicInteger stalls = new AtomicInteger();
    final AtomicLong bytes = new AtomicLong();

    FaultRelay(int targetPort, long seed, double stallShare) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.target = targetPort;
        this.random = new Random(seed);
        this.stallShare = stallShare;
        Thread t = new Thread(this::accept, "fault-relay");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private synchronized long budget() {
        return 1_000_000L + (long) (random.nextDouble() * 5_000_000L);
    }

    private synchronized boolean stallNext() {
        return random.nextDouble() < stallShare;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                connections.incrementAndGet();
                Link link = new Link(client, upstream, budget());
                pump(link, client, upstream, "up");
                pump(link, upstream, client, "down");
            } catch (IOException e) {
                // closed, or the server refused: the client sees its connection fail
            }
        }
    }

    /** One relayed connection and what is left of its budget. */
    private final class Link {
        final Socket a;
        final Socket b;
        long left;
        boolean closed;

        Link(Socket a, Socket b, long left) {
            this.a = a;
            this.b = b;
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
            close();
            return true;
        }

        synchronized void close() {
            closed = true;
            try {
                a.close();
            } catch (IOException ignored) {
                // already closed
            }
            try {
                b.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private void pump(Link link, Socket from, Socket to, String name) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    // half of a chunk may pass before a cut: the cut lands inside a literal, not between them
                    int pass = link.left < n ? (int) Math.max(0, link.left) : n;
                    out.write(buf, 0, pass);
                    bytes.addAndGet(pass);
                    if (link.spend(n)) {
                        return;
                    }
                    if (pass < n) {
                        out.write(buf, pass, n - pass);
                    }
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // cut, or the other side closed
            } finally {
                link.close();
            }
        }, "fault-relay-" + name);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
