package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
 * Both rows then end Synced with every event in Radicale.
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
            assertEquals(0, run.code(), run + "\n" + relay.log);
            assertTrue(relay.injected > 0, "row A was answered 429\n" + relay.log);
            long after = relay.log.stream().filter(p -> p.row().equals("lb") && p.at() > relay.released)
                    .mapToLong(Put::at).min().orElse(-1);
            assertTrue(after > 0, "row B wrote on afterwards\n" + relay.log);
            assertTrue(after - relay.injected >= PAUSE - 250, "row B's next PUT came " + (after - relay.injected)
                    + " ms after row A's 429, not after the " + PAUSE + " ms pause\n" + relay.log);
            assertEquals(4, relay.log.stream().filter(p -> p.row().equals("la")).map(Put::uid).distinct().count(),
                    "every event of row A written\n" + relay.log);
            assertTrue(Files.readString(dir.resolve("report/summary.txt")).contains("2 Synced"),
                    Files.readString(dir.resolve("report/summary.txt")));
        }
    }

    /** One PUT: the row whose calendar it carries, when (ms), the event's UID. */
    private record Put(String row, long at, String uid) {
    }

    /** The relay: logs each PUT; answers row A's first with 429, holds row B's first until 500 ms after that. */
    private static final class Throttling implements AutoCloseable {
        private final Relay relay;
        private final CountDownLatch both = new CountDownLatch(2);
        private final Set<String> arrived = ConcurrentHashMap.newKeySet();
        final List<Put> log = new CopyOnWriteArrayList<>();
        volatile long injected;
        volatile long released;

        Throttling(int port) throws IOException {
            relay = Relay.to(port).name("leg-throttling-relay").onOpen(link -> link.up((in, up) -> {
                for (String head = HttpHeads.read(in); head != null; head = HttpHeads.read(in)) {
                    byte[] body = in.readNBytes((int) HttpHeads.contentLength(head));
                    String text = new String(body, StandardCharsets.UTF_8);
                    String uid = text.lines().filter(l -> l.startsWith("UID:")).findFirst().orElse("");
                    String row = uid.startsWith("UID:la-") ? "la" : uid.startsWith("UID:lb-") ? "lb" : "";
                    if (head.startsWith("PUT ") && !row.isEmpty()) {
                        log.add(new Put(row, System.currentTimeMillis(), uid));
                        if (arrived.add(row)) {
                            both.countDown();
                            both.await(20, TimeUnit.SECONDS);
                            if (row.equals("la")) {
                                injected = System.currentTimeMillis();
                                link.toClient().write(("HTTP/1.1 429 Too Many Requests\r\nRetry-After: " + PAUSE / 1000
                                        + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                                continue;
                            }
                            for (long end = System.currentTimeMillis() + 20_000; injected == 0
                                    && System.currentTimeMillis() < end;) {
                                Thread.sleep(5);
                            }
                            Thread.sleep(500); // row A's client reads its answer before row B's PUT is answered
                            released = System.currentTimeMillis();
                        }
                    }
                    up.write(head.getBytes(StandardCharsets.ISO_8859_1));
                    up.write(body);
                }
            })).start();
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
