package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.testing.HttpHeads;
import org.mailmigrator.testing.Radicale;
import org.mailmigrator.testing.Relay;

/**
 * Issue 14's per-host backoff for calendar/contacts legs (issue 18): two legs-only rows of one batch write their
 * calendars into one CalDAV host (a real Radicale behind a relay). When both have sent their first {@code PUT}, the
 * relay answers row A's as a throttled server does ({@code 429 Too Many Requests}, {@code Retry-After: 3}) and passes
 * row B's on 500 ms later: row B, which got no such answer, writes nothing more to that host until the pause is over.
 * Both rows then end Synced with every event in Radicale, each event {@code PUT} once (row A's first twice: the
 * throttled one and its retry after the pause).
 * <p>
 * Radicale 3 answers every request as HTTP/1.0 without {@code Connection: close} and closes the connection after the
 * answer; the JDK's HTTP client pools such a connection all the same (it looks only at a {@code Connection} header),
 * so a request can be written onto a connection Radicale is closing, fail, and be sent again on a new connection by
 * the DAV connector (harmless: Radicale gets it once). The relay says {@code Connection: close} on Radicale's
 * behalf, so every request it holds or answers arrives on a connection whose server side is still open; without that,
 * the 429 of row A's first {@code PUT} could go to a connection already closed and row A never hear it.
 */
class LegBackoffTest {
    private static final long PAUSE = 3000;

    @Test
    void aThrottlingAnswerToOneLegPausesTheOtherLegOnThatHost(@TempDir Path dir) throws Exception {
        try (Radicale dav = Radicale.start(dir.resolve("radicale")); Throttling relay = new Throttling(dav.port())) {
            StringBuilder csv = new StringBuilder("calendar.source,calendar.target,calendar.password\n");
            for (String row : List.of("la", "lb")) {
                Path calendars = Files.createDirectories(dir.resolve("calendars-" + row));
                Files.writeString(calendars.resolve(row + ".ics"), DavPerHostLimitTest.calendar(row, 4));
                csv.append(calendars).append(",caldav+http://").append(Radicale.LOGIN).append("@127.0.0.1:")
                        .append(relay.port()).append("/,").append(Radicale.PASSWORD).append('\n');
            }
            Path file = Files.writeString(dir.resolve("legs.csv"), csv);
            CliRun run = CliRun.of("batch", "run", file.toString(), "--workspace", dir.resolve("ws").toString(),
                    "--allow-plaintext", "--parallel", "2", "--per-host", "4", "--report", dir.resolve("report").toString());
            String log = relay.describe();
            assertEquals(0, run.code(), run + "\n" + log);
            assertTrue(relay.injected > 0, "row A was answered 429\n" + log);
            long after = relay.puts().stream().filter(p -> p.row().equals("lb") && p.at() > relay.released)
                    .mapToLong(Put::at).min().orElse(-1);
            assertTrue(after > 0, "row B wrote on afterwards\n" + log);
            assertTrue(after - relay.injected >= PAUSE - 250, "row B's next PUT came " + (after - relay.injected)
                    + " ms after row A's 429, not after the " + PAUSE + " ms pause\n" + log);
            Map<String, Long> times = relay.puts().stream().collect(Collectors.groupingBy(Put::uid, Collectors.counting()));
            Map<String, Long> expected = new TreeMap<>();
            for (String row : List.of("la", "lb")) {
                for (int i = 0; i < 4; i++) {
                    expected.put("UID:" + row + "-" + i + "@per-host.test", 1L);
                }
            }
            expected.merge(relay.throttledUid, 1L, Long::sum); // the throttled PUT and its one retry after the pause
            assertEquals(expected, new TreeMap<>(times), "each event PUT once, the throttled one twice\n" + log);
            String summary = Files.readString(dir.resolve("report/summary.txt"));
            assertTrue(summary.contains("2 Synced"), summary + "\n" + log);
        }
    }

    /** One request: its connection, the relay thread that read it, when (ms), method and path, the row and UID. */
    private record Put(int link, String thread, long at, String method, String path, String row, String uid) {
        @Override
        public String toString() {
            return at + " link#" + link + " [" + thread + "] " + method + " " + path + (uid.isEmpty() ? "" : " " + uid);
        }
    }

    /**
     * The relay: logs each request; answers row A's first PUT with 429, holds row B's first until 500 ms after that;
     * adds {@code Connection: close} to Radicale's answers (one per connection, Radicale closes after it).
     */
    private static final class Throttling implements AutoCloseable {
        private final Relay relay;
        private final AtomicInteger links = new AtomicInteger();
        private final CountDownLatch both = new CountDownLatch(2);
        private final Set<String> arrived = ConcurrentHashMap.newKeySet();
        private final List<Put> log = new CopyOnWriteArrayList<>();
        private final Map<Integer, Long> serverEnded = new ConcurrentHashMap<>();
        volatile long injected;
        volatile long released;
        volatile String throttledUid = "";

        Throttling(int port) throws IOException {
            relay = Relay.to(port).name("leg-throttling-relay").onOpen(link -> {
                int id = links.incrementAndGet();
                link.up((in, up) -> {
                    for (String head = HttpHeads.read(in); head != null; head = HttpHeads.read(in)) {
                        byte[] body = in.readNBytes((int) HttpHeads.contentLength(head));
                        if (!forward(id, head, body, link)) {
                            continue;
                        }
                        up.write(head.getBytes(StandardCharsets.ISO_8859_1));
                        up.write(body);
                    }
                }).down((in, client) -> {
                    byte[] status = Relay.line(in);
                    if (status != null) {
                        client.write(status);
                        client.write("Connection: close\r\n".getBytes(StandardCharsets.US_ASCII));
                        Relay.copy().pump(in, client);
                    }
                    serverEnded.put(id, System.currentTimeMillis());
                });
            }).start();
        }

        /** Logs one request; false when the relay answered it itself (429). */
        private boolean forward(int id, String head, byte[] body, Relay.Link link) throws IOException, InterruptedException {
            String text = new String(body, StandardCharsets.UTF_8);
            String uid = text.lines().filter(l -> l.startsWith("UID:")).findFirst().orElse("");
            String row = uid.startsWith("UID:la-") ? "la" : uid.startsWith("UID:lb-") ? "lb" : "";
            String[] line = head.split(" ", 3);
            log.add(new Put(id, Thread.currentThread().getName(), System.currentTimeMillis(), line[0], line[1], row, uid));
            if (!line[0].equals("PUT") || row.isEmpty() || !arrived.add(row)) {
                return true;
            }
            both.countDown();
            both.await(20, TimeUnit.SECONDS);
            if (row.equals("la")) {
                throttledUid = uid;
                injected = System.currentTimeMillis();
                link.toClient().write(("HTTP/1.1 429 Too Many Requests\r\nRetry-After: " + PAUSE / 1000
                        + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                return false;
            }
            for (long end = System.currentTimeMillis() + 20_000; injected == 0 && System.currentTimeMillis() < end;) {
                Thread.sleep(5);
            }
            Thread.sleep(500); // row A's client reads its answer before row B's PUT is answered
            released = System.currentTimeMillis();
            return true;
        }

        List<Put> puts() {
            return log.stream().filter(p -> p.method().equals("PUT") && !p.row().isEmpty()).toList();
        }

        /** Every request in order, with when Radicale's side of its connection ended (for a failure message). */
        String describe() {
            Function<Put, String> line = p -> p + (serverEnded.containsKey(p.link())
                    ? " (server side closed at " + serverEnded.get(p.link()) + ")" : "");
            return "429 given at " + injected + ", row B released at " + released + "\n"
                    + log.stream().map(line).collect(Collectors.joining("\n"));
        }

        int port() {
            return relay.port();
        }

        @Override
        public void close() throws IOException {
            relay.close();
        }
    }
}
