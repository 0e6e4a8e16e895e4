package org.mailmigrator.batch.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.mailmigrator.testing.HttpHeads;

/**
 * A loopback relay in front of an HTTP/1.1 server (a DAV server) that counts the requests the server is
 * working on at once, per host name the client wrote in its {@code Host} header (its URL's host) and in all:
 * a request counts from when the relay read it until the server's answer starts. What the server sees,
 * independent of the limiter under test. The first request waits (up to {@code hold}) for a second one to
 * arrive, so that clients allowed to work together certainly do. Answers go back byte for byte.
 */
final class RequestCountingRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final int target;
    private final long holdMs;
    private final Map<String, Integer> now = new TreeMap<>();
    private final Map<String, Integer> max = new TreeMap<>();
    private int all;
    private int maxAll;
    private int seen;

    RequestCountingRelay(int targetPort, long holdMs) throws IOException {
        this.target = targetPort;
        this.holdMs = holdMs;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("request-counting-relay").start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The most requests in progress at once, per host name (without the port). */
    synchronized Map<String, Integer> maxPerHost() {
        return Map.copyOf(max);
    }

    /** The most requests in progress at once, whatever their host. */
    synchronized int maxAll() {
        return maxAll;
    }

    private synchronized void begin(String host) {
        now.merge(host, 1, Integer::sum);
        max.merge(host, now.get(host), Math::max);
        maxAll = Math.max(maxAll, ++all);
        seen++;
        notifyAll();
        long end = System.currentTimeMillis() + holdMs;
        while (seen == 1 && System.currentTimeMillis() < end) {
            try {
                wait(Math.max(1, end - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private synchronized void end(String host) {
        now.merge(host, -1, Integer::sum);
        all--;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                Connection pending = new Connection();
                Thread.ofPlatform().daemon().start(() -> requests(client, server, pending));
                Thread.ofPlatform().daemon().start(() -> responses(server, client, pending));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void requests(Socket client, Socket server, Connection pending) {
        try (client; server; InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
            while (true) {
                String head = HttpHeads.read(in);
                if (head == null) {
                    return;
                }
                long length = 0;
                String host = "?";
                for (String line : head.split("\r\n")) {
                    String l = line.toLowerCase(Locale.ROOT);
                    if (l.startsWith("content-length:")) {
                        length = Long.parseLong(line.substring(15).trim());
                    } else if (l.startsWith("host:")) {
                        host = l.substring(5).trim().replaceFirst(":\\d+$", "");
                    }
                }
                byte[] body = in.readNBytes((int) length);
                if (!pending.sent(host)) {
                    return; // the server had closed this connection: the client sends the request again on a new one
                }
                begin(host);
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            }
        } catch (IOException e) {
            // the client or the server closed the connection
        }
    }

    /** The first bytes after a request are its answer: the server is done with it. */
    private void responses(Socket from, Socket to, Connection pending) {
        byte[] buf = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                String host = pending.answered(false);
                if (host != null) {
                    end(host);
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            String host = pending.answered(true);
            if (host != null) {
                end(host);
            }
            try {
                to.shutdownOutput();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    /** One client connection: the host of the request the server has not answered yet, and whether it closed. */
    private static final class Connection {
        private String pending;
        private boolean closed;

        /** Whether the request may go on (the server did not close the connection); it is then pending. */
        synchronized boolean sent(String host) {
            pending = closed ? null : host;
            return !closed;
        }

        /** The host of the request now answered (or cut off when {@code closing}), if one was pending. */
        synchronized String answered(boolean closing) {
            closed |= closing;
            String host = pending;
            pending = null;
            return host;
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
