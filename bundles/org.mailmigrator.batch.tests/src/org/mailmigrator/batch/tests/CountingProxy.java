package org.mailmigrator.batch.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of a server that counts simultaneous connections: what the server sees,
 * independent of the limiter under test. A connection counts from its accept until both directions ended.
 */
final class CountingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final InetSocketAddress target;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger max = new AtomicInteger();
    private final AtomicInteger total = new AtomicInteger();

    CountingProxy(int targetPort) throws IOException {
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("counting-proxy").start(this::accept);
    }

    int port() {
        return server.getLocalPort();
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

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                int now = open.incrementAndGet();
                total.incrementAndGet();
                max.accumulateAndGet(now, Math::max);
                Socket upstream = new Socket();
                try {
                    upstream.connect(target, 5000);
                } catch (IOException e) {
                    close(client, upstream);
                    open.decrementAndGet();
                    continue;
                }
                AtomicInteger ends = new AtomicInteger(2);
                Thread.ofVirtual().start(() -> pump(client, upstream, ends));
                Thread.ofVirtual().start(() -> pump(upstream, client, ends));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, AtomicInteger ends) {
        byte[] buf = new byte[65536];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed: end both
        } finally {
            close(from, to);
            if (ends.decrementAndGet() == 0) {
                open.decrementAndGet();
            }
        }
    }

    private static void close(Socket a, Socket b) {
        try {
            a.close();
        } catch (IOException ignored) {
            // closing
        }
        try {
            b.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
