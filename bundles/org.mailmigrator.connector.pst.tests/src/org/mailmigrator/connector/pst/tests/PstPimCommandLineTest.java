package org.mailmigrator.connector.pst.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.cli.Cli;
import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.IntoDovecot;
import org.mailmigrator.testing.Radicale;

/**
 * An Outlook file's calendar and contacts through the product (java-libpst's {@code dist-list.pst}: a weekly
 * appointment, a contact, a distribution list, mail): {@code migrate --source FILE.pst} with a {@code caldav+} and a
 * {@code carddav+} target, and a native batch row whose source is the PST ({@code source.connector=pst},
 * {@code source.path}) with mail into a real Dovecot and calendar/contacts legs ({@code pst:PATH}) into a real
 * Radicale, both on loopback, one of each for the class. Second runs write nothing; a relative path in the CSV is a
 * problem naming its line and column.
 */
class PstPimCommandLineTest extends IntoDovecot {
    static Radicale radicale;
    @TempDir
    static Path servers;
    @TempDir
    Path tmp;

    @BeforeAll
    static void startRadicale() throws Exception {
        radicale = Radicale.start(servers.resolve("radicale"));
    }

    @AfterAll
    static void stopRadicale() {
        if (radicale != null) {
            radicale.close();
        }
    }

    @Test
    void migrateTakesThePstsCalendarAndContactsIntoCalDavAndCardDavAndASecondRunWritesNothing() throws Exception {
        Path pst = Files.copy(Samples.file("java-libpst/dist-list.pst"), tmp.resolve("archive.pst"));
        Path pw = Files.writeString(tmp.resolve("dav-pw"), Radicale.PASSWORD + "\n");
        String caldav = collections("cli");
        String carddav = caldav.replace("caldav+", "carddav+").replace("-cal/", "-card/");
        String[] calendar = cli("migrate", "--source", pst.toString(), "--target", caldav, "--allow-plaintext",
                "--target-password-file", pw.toString(), "--state", tmp.resolve("state").toString());
        assertEquals("0", calendar[2], calendar[0] + calendar[1]);
        assertTrue(calendar[0].contains("created 1, updated 0, unchanged 0, failed 0"), "the weekly appointment: " + calendar[0]);
        String[] contacts = cli("migrate", "--source", "pst:" + pst, "--target", carddav, "--allow-plaintext",
                "--target-password-file", pw.toString(), "--state", tmp.resolve("state").toString());
        assertEquals("6", contacts[2], "the distribution list is a listed failure: " + contacts[0] + contacts[1]);
        assertTrue(contacts[0].contains("created 1, updated 0, unchanged 0, failed 1"), contacts[0]);
        assertTrue(contacts[1].contains("archive.pst") && contacts[1].contains("distribution lists"), contacts[1]);

        List<String> stored = stored("cli");
        assertEquals(2, stored.size(), stored.toString());
        assertTrue(stored.stream().anyMatch(t -> t.contains("SUMMARY:Test appointment")
                && t.contains("DTSTART;TZID=America/Los_Angeles:20160802T080000") && t.contains("BEGIN:VTIMEZONE")), stored.toString());
        assertTrue(stored.stream().anyMatch(t -> t.contains("contact1@rjohnson.id.au")), stored.toString());

        calendar = cli("migrate", "--source", pst.toString(), "--target", caldav, "--allow-plaintext",
                "--target-password-file", pw.toString(), "--state", tmp.resolve("state").toString());
        assertTrue(calendar[0].contains("created 0, updated 0, unchanged 1, failed 0"), calendar[0] + calendar[1]);
        contacts = cli("migrate", "--source", "pst:" + pst, "--target", carddav, "--allow-plaintext",
                "--target-password-file", pw.toString(), "--state", tmp.resolve("state").toString());
        assertTrue(contacts[0].contains("created 0, updated 0, unchanged 1, failed 1"), contacts[0] + contacts[1]);
        assertEquals(stored, stored("cli"), "nothing written by the second runs");

        String[] mailOnly = cli("migrate", "--source", "mbox:" + Files.writeString(tmp.resolve("Inbox"), "From a@b Sat Jan  3 01:05:34 1996\n"
                + "Subject: x\n\nbody\n"), "--target", caldav, "--allow-plaintext", "--target-password-file", pw.toString(),
                "--state", tmp.resolve("state").toString());
        assertEquals("2", mailOnly[2], mailOnly[0] + mailOnly[1]);
        assertTrue(mailOnly[1].contains("holds mail only"), mailOnly[1]);
    }

    @Test
    void aBatchRowWithAPstSourceCopiesTheMailAndTheLegsAndASecondRunWritesNothing() throws Exception {
        Path pst = Files.copy(Samples.file("java-libpst/dist-list.pst"), tmp.resolve("alice.pst"));
        int messages = Samples.readpst(pst, tmp.resolve("readpst")).values().stream().mapToInt(List::size).sum();
        String imap = "imap://127.0.0.1:" + dovecot.imapPort();
        String caldav = collections("batch");
        String carddav = caldav.replace("caldav+", "carddav+").replace("-cal/", "-card/");
        Path file = tmp.resolve("pst.csv");
        Files.writeString(file, "source.connector,source.path,destination.server,destination.login,destination.password,"
                + "calendar.source,calendar.target,calendar.password,contacts.source,contacts.target,contacts.password\n"
                + "pst," + pst + "," + imap + ",pstbatch," + Dovecot.PASSWORD + ",pst:" + pst + "," + caldav + ","
                + Radicale.PASSWORD + ",pst:" + pst + "," + carddav + "," + Radicale.PASSWORD + "\n");
        Path ws = tmp.resolve("ws");
        String[] first = cli("batch", "run", file.toString(), "--workspace", ws.toString(), "--allow-plaintext", "--report",
                tmp.resolve("r1").toString());
        assertEquals("6", first[2], "the distribution list is a skipped item: " + first[0] + first[1]);
        String summary = Files.readString(tmp.resolve("r1/summary.txt"));
        assertTrue(summary.contains("calendar: created 1, updated 0, unchanged 0, failed 0; "
                + "contacts: created 1, updated 0, unchanged 0, failed 1"), summary);
        assertEquals(messages, mailOn("pstbatch"), "every message readpst writes, in Dovecot");
        List<String> stored = stored("batch");
        assertEquals(2, stored.size(), stored.toString());

        String[] second = cli("batch", "run", "pst", "--workspace", ws.toString(), "--allow-plaintext", "--delta", "--report",
                tmp.resolve("r2").toString());
        assertEquals("6", second[2], second[0] + second[1]);
        String again = Files.readString(tmp.resolve("r2/summary.txt"));
        assertTrue(again.contains("calendar: created 0, updated 0, unchanged 1, failed 0; "
                + "contacts: created 0, updated 0, unchanged 1, failed 1"), again);
        assertEquals(messages, mailOn("pstbatch"), "no message twice");
        assertEquals(stored, stored("batch"), "nothing written by the second run");

        Path bad = Files.writeString(tmp.resolve("bad.csv"), "source.connector,source.path,destination.server,destination.login,"
                + "destination.password\npst,archive/alice.pst," + imap + ",pstbad," + Dovecot.PASSWORD + "\n"
                + "pst," + tmp.resolve("gone.pst") + "," + imap + ",pstbad2," + Dovecot.PASSWORD + "\n");
        String[] refused = cli("batch", "import", bad.toString(), "--workspace", tmp.resolve("ws2").toString());
        assertEquals("1", refused[2], "nothing imported: " + refused[0] + refused[1]);
        assertTrue(refused[1].contains("line 2, column 2 (source.path): 'archive/alice.pst' must be an absolute path"), refused[1]);
        assertTrue(refused[1].contains("line 3, column 2 (source.path): '" + tmp.resolve("gone.pst") + "' does not exist"), refused[1]);
    }

    private static int mailOn(String user) throws Exception {
        Account a = new Account("imap", Map.of("host", Dovecot.HOST, "port", String.valueOf(dovecot.imapPort()), "security",
                "plain", "login", user), new CredentialRef(user));
        try (ConnectorSession d = new ImapConnector().open(a, Role.SOURCE, PstToDovecotTest.CTX)) {
            return Samples.ours(d.capability(MailStore.class).orElseThrow(), new ArrayList<>()).values().stream()
                    .mapToInt(List::size).sum();
        }
    }

    /**
     * A calendar {@code PREFIX-cal} and an address book {@code PREFIX-card} of alice's, made in Radicale's storage (each
     * test its own, the server shared): the caldav+ URL of the calendar.
     */
    private static String collections(String prefix) throws Exception {
        for (String[] c : new String[][] {{"-cal", "VCALENDAR"}, {"-card", "VADDRESSBOOK"}}) {
            Path dir = Files.createDirectories(radicale.storage().resolve("collection-root/" + Radicale.LOGIN + "/" + prefix + c[0]));
            Files.writeString(dir.resolve(".Radicale.props"), "{\"tag\": \"" + c[1] + "\"}");
        }
        return "caldav+http://" + Radicale.LOGIN + "@127.0.0.1:" + radicale.port() + "/" + Radicale.LOGIN + "/" + prefix + "-cal/";
    }

    /** The item files Radicale keeps in the collections of a test. */
    private static List<String> stored(String prefix) throws Exception {
        Path root = radicale.storage();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !p.toString().contains("/.Radicale") && p.toString().contains("/" + prefix + "-"))
                    .filter(p -> p.toString().endsWith(".ics") || p.toString().endsWith(".vcf")).sorted().map(p -> {
                        try {
                            return Files.readString(p, StandardCharsets.UTF_8);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
        }
    }

    private static String[] cli(String... args) {
        return run(Cli::run, args);
    }
}
