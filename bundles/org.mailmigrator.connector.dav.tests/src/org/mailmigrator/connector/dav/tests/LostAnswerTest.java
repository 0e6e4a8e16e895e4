package org.mailmigrator.connector.dav.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.mailmigrator.connector.ical.internal.IcsFolderReader;
import org.mailmigrator.core.pim.PimEntry;
import org.mailmigrator.core.pim.PimItem;
import org.mailmigrator.core.pim.PimWriter;
import org.mailmigrator.testing.HttpHeads;
import org.mailmigrator.testing.Radicale;
import org.mailmigrator.testing.Relay;

/**
 * An update ({@code PUT} with {@code If-Match}) that Radicale took but whose answer never reached the connector (the
 * connection closed after the request: a proxy timeout, a server restart): the connector sends it once more, Radicale
 * answers 412 (the ETag changed — by this very update), and the item counts as written instead of being reported as
 * "changed on the server since the last run". A real Radicale behind a relay that drops the first update's answer.
 */
class LostAnswerTest extends AgainstRadicale {

    @Test
    void anUpdateTheServerTookButWhoseAnswerWasLostIsNotAConflict() throws Exception {
        try (AnswerDropping relay = new AnswerDropping(server.port());
                var session = Pim.openDav(Pim.dav(server, Map.of("url", relay.relay.url("/"))), Radicale.PASSWORD)) {
            PimWriter writer = session.capability(PimWriter.class).orElseThrow();
            PimWriter.Written first = writer.write(event("Planning"), Optional.empty());
            PimWriter.Written second = writer.write(event("Planning (moved)"), Optional.of(first.stored()));
            List<String> updates = relay.requests.stream().filter(r -> r.startsWith("PUT") && r.contains("If-Match")).toList();
            assertEquals(2, updates.size(), "the update sent, its answer dropped, sent again: " + relay.requests);
            assertTrue(relay.dropped.get(), "the relay dropped the first update's answer");
            assertFalse(second.created());
            String path = URI.create(second.stored().resource()).getPath();
            var held = Pim.send(server, "GET", path, null, Map.of());
            assertTrue(held.body().contains("SUMMARY:Planning (moved)"), held.body());
            assertEquals(held.headers().firstValue("ETag").orElse("?"), second.stored().version(),
                    "the ETag kept is the server's current one");
        }
    }

    private PimItem event(String summary) throws Exception {
        Path ics = Files.writeString(dir.resolve("lost.ics"), "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//lost answer test//EN\r\n"
                + "BEGIN:VEVENT\r\nUID:lost-answer-1@dav.test\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260302T090000Z\r\n"
                + "DTEND:20260302T100000Z\r\nSUMMARY:" + summary + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        return ((PimEntry.Item) Pim.entries(new IcsFolderReader(ics, Optional.empty())).get(0)).item();
    }

    /**
     * Passes requests and answers (Radicale answers once per connection and closes), except the answer to the first
     * {@code PUT} with {@code If-Match}: that one is read from Radicale and thrown away, and the connection closed.
     * Every answer passed on says {@code Connection: close} (Radicale closes after it), so that no request goes onto a
     * connection already closed and the one retry the test counts is the one after the dropped answer.
     */
    private static final class AnswerDropping implements AutoCloseable {
        final Relay relay;
        final List<String> requests = new CopyOnWriteArrayList<>();
        final AtomicBoolean dropped = new AtomicBoolean();

        AnswerDropping(int port) throws IOException {
            relay = Relay.to(port).name("answer-dropping-relay").onOpen(link -> {
                AtomicBoolean drop = new AtomicBoolean();
                link.up((in, up) -> {
                    for (String head = HttpHeads.read(in); head != null; head = HttpHeads.read(in)) {
                        byte[] body = in.readNBytes((int) HttpHeads.contentLength(head));
                        requests.add(head.lines().findFirst().orElse("") + (head.contains("If-Match:") ? " If-Match" : ""));
                        if (head.startsWith("PUT ") && HttpHeads.header(head, "If-Match") != null && dropped.compareAndSet(false, true)) {
                            drop.set(true);
                        }
                        up.write(head.getBytes(StandardCharsets.ISO_8859_1));
                        up.write(body);
                    }
                }).down((in, client) -> {
                    byte[] answer = in.readAllBytes(); // up to Radicale's close after its one answer
                    int line = new String(answer, StandardCharsets.ISO_8859_1).indexOf("\r\n") + 2;
                    if (!drop.get() && line > 1) {
                        // said so: the client does not reuse a connection Radicale closes (HTTP/1.0 answers)
                        client.write(answer, 0, line);
                        client.write("Connection: close\r\n".getBytes(StandardCharsets.US_ASCII));
                        client.write(answer, line, answer.length - line);
                    }
                });
            }).start();
        }

        @Override
        public void close() throws IOException {
            relay.close();
        }
    }
}
