package org.mailmigrator.connector.graph.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.connector.dav.DavConnector;
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
 * Into Microsoft 365 through Graph with the command line, as an administrator moves a person there: {@code migrate
 * --source caldav+… --target graph+…} and {@code carddav+… → graph+…} from a real <b>Radicale</b> into
 * {@link GraphFake}, a <b>protocol fake</b> of Graph v1.0 (Exchange Online has no open server): a weekly series with a
 * moved and a deleted occurrence, a task and a contact arrive, nobody is invited, and a second run of each command
 * writes nothing to Graph. An .ics event with a small file and a 4,000,000-byte one ({@code migrate --source FILE.ics
 * --target graph+…}): the small file goes in one request, the large one through an upload session in two ranges
 * (3,932,160 bytes, 12 × 320 KiB under 4 MB, then the rest), which the fake checks byte for byte, and the Graph source
 * reads it back whole by its {@code $value}. (That event does not pass through Radicale, whose parser takes ten
 * seconds and more over a file that size.) Mail into {@code graph+} is refused with the command that does it
 * (Exchange Online's IMAP), before anything is contacted.
 */
class GraphMigrateTest {
    private static final int LARGE = 4_000_000;
    private static final String UPN = "alice@contoso.com";
    @TempDir
    Path dir;

    @Test
    void calendarsTasksAndContactsMoveFromRadicaleIntoMicrosoft365AndASecondRunWritesNothing() throws Exception {
        try (GraphFake fake = new GraphFake(UPN, GraphPim.TOKEN::equals);
                Radicale radicale = Radicale.start(Files.createDirectories(dir.resolve("radicale")))) {
            fileToRadicale(Data.file("weekly-berlin.ics"), radicale);
            fileToRadicale(Data.file("contact.vcf"), radicale);
            Path token = Files.writeString(dir.resolve("graph.token"), GraphPim.TOKEN);
            Path davPassword = Files.writeString(dir.resolve("dav.pw"), Radicale.PASSWORD);
            String graph = "graph+http://alice%40contoso.com@" + fake.root().substring("http://".length());
            String dav = "+http://" + Radicale.LOGIN + "@127.0.0.1:" + radicale.port() + "/";
            List<String> calendars = migrate("caldav" + dav, graph, davPassword, token);

            String first = cli(calendars, 0);
            assertTrue(first.contains("created 2, updated 0, unchanged 0, failed 0"), first);
            assertEquals(1, fake.calendar.events.size(), "the series");
            assertEquals(1, fake.tasks.size(), "the task, in To Do");
            assertEquals(0, fake.invitationsSent, "nobody invited");
            int before = fake.requests.size();
            String again = cli(calendars, 0);
            assertTrue(again.contains("created 0, updated 0,") && again.contains("failed 0"), again);
            assertEquals(List.of(), writes(fake, before), "the second run writes nothing to Graph");

            List<String> contacts = migrate("carddav" + dav, graph, davPassword, token);
            String people = cli(contacts, 0);
            assertTrue(people.contains("created 1, updated 0, unchanged 0, failed 0"), people);
            assertEquals(List.of("Pavel Bansky"), fake.contacts.values().stream().map(c -> c.getAsString("displayName")).toList());
            before = fake.requests.size();
            String peopleAgain = cli(contacts, 0);
            assertTrue(peopleAgain.contains("created 0, updated 0,") && peopleAgain.contains("failed 0"), peopleAgain);
            assertEquals(List.of(), writes(fake, before), "the second contacts run writes nothing to Graph");
            assertEquals(List.of(), fake.violations);
        }
    }

    @Test
    void aFileOver3MbGoesThroughAnUploadSessionInRangesAndComesBackWhole() throws Exception {
        try (GraphFake fake = new GraphFake(UPN, GraphPim.TOKEN::equals)) {
            Path token = Files.writeString(dir.resolve("graph.token"), GraphPim.TOKEN);
            String graph = "graph+http://alice%40contoso.com@" + fake.root().substring("http://".length());
            List<String> args = List.of("migrate", "--source", siteVisit().toString(), "--target", graph, "--target-token-file",
                    token.toString(), "--allow-plaintext", "--state", dir.resolve("state").toString());
            String first = cli(args, 0);
            assertTrue(first.contains("created 1, updated 0, unchanged 0, failed 0"), first);
            JSONObject visit = fake.calendar.events.values().iterator().next();
            assertEquals("Site visit", visit.getAsString("subject"));
            List<JSONObject> files = fake.attachments.getOrDefault(visit.getAsString("id"), List.of());
            assertEquals(List.of("John_Doe.jpg", "site-survey.pdf"), files.stream().map(a -> a.getAsString("name")).sorted().toList());
            assertArrayEquals(GraphPim.picture(), bytes(fake, files, "John_Doe.jpg"), "the small file, in one request");
            assertArrayEquals(GraphPim.big(LARGE), bytes(fake, files, "site-survey.pdf"), "the large file, through the session");
            assertEquals(List.of("0-3932159/4000000 3932160", "3932160-3999999/4000000 67840"), fake.uploads.ranges,
                    "two PUTs: 12 × 320 KiB, then the rest");
            assertEquals(1, fake.requests.stream().filter(r -> r.startsWith("POST ") && r.endsWith("/attachments")).count(),
                    fake.requests.toString());
            assertEquals(List.of(), fake.violations);
            int before = fake.requests.size();
            String again = cli(args, 0);
            assertTrue(again.contains("created 0, updated 0, unchanged 1, failed 0"), again);
            assertEquals(List.of(), writes(fake, before), "the second run writes nothing to Graph");

            // Graph as a source gives the file back: over 3 MB, it is read by its $value
            String ics = readBack(fake).replace("\r\n ", "");
            String survey = ics.lines().filter(x -> x.startsWith("ATTACH;") && x.contains("site-survey.pdf")).findFirst().orElseThrow();
            assertArrayEquals(GraphPim.big(LARGE), Base64.getDecoder().decode(survey.substring(survey.lastIndexOf(':') + 1)),
                    "the file read back from Graph");
            assertTrue(fake.requests.stream().anyMatch(r -> r.startsWith("GET ") && r.endsWith("/$value")), fake.requests.toString());
        }
    }

    @Test
    void mailIntoGraphIsRefusedWithTheImapCommandThatMovesIt() throws Exception {
        try (GraphFake fake = new GraphFake(UPN, GraphPim.TOKEN::equals)) {
            String graph = "graph+http://alice%40contoso.com@" + fake.root().substring("http://".length());
            Path token = Files.writeString(dir.resolve("graph.token"), GraphPim.TOKEN);
            Path password = Files.writeString(dir.resolve("imap.pw"), "secret");
            for (String source : List.of("imap://alice@127.0.0.1:1143", "imaps://alice@imap.example.org")) { // Dovecot's kind of URL
                String said = cli(List.of("migrate", "--source", source, "--source-password-file", password.toString(),
                        "--target", graph, "--target-token-file", token.toString(), "--allow-plaintext",
                        "--state", dir.resolve("state").toString()), 2);
                assertTrue(said.contains("takes calendars, To Do tasks and contacts, not mail"), said);
                assertTrue(said.contains("--target imaps://alice%40contoso.com@outlook.office365.com --target-service-account"), said);
                assertTrue(said.contains("draft") && said.contains("4 MB"), "why: " + said);
            }
            assertEquals(List.of(), fake.requests, "refused before anything is contacted");
        }
    }

    /** An event in UTC with two files: the picture (small) and {@value #LARGE} bytes. */
    private Path siteVisit() throws Exception {
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Mail Migrator tests//site visit//EN",
                "BEGIN:VEVENT", "UID:site-visit-2025@example.com", "DTSTAMP:20250101T120000Z", "DTSTART:20250210T090000Z",
                "DTEND:20250210T110000Z", "SUMMARY:Site visit",
                "ATTACH;FMTTYPE=image/jpeg;ENCODING=BASE64;VALUE=BINARY;X-FILENAME=John_Doe.jpg:"
                        + Base64.getEncoder().encodeToString(GraphPim.picture()),
                "ATTACH;FMTTYPE=application/pdf;ENCODING=BASE64;VALUE=BINARY;X-FILENAME=site-survey.pdf:"
                        + Base64.getEncoder().encodeToString(GraphPim.big(LARGE)),
                "END:VEVENT", "END:VCALENDAR", "");
        return Files.writeString(dir.resolve("site-visit.ics"), ics);
    }

    /** The one event of the fake's mailbox, read through the Graph connector as a source. */
    private static String readBack(GraphFake fake) throws Exception {
        List<String> texts = new ArrayList<>();
        try (ConnectorSession s = new org.mailmigrator.connector.graph.GraphConnector().open(GraphPim.graph(fake), Role.SOURCE,
                GraphPim.bearer(GraphPim.TOKEN))) {
            s.capability(org.mailmigrator.core.pim.PimReader.class).orElseThrow().read(e -> {
                if (e instanceof org.mailmigrator.core.pim.PimEntry.Item i && i.item().text().contains("Site visit")) {
                    texts.add(i.item().text());
                }
                return true;
            });
        }
        assertEquals(1, texts.size(), "the site visit, read back");
        return texts.get(0);
    }

    private void fileToRadicale(Path file, Radicale radicale) throws Exception {
        Account dav = new Account("dav", Map.of("url", radicale.url(), "login", Radicale.LOGIN, "create", "true",
                "allowPlaintext", "true"), null);
        try (ConnectorSession in = GraphPim.fileSource(file);
                ConnectorSession out = new DavConnector().open(dav, Role.DESTINATION, ConnectContext.of(Secret.of(Radicale.PASSWORD)));
                PimState state = PimState.openEmbedded(dir.resolve("fill"), "fill-" + file.getFileName())) {
            PimReport r = GraphPim.run(in, out, state);
            assertEquals(List.of(), r.failures(), file + " into Radicale");
        }
    }

    private List<String> migrate(String source, String graph, Path davPassword, Path token) {
        return List.of("migrate", "--source", source, "--source-password-file", davPassword.toString(), "--target", graph,
                "--target-token-file", token.toString(), "--allow-plaintext", "--state", dir.resolve("state").toString());
    }

    private static byte[] bytes(GraphFake fake, List<JSONObject> files, String name) {
        return fake.uploads.bytes.get(files.stream().filter(a -> name.equals(a.getAsString("name"))).findFirst().orElseThrow()
                .getAsString("id"));
    }

    /** The requests after the first {@code from} that change something (anything but a GET). */
    private static List<String> writes(GraphFake fake, int from) {
        List<String> all;
        synchronized (fake.requests) {
            all = new ArrayList<>(fake.requests.subList(from, fake.requests.size()));
        }
        return all.stream().filter(r -> !r.startsWith("GET ")).toList();
    }

    private static String cli(List<String> args, int expected) {
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        int code = org.mailmigrator.cli.Cli.run(args.toArray(String[]::new), new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        String all = out + "\n" + err;
        assertEquals(expected, code, String.join(" ", args) + "\n" + all);
        return all;
    }
}
