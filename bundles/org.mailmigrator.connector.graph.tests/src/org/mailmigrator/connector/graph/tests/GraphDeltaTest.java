package org.mailmigrator.connector.graph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.connector.dav.DavConnector;
import org.mailmigrator.connector.graph.GraphConnector;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.pim.PimReport;
import org.mailmigrator.core.pim.PimState;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.testing.Radicale;

import net.minidev.json.JSONObject;

/**
 * Incremental Graph source passes through delta queries, against {@link GraphFake} (a <b>protocol fake</b> of Graph:
 * it checks the shape of every delta request and counts the items it answers) and a real Radicale: the first run
 * lists everything and keeps a deltaLink per collection in the sync state file; a second run with nothing changed
 * reads no item at all; after a contact is changed and an event added, a run reads those two items only; when Graph
 * no longer accepts the links (410 SyncStateNotFound), the run says so in the log and lists everything again,
 * finding it all unchanged at Radicale.
 */
class GraphDeltaTest {
    @TempDir
    Path dir;

    @Test
    void aSecondRunReadsOnlyWhatChangedAndAnExpiredLinkListsEverythingAgain() throws Exception {
        List<String> log = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                log.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger graphLog = Logger.getLogger("org.mailmigrator.connector.graph");
        graphLog.addHandler(capture);
        try (GraphFake fake = new GraphFake("alice@example.com", GraphPim.TOKEN::equals);
                Radicale radicale = Radicale.start(Files.createDirectories(dir.resolve("radicale")))) {
            GraphPim.fileToGraph(Data.file("weekly-berlin.ics"), fake, dir.resolve("fill"));
            GraphPim.fileToGraph(Data.file("contact.vcf"), fake, dir.resolve("fill"));
            fake.seed(GraphPim.documentedSeries(fake));
            String clients = fake.contactFolder("Clients", GraphFake.CONTACTS_FOLDER_ID); // a folder below the default one
            String adele = fake.contactIn(clients, Map.of("givenName", "Adele", "surname", "Vance", "displayName", "Adele Vance"));
            Path sync = dir.resolve("alice.graphsync");
            fake.itemReads.set(0); // the filling's look-ups by UID are not the source's reads

            PimReport first = graphToRadicale(fake, radicale, sync);
            assertEquals(5, first.created(), first.outcomes().toString());
            assertEquals(5, fake.itemReads.get(), "the first run lists every item once");
            Properties kept = new Properties();
            try (InputStream in = Files.newInputStream(sync)) {
                kept.load(in);
            }
            assertTrue(kept.getProperty("delta.calendar", "").contains("/calendarView/delta?$deltatoken="), kept.toString());
            assertTrue(kept.getProperty("delta.contacts." + GraphFake.CONTACTS_FOLDER_ID, "").contains("/contacts/delta?$deltatoken="),
                    kept.toString());
            assertTrue(kept.getProperty("delta.contacts." + clients, "").contains("/contactFolders/" + clients.replace("=", "%3D")
                    + "/contacts/delta?$deltatoken="), kept.toString());
            assertTrue(kept.getProperty("delta.tasks." + GraphFake.TASKS_ID, "").contains("/tasks/delta?$deltatoken="), kept.toString());

            fake.itemReads.set(0);
            PimReport nothing = graphToRadicale(fake, radicale, sync);
            assertEquals(0, fake.itemReads.get(), "nothing changed: no item is read " + fake.requests);
            assertEquals(0, nothing.created() + nothing.updated(), nothing.outcomes().toString());

            Path changed = dir.resolve("contact-changed.vcf"); // the contact's mobile number changed at the source
            Files.writeString(changed, Files.readString(Data.file("contact.vcf")).replace("0199", "0142"));
            GraphPim.fileToGraph(changed, fake, dir.resolve("change"));
            fake.seed(lunchNextWeek());
            synchronized (fake) { // renamed in Outlook, in the folder Clients
                fake.contacts.get(adele).put("displayName", "Adele Vance-Smith");
                fake.contacts.get(adele).put("surname", "Vance-Smith");
                fake.changed("contacts." + clients, adele);
            }
            fake.itemReads.set(0);
            PimReport changes = graphToRadicale(fake, radicale, sync);
            assertEquals(3, fake.itemReads.get(), "only the two changed contacts and the new event are read " + fake.requests);
            assertEquals(1, changes.created(), changes.outcomes().toString());
            assertEquals(2, changes.updated(), changes.outcomes().toString());
            assertEquals(List.of(), changes.failures());

            fake.expireDeltaTokens();
            fake.itemReads.set(0);
            PimReport again = graphToRadicale(fake, radicale, sync);
            assertTrue(log.stream().anyMatch(m -> m.contains("no longer accepts the delta link of calendar")
                    && m.contains("SyncStateNotFound") && m.contains("reading it whole")), log.toString());
            assertEquals(6, fake.itemReads.get(), "an expired link: everything listed again");
            assertEquals(6, again.unchanged(), again.outcomes().toString());
            assertEquals(0, again.created() + again.updated());
            assertEquals(List.of(), fake.violations);
        } finally {
            graphLog.removeHandler(capture);
        }
    }

    /** A single event next week, made in Outlook (the documented example without its recurrence). */
    private static JSONObject lunchNextWeek() throws Exception {
        JSONObject e = GraphFake.example("event-created.json");
        String day = LocalDate.now().plusDays(7).toString();
        e.put("id", GraphFake.newId());
        e.put("iCalUId", "040000008200E00074C5B7101A82E00800000000" + e.getAsString("id").substring(4, 20));
        e.put("type", "singleInstance");
        e.remove("recurrence");
        e.put("start", Map.of("dateTime", day + "T12:00:00.0000000", "timeZone", "Pacific Standard Time"));
        e.put("end", Map.of("dateTime", day + "T14:00:00.0000000", "timeZone", "Pacific Standard Time"));
        return e;
    }

    private PimReport graphToRadicale(GraphFake fake, Radicale radicale, Path sync) throws Exception {
        Account dav = new Account("dav", Map.of("url", radicale.url(), "login", Radicale.LOGIN, "create", "true",
                "allowPlaintext", "true"), null);
        try (ConnectorSession in = new GraphConnector().open(GraphPim.graph(fake, sync), Role.SOURCE, GraphPim.bearer(GraphPim.TOKEN));
                ConnectorSession out = new DavConnector().open(dav, Role.DESTINATION, ConnectContext.of(Secret.of(Radicale.PASSWORD)));
                PimState state = PimState.openEmbedded(dir.resolve("state"), "graph-radicale")) {
            return GraphPim.run(in, out, state);
        }
    }
}
