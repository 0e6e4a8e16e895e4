package org.mailmigrator.batch.tests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.mailmigrator.testing.HttpHeads;
import org.mailmigrator.testing.Relay;

/**
 * A loopback relay in front of an HTTP/1.1 server (a DAV server) that counts the requests the server is
 * working on at once, per host name the client wrote in its {@code Host} header (its URL's host) and in all:
 * a request counts from when the relay read it until the server's answer starts. What the server sees,
 * independent of the limiter under test. The first request waits (up to {@code hold}) for a second one to
 * arrive, so that clients allowed to work together certainly do. Answers go back byte for byte.
 */
final class RequestCountingRelay implements AutoCloseable {
    private final Relay relay;
    private final long holdMs;
    private final Map<String, Integer> now = new TreeMap<>();
    private final Map<String, Integer> max = new TreeMap<>();
    private int all;
    private int maxAll;
    private int seen;

    RequestCountingRelay(int targetPort, long holdMs) throws IOException {
        this.holdMs = holdMs;
        this.relay = Relay.to(targetPort).name("request-counting-relay").onOpen(link -> {
            Connection pending = new Connection();
            link.up((in, out) -> requests(in, out, pending));
            link.down((in, out) -> responses(in, out, pending));
        }).start();
    }

    int port() {
        return relay.port();
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

    private void requests(InputStream in, Relay.Sink out, Connection pending) throws IOException {
        for (String head = HttpHeads.read(in); head != null; head = HttpHeads.read(in)) {
            String host = HttpHeads.header(head, "Host");
            host = host == null ? "?" : host.toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", "");
            byte[] body = in.readNBytes((int) HttpHeads.contentLength(head));
            if (!pending.sent(host)) {
                return; // the server had closed this connection: the client sends the request again on a new one
            }
            begin(host);
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
        }
    }

    /** The first bytes after a request are its answer: the server is done with it. */
    private void responses(InputStream in, Relay.Sink out, Connection pending) throws IOException, InterruptedException {
        try {
            Relay.copy((b, n, before) -> {
                String host = pending.answered(false);
                if (host != null) {
                    end(host);
                }
            }).pump(in, out);
        } finally {
            String host = pending.answered(true);
            if (host != null) {
                end(host);
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
        relay.close();
    }
}
