package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.connector.dav.DavConnector;
import org.mailmigrator.connector.ical.IcalConnector;
import org.mailmigrator.connector.vcard.VcardConnector;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.pim.PimMigration;
import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.pim.PimReport;
import org.mailmigrator.core.pim.PimState;
import org.mailmigrator.core.pim.PimWriter;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.Radicale;

/**
 * One batch row carries one person's mail, calendars and contacts from the provider: the source is a Dovecot mailbox
 * and a Radicale account with the same login and password (as Google's or iCloud's IMAP and CalDAV/CardDAV are one
 * account), the destination a Dovecot mailbox and another Radicale. The row names the source calendars and contacts by
 * their DAV URL; nothing is exported by hand. Items are checked per UID in the destination Radicale's own storage. The
 * second run copies nothing; an event changed on the source is updated once by the third.
 */
class BatchDavSourceTest {
    static final String LOGIN = "alice";

    @Test
    void oneRowCarriesMailCalendarsAndContactsFromImapAndDav(@TempDir Path dir) throws Exception {
        try (Dovecot mail = Dovecot.start(Dovecot.Layout.SLASH);
                Radicale from = Radicale.start(dir.resolve("from"), LOGIN, Dovecot.PASSWORD);
                Radicale to = Radicale.start(dir.resolve("to"))) {
            Mailboxes.fill(mail, LOGIN, 6, 31, 0);
            seed(dir, from);
            assertEquals(Set.of("review@batch.test", "standup@batch.test", "report@batch.test"), uids(from, LOGIN, ".ics"));
            assertEquals(Set.of("ann@batch.test", "bob@batch.test"), uids(from, LOGIN, ".vcf"));

            String imap = "imap://127.0.0.1:" + mail.imapPort();
            String source = "+http://" + LOGIN + "@127.0.0.1:" + from.port() + "/";
            String target = "+http://" + Radicale.LOGIN + "@127.0.0.1:" + to.port() + "/";
            Path file = dir.resolve("people.csv");
            Files.writeString(file, "source.server,source.login,source.password,destination.server,destination.login,"
                    + "destination.password,calendar.source,calendar.target,calendar.password,contacts.source,"
                    + "contacts.target,contacts.password\n"
                    + imap + "," + LOGIN + "," + Dovecot.PASSWORD + "," + imap + ",alicenew," + Dovecot.PASSWORD
                    + ",caldav" + source + ",caldav" + target + "," + Radicale.PASSWORD
                    + ",carddav" + source + ",carddav" + target + "," + Radicale.PASSWORD + "\n");
            Path ws = dir.resolve("ws");

            CliRun first = CliRun.of("batch", "run", file.toString(), "--workspace", ws.toString(), "--allow-plaintext",
                    "--report", dir.resolve("r1").toString());
            assertEquals(0, first.code(), first.toString());
            Mailboxes.assertSame(mail, LOGIN, "alicenew");
            assertEquals(uids(from, LOGIN, ".ics"), uids(to, Radicale.LOGIN, ".ics"), "every event and task, by UID");
            assertEquals(uids(from, LOGIN, ".vcf"), uids(to, Radicale.LOGIN, ".vcf"), "every card, by UID");
            String summary = Files.readString(dir.resolve("r1/summary.txt"));
            assertTrue(summary.contains("calendar: created 3, updated 0, unchanged 0, failed 0; "
                    + "contacts: created 2, updated 0, unchanged 0, failed 0"), summary);

            CliRun second = CliRun.of("batch", "run", "people", "--workspace", ws.toString(), "--allow-plaintext", "--delta",
                    "--report", dir.resolve("r2").toString());
            assertEquals(0, second.code(), second.toString());
            String again = Files.readString(dir.resolve("r2/summary.txt"));
            assertTrue(again.contains("calendar: created 0, updated 0, unchanged 0, failed 0; "
                    + "contacts: created 0, updated 0, unchanged 0, failed 0"), "nothing read again, nothing copied: " + again);

            change(from, "standup@batch.test", "SUMMARY:Stand-up (moved)");
            CliRun third = CliRun.of("batch", "run", "people", "--workspace", ws.toString(), "--allow-plaintext", "--delta",
                    "--report", dir.resolve("r3").toString());
            assertEquals(0, third.code(), third.toString());
            String changed = Files.readString(dir.resolve("r3/summary.txt"));
            assertTrue(changed.contains("calendar: created 0, updated 1, unchanged 0, failed 0"), changed);
            assertTrue(storedText(to, Radicale.LOGIN, "standup@batch.test").contains("SUMMARY:Stand-up (moved)"));
            assertEquals(3, uids(to, Radicale.LOGIN, ".ics").size(), "updated in place, not copied twice");

            for (Path root : List.of(ws, dir.resolve("r1"), dir.resolve("r2"), dir.resolve("r3"))) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                        assertFalse(text.contains(Radicale.PASSWORD), "the DAV password is in " + f);
                    }
                }
            }
        }
    }

    /** The events, task and cards of the provider's account, put there with the file readers and the DAV writer. */
    private static void seed(Path dir, Radicale from) throws Exception {
        Path ics = Files.writeString(dir.resolve("Team.ics"), BatchPimTest.ICS);
        Path vcf = Files.writeString(dir.resolve("Friends.vcf"), BatchPimTest.VCF);
        for (Path f : List.of(ics, vcf)) {
            boolean card = f.toString().endsWith(".vcf");
            Account src = new Account(card ? "vcard" : "ical", Map.of("path", f.toString()), null);
            Account dst = new Account("dav", Map.of("url", from.url(), "login", LOGIN, "create", "true", "allowPlaintext", "true"), null);
            try (ConnectorSession in = (card ? new VcardConnector() : new IcalConnector()).open(src, Role.SOURCE, ConnectContext.of(null));
                    ConnectorSession out = new DavConnector().open(dst, Role.DESTINATION, ConnectContext.of(Secret.of(Dovecot.PASSWORD)));
                    PimState state = PimState.openEmbedded(dir.resolve("seed"), "seed")) {
                PimReport r = new PimMigration(in.capability(PimReader.class).orElseThrow(), out.capability(PimWriter.class)
                        .orElseThrow(), state, EnumSet.allOf(ItemKind.class), null).run();
                assertTrue(r.created() > 0, r.outcomes().toString());
            }
        }
    }

    /** The UIDs stored in a Radicale's own folder (independent of the connector under test). */
    private static Set<String> uids(Radicale dav, String login, String suffix) throws Exception {
        Set<String> out = new TreeSet<>();
        Path root = dav.storage().resolve("collection-root").resolve(login);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(suffix)
                    && !p.toString().contains("/.Radicale")).toList()) {
                Matcher m = Pattern.compile("(?m)^UID:(.+?)\\r?$").matcher(Files.readString(f));
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }

    private static String storedText(Radicale dav, String login, String uid) throws Exception {
        try (Stream<Path> files = Files.walk(dav.storage().resolve("collection-root").resolve(login))) {
            for (Path f : files.filter(p -> Files.isRegularFile(p) && !p.toString().contains("/.Radicale")).toList()) {
                String text = Files.readString(f);
                if (text.contains("UID:" + uid)) {
                    return text;
                }
            }
        }
        throw new AssertionError(uid + " is not stored");
    }

    /** Changes an event on the source server over HTTP, as its owner's calendar program would. */
    private static void change(Radicale dav, String uid, String summaryLine) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString((LOGIN + ":" + Dovecot.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Path stored;
        try (Stream<Path> files = Files.walk(dav.storage().resolve("collection-root").resolve(LOGIN))) {
            stored = files.filter(p -> Files.isRegularFile(p) && !p.toString().contains("/.Radicale") && p.toString().endsWith(".ics"))
                    .filter(p -> {
                        try {
                            return Files.readString(p).contains("UID:" + uid);
                        } catch (java.io.IOException e) {
                            return false;
                        }
                    }).findFirst().orElseThrow();
        }
        Path root = dav.storage().resolve("collection-root");
        URI uri = URI.create(dav.url()).resolve("/" + root.relativize(stored).toString().replace('\\', '/'));
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(uri).header("Authorization", auth).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, get.statusCode(), uri.toString());
        String body = get.body().replaceFirst("(?m)^SUMMARY:Stand-up\\r?$", summaryLine + "\r");
        // a client of its own: Radicale may have closed the GET's connection, and a PUT is not sent again on another
        // (seen once in CI: "HTTP/1.1 header parser received no bytes")
        HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> put = fresh.send(HttpRequest.newBuilder(uri).header("Authorization", auth)
                .header("Content-Type", "text/calendar; charset=utf-8").header("If-Match", get.headers().firstValue("ETag").orElseThrow())
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(2, put.statusCode() / 100, put.body());
    }
}
