package org.mailmigrator.batch.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mailmigrator.testing.Relay;

/**
 * The destination server's side of a fleet test: a relay in front of the IMAP server that counts the rows connected at
 * once — a row is its destination login (one user per row), connected from a connection's {@code LOGIN} (or
 * {@code AUTHENTICATE PLAIN}) until that connection's {@code LOGOUT} or close — and keeps the most it saw. With a hold,
 * the first login of each user waits (up to {@code holdMs}) until more than {@code over} rows are connected, so that
 * rows a limit does not keep apart certainly overlap here; kept apart, each row's first login waits the whole hold.
 */
final class RowsAtOnce implements AutoCloseable {
    private final Map<String, Integer> connections = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final long started = System.currentTimeMillis();
    private final int over;
    private final long holdMs;
    private final Relay relay;
    private int max;

    RowsAtOnce(int port, int over, long holdMs) throws IOException {
        this.over = over;
        this.holdMs = holdMs;
        relay = Relay.to(port).name("rows-relay").onOpen(link -> link.up((in, up) -> {
            String user = null;
            boolean sasl = false;
            try {
                for (byte[] line; (line = Relay.line(in)) != null;) {
                    String[] w = new String(line, StandardCharsets.ISO_8859_1).trim().split(" ");
                    String verb = w.length > 1 ? w[1].toUpperCase(Locale.ROOT) : "";
                    if (user == null) {
                        String u = verb.equals("LOGIN") && w.length > 2 ? w[2].replace("\"", "")
                                : verb.equals("AUTHENTICATE") && w.length > 3 ? HostBackoffTest.Throttling.plainUser(w[3])
                                : sasl ? HostBackoffTest.Throttling.plainUser(w[0]) : "";
                        sasl = verb.equals("AUTHENTICATE") && w.length == 3;
                        if (!u.isEmpty()) {
                            user = u;
                            connected(u);
                        }
                    } else if (verb.equals("LOGOUT")) {
                        disconnected(user);
                        user = "";
                    }
                    up.write(line);
                }
            } finally {
                if (user != null && !user.isEmpty()) {
                    disconnected(user);
                }
            }
        })).start();
    }

    int port() {
        return relay.port();
    }

    /** The most rows seen connected at once. */
    synchronized int max() {
        return max;
    }

    /** Each change: milliseconds since the start, +USER or -USER, rows connected after it. */
    List<String> log() {
        return List.copyOf(log);
    }

    private synchronized int rows() {
        return (int) connections.values().stream().filter(n -> n > 0).count();
    }

    private synchronized void connected(String user) throws InterruptedException {
        connections.merge(user, 1, Integer::sum);
        max = Math.max(max, rows());
        log.add((System.currentTimeMillis() - started) + " +" + user + " " + rows());
        notifyAll();
        if (seen.add(user)) {
            for (long end = System.currentTimeMillis() + holdMs; rows() <= over && System.currentTimeMillis() < end;) {
                wait(Math.max(1, end - System.currentTimeMillis()));
            }
        }
    }

    private synchronized void disconnected(String user) {
        connections.merge(user, -1, Integer::sum);
        log.add((System.currentTimeMillis() - started) + " -" + user + " " + rows());
    }

    @Override
    public void close() throws IOException {
        relay.close();
    }
}
