package org.mailmigrator.connector.graph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.connector.dav.DavConnector;
import org.mailmigrator.connector.graph.GraphConnector;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.pim.PimEntry;
import org.mailmigrator.core.pim.PimItem;
import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.pim.PimReport;
import org.mailmigrator.core.pim.PimState;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.testing.Radicale;

/**
 * Microsoft Graph → a real Radicale: the mailbox of {@link GraphFake} (a <b>protocol fake</b> of Graph, filled
 * through the connector's own writer) read page by page and written to Radicale; read back from Radicale, the series
 * is in Europe/Berlin again with its moved occurrence and its deleted one (EXDATE), a series made in Outlook (the
 * documented example, with attendees, organizer, a reminder and a category) keeps them as data, with the occurrence
 * deleted in Graph as EXDATE, and its small file attachment), the contact and the
 * task are there, and the contacts of two nested contact folders each in an address book of their own; a second run
 * writes nothing.
 */
class GraphSourceTest {
    @TempDir
    Path dir;

    @Test
    void aGraphMailboxMovesToRadicaleWithItsZoneAndItsMovedOccurrence() throws Exception {
        try (GraphFake fake = new GraphFake("alice@example.com", GraphPim.TOKEN::equals);
                Radicale radicale = Radicale.start(Files.createDirectories(dir.resolve("radicale")))) {
            fake.pageSize = 1; // every listing takes several pages
            GraphPim.fileToGraph(Data.file("weekly-berlin.ics"), fake, dir.resolve("fill"));
            GraphPim.fileToGraph(Data.file("contact.vcf"), fake, dir.resolve("fill"));
            fake.seed(GraphPim.documentedSeries(fake)); // made in Outlook: attendees, organizer, reminder, categories
            GraphPim.attach(fake, "AAMkADQwMD"); // ... and three attachments
            fake.photos.put(fake.contacts.keySet().iterator().next(), GraphPim.picture());
            // contact folders made in Outlook below the default one, one inside the other
            String clients = fake.contactFolder("Clients", GraphFake.CONTACTS_FOLDER_ID);
            fake.contactIn(clients, Map.of("givenName", "Adele", "surname", "Vance", "displayName", "Adele Vance",
                    "emailAddresses", List.of(Map.of("address", "AdeleV@contoso.onmicrosoft.com", "name", "Adele Vance"))));
            fake.contactIn(fake.contactFolder("Europe", clients), Map.of("givenName", "Megan", "surname", "Bowen",
                    "displayName", "Megan Bowen", "emailAddresses", List.of(Map.of("address", "MeganB@contoso.onmicrosoft.com"))));
            PimReport first = graphToRadicale(fake, radicale);
            assertEquals(6, first.created(), first.outcomes().toString());
            assertEquals(List.of(), first.failures());
            assertTrue(fake.requests.stream().anyMatch(r -> r.contains("/events")), fake.requests.toString());

            List<PimItem> back = read(radicale);
            PimItem event = back.stream().filter(i -> i.kind() == ItemKind.CALENDAR && i.uid().equals("weekly-standup@example.com"))
                    .findFirst().orElseThrow();
            assertEquals("weekly-standup@example.com", event.uid(), "the source UID the writer kept in Graph");
            String ics = event.text().replace("\r\n ", "");
            assertTrue(ics.contains("DTSTART;TZID=Europe/Berlin:20250106T090000"), ics);
            assertTrue(ics.contains("RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=6"), ics);
            assertTrue(ics.contains("RECURRENCE-ID;TZID=Europe/Berlin:20250113T090000"), ics);
            assertTrue(ics.contains("DTSTART;TZID=Europe/Berlin:20250113T140000"), ics);
            assertTrue(ics.contains("SUMMARY:Weekly stand-up (afternoon this once)"), ics);
            assertTrue(ics.contains("EXDATE;TZID=Europe/Berlin:20250127T090000"), "the deleted occurrence: " + ics);
            assertEquals(1, ics.split("EXDATE").length - 1, ics);

            PimItem lunch = back.stream().filter(i -> i.text().contains("Let's go for lunch")).findFirst().orElseThrow();
            String l = lunch.text().replace("\r\n ", "");
            assertEquals(GraphPim.DOCUMENTED_ICALUID, lunch.uid(), "Graph's iCalUId when the writer kept none");
            assertTrue(l.contains("DTSTART;TZID=America/Los_Angeles:20170904T120000"), l);
            assertTrue(l.contains("EXDATE;TZID=America/Los_Angeles:20171016T120000"), "the occurrence deleted in Graph: " + l);
            assertEquals(1, l.split("EXDATE").length - 1, "only the deleted occurrence is an EXDATE: " + l);
            assertTrue(l.contains("ORGANIZER;CN=Alex Wilber:mailto:AlexW@contoso.onmicrosoft.com"), l);
            String attendee = l.lines().filter(x -> x.startsWith("ATTENDEE")).findFirst().orElse(""); // parameters in any order
            assertTrue(attendee.contains(";CN=Adele Vance") && attendee.contains(";ROLE=REQ-PARTICIPANT")
                    && attendee.contains(";PARTSTAT=NEEDS-ACTION") && attendee.endsWith(":mailto:AdeleV@contoso.onmicrosoft.com"), l);
            assertTrue(l.contains("BEGIN:VALARM") && l.contains("TRIGGER:-PT15M"), "the 15 minutes' reminder: " + l);
            assertTrue(l.contains("CATEGORIES:Red category"), l);
            assertTrue(!l.contains("METHOD:"), "data, not an invitation: " + l);
            String attach = l.replace("\n", "").replace("\r", "");
            assertTrue(attach.contains("ATTACH;") && attach.contains("FMTTYPE=image/jpeg") && attach.contains("John_Doe.jpg")
                    && attach.contains(java.util.Base64.getEncoder().encodeToString(GraphPim.picture()).substring(0, 200)),
                    "the small file attachment, inline: " + l.substring(0, Math.min(l.length(), 3000)));
            assertEquals(1, l.split("ATTACH;").length - 1, "one file copied");
            assertTrue(first.notes().stream().anyMatch(n -> n.contains("'site-survey.pdf' (62914560 bytes) is larger than 50 MB:"
                    + " not copied")), first.notes().toString());
            assertTrue(first.notes().stream().anyMatch(n -> n.contains("'Holiday party' is an attached Outlook item: not copied")),
                    first.notes().toString());
            PimItem task = back.stream().filter(i -> i.kind() == ItemKind.TASKS).findFirst().orElseThrow();
            assertTrue(task.text().contains("SUMMARY:Send the quarterly report"), task.text());
            assertTrue(task.text().contains("PRIORITY:1"), task.text());
            PimItem card = back.stream().filter(i -> i.kind() == ItemKind.CONTACTS && i.text().contains("Pavel")).findFirst().orElseThrow();
            assertTrue(card.text().contains("FN:Pavel Bansky") && card.text().contains("pavelb@contoso.com"), card.text());
            org.junit.jupiter.api.Assertions.assertArrayEquals(GraphPim.picture(),
                    ezvcard.Ezvcard.parse(card.text()).first().getPhotos().get(0).getData(), "the contact's photo");

            // each contact folder is an address book of its own (a '/' in a path becomes '-' in Radicale's URL)
            Path home = radicale.storage().resolve("collection-root").resolve(Radicale.LOGIN);
            assertTrue(vcards(home.resolve("Clients")).contains("Adele Vance"), "the folder Clients");
            assertTrue(vcards(home.resolve("Clients-Europe")).contains("Megan Bowen"), "the folder Clients/Europe");
            assertEquals(1, vcards(home.resolve("Clients")).split("BEGIN:VCARD").length - 1, "only the folder's own contacts");

            PimReport second = graphToRadicale(fake, radicale);
            assertEquals(6, second.unchanged(), second.outcomes().toString());
            assertEquals(0, second.created() + second.updated());
            assertEquals(List.of(), fake.violations);
        }
    }

    private PimReport graphToRadicale(GraphFake fake, Radicale radicale) throws Exception {
        Account dav = new Account("dav", Map.of("url", radicale.url(), "login", Radicale.LOGIN, "create", "true",
                "allowPlaintext", "true"), null);
        try (ConnectorSession in = new GraphConnector().open(GraphPim.graph(fake), Role.SOURCE, GraphPim.bearer(GraphPim.TOKEN));
                ConnectorSession out = new DavConnector().open(dav, Role.DESTINATION, ConnectContext.of(Secret.of(Radicale.PASSWORD)));
                PimState state = PimState.openEmbedded(dir.resolve("state"), "graph-radicale")) {
            return GraphPim.run(in, out, state);
        }
    }

    /** Every vCard an address book of Radicale's storage holds, one after the other. */
    private static String vcards(Path collection) throws java.io.IOException {
        assertTrue(Files.isDirectory(collection), "no address book " + collection);
        try (var files = Files.list(collection)) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.filter(f -> f.toString().endsWith(".vcf")).sorted().toList()) {
                all.append(Files.readString(f));
            }
            return all.toString();
        }
    }

    private static List<PimItem> read(Radicale radicale) throws Exception {
        Account dav = new Account("dav", Map.of("url", radicale.url(), "login", Radicale.LOGIN, "allowPlaintext", "true"), null);
        List<PimItem> items = new ArrayList<>();
        try (ConnectorSession s = new DavConnector().open(dav, Role.SOURCE, ConnectContext.of(Secret.of(Radicale.PASSWORD)))) {
            s.capability(PimReader.class).orElseThrow().read(e -> {
                if (e instanceof PimEntry.Item i) {
                    items.add(i.item());
                }
                return true;
            });
        }
        return items;
    }
}
