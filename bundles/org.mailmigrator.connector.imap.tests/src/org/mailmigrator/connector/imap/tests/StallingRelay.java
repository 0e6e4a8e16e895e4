package org.mailmigrator.connector.imap.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on loopback that goes silent without closing: after {@code stallAfter} bytes in one direction
 * (server to client: a download; client to server: an upload) it stops reading and forwarding that connection,
 * both ways, and keeps its sockets open: a half-dead NAT or server. The first {@code stalledConnections}
 * connections that reach the budget stall; later ones pass.
 */
final class StallingRelay implements AutoCloseable {
    enum Direction { DOWN, UP }

    private final ServerSocket listener;
    private final AtomicInteger stalls = new AtomicInteger();
    private final AtomicInteger left;
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    StallingRelay(int targetPort, Direction direction, long stallAfter, int stalledConnections) throws IOException {
        listener = new ServerSocket();
        listener.setReceiveBufferSize(64 * 1024); // small buffers: a stalled upload blocks the writer soon
        listener.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        left = new AtomicInteger(stalledConnections);
        Thread accept = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    open.add(client);
                    open.add(server);
                    Object gate = new Object();
                    boolean[] stalled = { false };
                    pump(client, server, direction == Direction.UP ? stallAfter : Long.MAX_VALUE, gate, stalled);
                    pump(server, client, direction == Direction.DOWN ? stallAfter : Long.MAX_VALUE, gate, stalled);
                } catch (IOException e) {
                    // closed
                }
            }
        }, "stalling-relay");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    int stalls() {
        return stalls.get();
    }

    private void pump(Socket from, Socket to, long budget, Object gate, boolean[] stalled) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            long passed = 0;
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (gate) {
                        if (!stalled[0] && passed + n > budget && left.getAndDecrement() > 0) {
                            stalled[0] = true;
                            stalls.incrementAndGet();
                        }
                        while (stalled[0] && !listener.isClosed()) {
                            gate.wait(500); // silent, both ways, until the relay is closed
                        }
                    }
                    out.write(buf, 0, n);
                    out.flush();
                    passed += n;
                }
            } catch (IOException | InterruptedException e) {
                // the client gave up on this connection, or the relay closed
            } finally {
                close(from);
                close(to);
            }
        }, "stalling-relay-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        open.forEach(StallingRelay::close);
    }
}
