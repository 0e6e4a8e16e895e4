package org.mailmigrator.connector.ews.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.mailmigrator.connector.dav.DavConnector;
import org.mailmigrator.connector.ews.EwsConnector;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.pim.PimEntry;
import org.mailmigrator.core.pim.PimItem;
import org.mailmigrator.core.pim.PimMigration;
import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.pim.PimReport;
import org.mailmigrator.core.pim.PimState;
import org.mailmigrator.core.pim.PimWriter;
import org.mailmigrator.core.pim.Stored;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.testing.PutCounter;
import org.mailmigrator.testing.Radicale;

import ezvcard.Ezvcard;

/**
 * Exchange as a calendar, task and contact source. The source is the EWS PROTOCOL FAKE (not Exchange: it serves the
 * GetItem answers of {@link ExchangePimCorpus}, shaped after Microsoft's examples; every request and every answer is
 * validated against messages.xsd/types.xsd); the destinations are a real Radicale (through a relay that notes every
 * PUT) and a second EWS protocol fake.
 */
class EwsPimSourceTest extends AgainstTheFake {
    private static final String IMPERSONATED = "alice@example.org";

    @Test
    void exchangeIntoRadicaleKeepsZoneSeriesExceptionsPhotoAndTaskThenWritesNothing() throws Exception {
        fake.checkResponses = true;
        ExchangePimCorpus.seed(fake.pim);
        fake.busyReads(1, 300);
        try (Radicale radicale = Radicale.start(Files.createDirectories(dir.resolve("radicale"))); PutCounter relay = new PutCounter(radicale.port())) {
            PimReport first = run(dav(relay), w -> w);
            assertNull(first.failure(), first.failure());
            assertEquals(List.of(), first.failures(), first.outcomes().toString());
            assertEquals(4, first.created(), first.outcomes().toString());
            assertEquals(List.of(), fake.violations, "every request and answer matches the EWS schema");
            assertTrue(fake.waitsAfterBusy.get(0) >= 300, "ErrorServerBusy's BackOffMilliseconds waited out: " + fake.waitsAfterBusy);
            assertEquals(4, relay.puts().size(), relay.puts().toString());

            Map<String, String> served = servedBy(radicale);
            String standup = served.get("standup-project-x");
            assertTrue(standup.contains("RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR;UNTIL=20260410T053000Z")
                    && standup.contains("DTSTART;TZID=Europe/Berlin:20260330T073000") && standup.contains("CLASS:PRIVATE")
                    && standup.contains("TRANSP:TRANSPARENT"), standup);
            assertTrue(relay.puts().stream().anyMatch(p -> p.contains("/Calendar-Project%20X/") || p.contains("/Calendar-Project X/")),
                    "a sub-folder is a calendar of its own: " + relay.puts());
            String event = served.get(ExchangePimCorpus.SERIES_UID);
            assertTrue(event.contains("BEGIN:VTIMEZONE") && event.contains("TZID:Europe/Berlin"), event);
            assertTrue(event.contains("DTSTART;TZID=Europe/Berlin:20260302T090000"), event);
            assertTrue(event.contains("RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO;COUNT=6"), event);
            assertTrue(event.contains("EXDATE;TZID=Europe/Berlin:20260316T090000"), "the deleted occurrence: " + event);
            assertTrue(event.contains("RECURRENCE-ID;TZID=Europe/Berlin:20260323T090000"), "the modified occurrence: " + event);
            assertTrue(event.contains("DTSTART;TZID=Europe/Berlin:20260323T110000") && event.contains("SUMMARY:Weekly planning (moved: board meeting)"), event);
            assertTrue(event.contains("ORGANIZER;CN=Alice Martin:mailto:alice@example.org"), event);
            assertTrue(event.contains("ATTENDEE;CN=Bob Klein;PARTSTAT=ACCEPTED;ROLE=REQ-PARTICIPANT:mailto:bob@example.org"), event);
            assertTrue(event.contains("PARTSTAT=TENTATIVE;ROLE=OPT-PARTICIPANT:mailto:chloe@example.net"), event);
            assertTrue(event.contains("TRIGGER:-PT15M") && event.contains("TRIGGER:-PT30M"), event);
            assertTrue(event.contains("CATEGORIES:Team,Planning\\, Q1"), event);
            assertFalse(event.contains("METHOD:"), "not a scheduling message: nothing is sent to the attendees");
            var card = Ezvcard.parse(served.values().stream().filter(t -> t.contains("BEGIN:VCARD")).findFirst().orElseThrow()).first();
            assertEquals("Ann Beebe", card.getFormattedName().getValue());
            assertArrayEquals(ExchangePimCorpus.picture(), card.getPhotos().get(0).getData(), "the contact picture");
            assertEquals("1984-05-17", card.getBirthday().getDate().toString());
            String task = served.values().stream().filter(t -> t.contains("BEGIN:VTODO")).findFirst().orElseThrow();
            assertTrue(task.contains("STATUS:IN-PROCESS") && task.contains("PERCENT-COMPLETE:50") && task.contains("DUE:20260320T000000Z")
                    && task.contains("PRIORITY:1"), task);

            int before = fake.operations.size();
            PimReport second = run(dav(relay), w -> w);
            assertEquals(0, second.created() + second.updated(), second.outcomes().toString());
            assertEquals(4, relay.puts().size(), "the second run wrote nothing: " + relay.puts());
            assertEquals(Set.of("GetFolder", "FindFolder", "SyncFolderItems"), Set.copyOf(fake.operations.subList(before, fake.operations.size())),
                    "nothing changed in Exchange: no item is read again");

            fake.pim.change(task(), ExchangePimCorpus.task().replace("<t:PercentComplete>50", "<t:PercentComplete>75"));
            fake.pim.itemsRead.clear();
            PimReport third = run(dav(relay), w -> w);
            assertEquals(1, third.updated(), third.outcomes().toString());
            assertEquals(List.of(task()), fake.pim.itemsRead, "only the changed task is read");
            assertEquals(5, relay.puts().size(), relay.puts().toString());
            assertTrue(servedBy(radicale).values().stream().anyMatch(t -> t.contains("PERCENT-COMPLETE:75")));
            assertEquals(List.of(), fake.violations);
        }
    }

    @Test
    void exchangeIntoExchangeWithImpersonationKeepsTheSameItemsThenWritesNothing() throws Exception {
        fake.checkResponses = true;
        ExchangePimCorpus.seed(fake.pim);
        try (EwsProtocolFake target = new EwsProtocolFake(EwsRun.LOGIN, EwsRun.PASSWORD)) {
            PimReport first = run(() -> EwsRun.open(target, EwsRun.PASSWORD), w -> w);
            assertNull(first.failure(), first.failure());
            assertEquals(List.of(), first.failures(), first.outcomes().toString());
            assertEquals(4, first.created(), first.outcomes().toString());
            assertEquals(List.of(), fake.violations);
            assertEquals(List.of(), target.violations, "every request to the destination matches the schema, none invites");
            assertEquals(Set.of(IMPERSONATED), Set.copyOf(fake.impersonated), "every source request impersonates the mailbox");

            FakeMailbox.Item series = target.mailbox.byUid(ExchangePimCorpus.SERIES_UID);
            assertEquals("W. Europe Standard Time", series.element("StartTimeZone").orElseThrow().getAttribute("Id"));
            assertEquals(Set.of(3), target.mailbox.deletedOccurrences.get(series.id()), "16 March, the third Monday");
            assertEquals("2026-03-23T10:00:00Z", Xml.text(target.mailbox.modifiedOccurrences.get(series.id()).get(4), "Start"));
            FakeMailbox.Item contact = target.mailbox.items("Contact").get(0);
            assertEquals("Beebe", contact.field("Surname"));
            assertArrayEquals(ExchangePimCorpus.picture(), target.mailbox.attachments.of(contact.id()).get(0).content());
            assertEquals("InProgress", target.mailbox.items("Task").get(0).field("Status"));

            int before = target.operations.size();
            PimReport second = run(() -> EwsRun.open(target, EwsRun.PASSWORD), w -> w);
            assertEquals(0, second.created() + second.updated(), second.outcomes().toString());
            assertEquals(List.of(), target.operations.subList(before, target.operations.size()).stream()
                    .filter(o -> o.startsWith("Create") || o.startsWith("Update") || o.startsWith("Delete")).toList());
        }
    }

    /** Where a crash stops the run: no clean-up code of the run handles it. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void aRunStoppedAfterAnyWriteResumesWithEveryItemOnceInRadicale() throws Exception {
        ExchangePimCorpus.seed(fake.pim);
        for (int at = 1; at <= 4; at++) {
            Path state = Files.createDirectories(dir.resolve("stop-" + at));
            try (Radicale radicale = Radicale.start(Files.createDirectories(dir.resolve("radicale-" + at)));
                    PutCounter relay = new PutCounter(radicale.port())) {
                int crashAt = at;
                AtomicInteger writes = new AtomicInteger();
                assertThrows(Crash.class, () -> run(dav(relay), state, w -> crashing(w, writes, crashAt)), "stopped at write " + at);
                assertEquals(at, relay.puts().size());
                PimReport resumed = run(dav(relay), state, w -> w);
                assertTrue(resumed.complete() && resumed.failures().isEmpty(), resumed.failure() + " " + resumed.failures());
                assertEquals(4, servedBy(radicale).size(), "every item in Radicale once (stopped at write " + at + ")");
                assertEquals(4, relay.puts().size(), "no item written twice (stopped at write " + at + "): " + relay.puts());
                PimReport again = run(dav(relay), state, w -> w);
                assertEquals(0, again.created() + again.updated(), again.outcomes().toString());
                assertEquals(4, relay.puts().size());
            }
        }
        assertEquals(List.of(), fake.violations);
    }

    /** The id of the seeded task. */
    private String task() {
        return fake.pim.ids().stream().filter(id -> fake.pim.kind(id).equals("Task")).findFirst().orElseThrow();
    }

    private static PimWriter crashing(PimWriter writer, AtomicInteger writes, int at) {
        return new PimWriter() {
            @Override
            public Written write(PimItem item, Optional<Stored> previous) throws ConnectorException {
                Written w = writer.write(item, previous);
                if (writes.incrementAndGet() == at) {
                    throw new Crash(); // the destination holds it; nothing recorded it
                }
                return w;
            }

            @Override
            public Held held(PimItem item, Optional<Stored> previous) throws ConnectorException {
                return writer.held(item, previous);
            }
        };
    }

    /** A destination session, opened per run. */
    interface Destination {
        ConnectorSession open() throws Exception;
    }

    private Destination dav(PutCounter relay) {
        Account dst = new Account("dav", Map.of("url", relay.url("/"), "login", Radicale.LOGIN, "create", "true", "allowPlaintext", "true"), null);
        return () -> new DavConnector().open(dst, Role.DESTINATION, ConnectContext.of(Secret.of(Radicale.PASSWORD)));
    }

    private PimReport run(Destination destination, UnaryOperator<PimWriter> wrap) throws Exception {
        return run(destination, dir.resolve("state"), wrap);
    }

    private PimReport run(Destination destination, Path state, UnaryOperator<PimWriter> wrap) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("syncState", state.resolve("exchange.sync").toString(), "impersonate", IMPERSONATED));
        Account src = EwsRun.ews(fake, settings);
        try (ConnectorSession in = new EwsConnector().open(src, Role.SOURCE, ConnectContext.of(Secret.of(EwsRun.PASSWORD)));
                ConnectorSession out = destination.open(); PimState st = PimState.openEmbedded(state, "pair")) {
            return new PimMigration(in.capability(PimReader.class).orElseThrow(), wrap.apply(out.capability(PimWriter.class).orElseThrow()),
                    st, EnumSet.allOf(ItemKind.class), null).run();
        }
    }

    /** What Radicale serves back, read as a CalDAV/CardDAV source: UID → text, lines unfolded. */
    static Map<String, String> servedBy(Radicale radicale) throws Exception {
        Account src = new Account("dav", Map.of("url", radicale.url(), "login", Radicale.LOGIN, "allowPlaintext", "true"), null);
        Map<String, String> out = new TreeMap<>();
        try (ConnectorSession in = new DavConnector().open(src, Role.SOURCE, ConnectContext.of(Secret.of(Radicale.PASSWORD)))) {
            in.capability(PimReader.class).orElseThrow().read(e -> {
                if (e instanceof PimEntry.Item i) {
                    out.put(i.item().uid(), i.item().text().replace("\r\n ", "").replace("\n ", ""));
                }
                return true;
            });
        }
        return out;
    }
}
