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
 * is in Europe/Berlin again with its moved occurrence, and the contact and the task are there; a second run writes
 * nothing.
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
            PimReport first = graphToRadicale(fake, radicale);
            assertEquals(3, first.created(), first.outcomes().toString());
            assertEquals(List.of(), first.failures());
            assertTrue(fake.requests.stream().anyMatch(r -> r.contains("/events")), fake.requests.toString());

            List<PimItem> back = read(radicale);
            PimItem event = back.stream().filter(i -> i.kind() == ItemKind.CALENDAR).findFirst().orElseThrow();
            assertEquals("weekly-standup@example.com", event.uid(), "the source UID the writer kept in Graph");
            String ics = event.text().replace("\r\n ", "");
            assertTrue(ics.contains("DTSTART;TZID=Europe/Berlin:20250106T090000"), ics);
            assertTrue(ics.contains("RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=6"), ics);
            assertTrue(ics.contains("RECURRENCE-ID;TZID=Europe/Berlin:20250113T090000"), ics);
            assertTrue(ics.contains("DTSTART;TZID=Europe/Berlin:20250113T140000"), ics);
            assertTrue(ics.contains("SUMMARY:Weekly stand-up (afternoon this once)"), ics);
            PimItem task = back.stream().filter(i -> i.kind() == ItemKind.TASKS).findFirst().orElseThrow();
            assertTrue(task.text().contains("SUMMARY:Send the quarterly report"), task.text());
            assertTrue(task.text().contains("PRIORITY:1"), task.text());
            PimItem card = back.stream().filter(i -> i.kind() == ItemKind.CONTACTS).findFirst().orElseThrow();
            assertTrue(card.text().contains("FN:Pavel Bansky") && card.text().contains("pavelb@contoso.com"), card.text());

            PimReport second = graphToRadicale(fake, radicale);
            assertEquals(3, second.unchanged(), second.outcomes().toString());
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
