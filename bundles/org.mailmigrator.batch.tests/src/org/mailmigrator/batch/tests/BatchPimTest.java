package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.Radicale;

/**
 * A native batch whose first row also carries a calendar folder and a contacts file for a real Radicale
 * (started here): the mail pass, then the calendar/contacts legs; a malformed card is a skipped item of the
 * migration; the second run ({@code --delta}) creates nothing. Items are counted in Radicale's own storage,
 * independent of the connector under test.
 */
class BatchPimTest {
    static final String ICS = """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//batch test//EN
            X-WR-CALNAME:Team
            BEGIN:VEVENT
            UID:standup@batch.test
            DTSTAMP:20260101T000000Z
            DTSTART:20260302T090000Z
            DTEND:20260302T091500Z
            RRULE:FREQ=WEEKLY;COUNT=10
            SUMMARY:Stand-up
            END:VEVENT
            BEGIN:VEVENT
            UID:review@batch.test
            DTSTAMP:20260101T000000Z
            DTSTART;VALUE=DATE:20260310
            DTEND;VALUE=DATE:20260311
            SUMMARY:Review day
            END:VEVENT
            BEGIN:VTODO
            UID:report@batch.test
            DTSTAMP:20260101T000000Z
            DUE:20260315T170000Z
            SUMMARY:Write the report
            END:VTODO
            END:VCALENDAR
            """.replace("\n", "\r\n");
    static final String VCF = """
            BEGIN:VCARD
            VERSION:3.0
            UID:ann@batch.test
            FN:Ann Example
            N:Example;Ann;;;
            EMAIL;TYPE=work:ann@example.org
            END:VCARD
            BEGIN:VCARD
            VERSION:3.0
            UID:bob@batch.test
            FN:Bob Example
            N:Example;Bob;;;
            TEL;TYPE=cell:+33 6 12 34 56 78
            END:VCARD
            BEGIN:VCARD
            VERSION:3.0
            NOTE:no name nor address at all
            END:VCARD
            """.replace("\n", "\r\n");

    @Test
    void mailThenCalendarAndContactsSecondRunCreatesNothing(@TempDir Path dir) throws Exception {
        try (Dovecot mail = Dovecot.start(Dovecot.Layout.SLASH); Radicale dav = Radicale.start(dir.resolve("radicale"))) {
            Mailboxes.fill(mail, "p1", 6, 21, 0);
            Mailboxes.fill(mail, "p2", 6, 22, 0);
            Path calendars = Files.createDirectories(dir.resolve("calendars"));
            Files.writeString(calendars.resolve("team.ics"), ICS);
            Path contacts = Files.writeString(dir.resolve("contacts.vcf"), VCF);
            String imap = "imap://127.0.0.1:" + mail.imapPort();
            String davUrl = "+http://" + Radicale.LOGIN + "@127.0.0.1:" + dav.port() + "/";
            Path file = dir.resolve("team.csv");
            Files.writeString(file, "source.server,source.login,source.password,destination.server,destination.login,"
                    + "destination.password,calendar.source,calendar.target,calendar.password,contacts.source,"
                    + "contacts.target,contacts.password\n"
                    + imap + ",p1,testpass," + imap + ",p1new,testpass," + calendars + ",caldav" + davUrl + ","
                    + Radicale.PASSWORD + "," + contacts + ",carddav" + davUrl + "," + Radicale.PASSWORD + "\n"
                    + imap + ",p2,testpass," + imap + ",p2new,testpass,,,,,,\n");
            Path ws = dir.resolve("ws");

            CliRun first = CliRun.of("batch", "run", file.toString(), "--workspace", ws.toString(), "--allow-plaintext",
                    "--report", dir.resolve("r1").toString());
            assertEquals(6, first.code(), "the malformed card is a skipped item: " + first);
            Mailboxes.assertSame(mail, "p1", "p1new");
            Mailboxes.assertSame(mail, "p2", "p2new");
            assertEquals(3, count(dav, ".ics"), "2 events and 1 task in Radicale's storage");
            assertEquals(2, count(dav, ".vcf"), "2 cards in Radicale's storage");
            String summary = Files.readString(dir.resolve("r1/summary.txt"));
            assertTrue(summary.contains("calendar/contacts: calendar: created 3, updated 0, unchanged 0, failed 0; "
                    + "contacts: created 2, updated 0, unchanged 0, failed 1"), summary);
            assertTrue(summary.contains("1 Synced with errors") && summary.contains("1 Synced"), summary);
            String skipped = Files.readString(dir.resolve("r1/skipped.csv"));
            assertTrue(skipped.contains("00002-p1,contacts,contacts.vcf:15") && skipped.contains("no name"), skipped);
            String csv = Files.readString(dir.resolve("r1/migrations.csv"));
            assertTrue(csv.contains("1 item(s) skipped (see the report)"), csv);

            CliRun second = CliRun.of("batch", "run", "team", "--workspace", ws.toString(), "--allow-plaintext", "--delta",
                    "--report", dir.resolve("r2").toString());
            assertEquals(6, second.code(), second.toString());
            String again = Files.readString(dir.resolve("r2/summary.txt"));
            assertTrue(again.contains("calendar: created 0, updated 0, unchanged 3, failed 0; "
                    + "contacts: created 0, updated 0, unchanged 2, failed 1"), again);
            assertEquals(3, count(dav, ".ics"), "nothing created by the second run");
            assertEquals(2, count(dav, ".vcf"), "nothing created by the second run");

            for (Path root : List.of(ws, dir.resolve("r1"), dir.resolve("r2"))) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                        assertFalse(text.contains(Radicale.PASSWORD), "the DAV password is in " + f);
                    }
                }
            }
        }
    }

    @Test
    void rowsWithLegsOnlyRunWithoutMail(@TempDir Path dir) throws Exception {
        try (Radicale dav = Radicale.start(dir.resolve("radicale"))) {
            Path calendars = Files.createDirectories(dir.resolve("calendars"));
            Files.writeString(calendars.resolve("team.ics"), ICS);
            Path contacts = Files.writeString(dir.resolve("contacts.vcf"), VCF);
            String davUrl = "+http://" + Radicale.LOGIN + "@127.0.0.1:" + dav.port() + "/";
            Path file = dir.resolve("pim.csv");
            Files.writeString(file, "calendar.source,calendar.target,calendar.password,contacts.source,contacts.target,"
                    + "contacts.password\n" + calendars + ",caldav" + davUrl + "," + Radicale.PASSWORD + ",,,\n"
                    + ",,," + contacts + ",carddav" + davUrl + "," + Radicale.PASSWORD + "\n");
            Path ws = dir.resolve("ws");
            CliRun first = CliRun.of("batch", "run", file.toString(), "--workspace", ws.toString(), "--allow-plaintext",
                    "--report", dir.resolve("r1").toString());
            assertEquals(6, first.code(), first.toString());
            assertEquals(3, count(dav, ".ics"));
            assertEquals(2, count(dav, ".vcf"));
            String summary = Files.readString(dir.resolve("r1/summary.txt"));
            assertTrue(summary.contains("1 Synced with errors, 1 Synced") || summary.contains("1 Synced, 1 Synced with errors"),
                    summary);
            assertTrue(summary.contains("calendar: created 3, updated 0, unchanged 0, failed 0\n"), summary);
            assertTrue(summary.contains("contacts: created 2, updated 0, unchanged 0, failed 1\n"), summary);
            assertTrue(first.out().contains("00002-alice") && first.out().contains("calendars")
                    && first.out().contains("alice@127.0.0.1"), first.out());

            CliRun second = CliRun.of("batch", "run", "pim", "--workspace", ws.toString(), "--allow-plaintext", "--delta",
                    "--report", dir.resolve("r2").toString());
            assertEquals(6, second.code(), second.toString());
            String again = Files.readString(dir.resolve("r2/summary.txt"));
            assertTrue(again.contains("calendar: created 0, updated 0, unchanged 3, failed 0")
                    && again.contains("contacts: created 0, updated 0, unchanged 2, failed 1"), again);
            assertEquals(3, count(dav, ".ics"), "nothing created by the second run");
            assertEquals(2, count(dav, ".vcf"), "nothing created by the second run");

            Path exported = dir.resolve("exported.csv");
            assertEquals(0, CliRun.of("batch", "export", "pim", exported.toString(), "--workspace", ws.toString()).code());
            List<String> lines = Files.readAllLines(exported);
            assertTrue(lines.get(0).endsWith("calendar.source,calendar.target,calendar.password,contacts.source,"
                    + "contacts.target,contacts.password"), lines.get(0));
            assertTrue(lines.get(1).matches("(\"\")?,+" + Pattern.quote(calendars + ",caldav" + davUrl) + ",,,,"), lines.get(1));
            assertTrue(lines.get(2).matches("(\"\")?,+" + Pattern.quote(contacts + ",carddav" + davUrl) + ","), lines.get(2));

            Path wrong = dir.resolve("wrong.csv");
            Files.writeString(wrong, "calendar.source,calendar.target,calendar.password\n" + calendars + ",caldav" + davUrl
                    + ",not-the-password\n");
            CliRun refused = CliRun.of("batch", "run", wrong.toString(), "--workspace", ws.toString(), "--allow-plaintext");
            assertEquals(8, refused.code(), refused.toString());
            assertTrue(refused.out().contains("Failed"), refused.out());
        }
    }

    @Test
    void badCalendarColumnsNameTheRowAndField(@TempDir Path dir) throws Exception {
        Path contacts = Files.writeString(dir.resolve("contacts.vcf"), VCF);
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "source.server,source.login,source.password,destination.server,destination.login,"
                + "destination.password,calendar.source,calendar.target,calendar.password,contacts.source,"
                + "contacts.target,contacts.password\n"
                + "imaps://a.example,u,pw,imaps://b.example,u,pw,cal/team.ics,caldav+https://u:pw@dav.example/,pw,"
                + contacts + ",caldav+https://u@dav.example/,\n");
        CliRun bad = CliRun.of("batch", "import", file.toString(), "--workspace", dir.resolve("ws").toString());
        assertEquals(1, bad.code(), bad.toString());
        assertTrue(bad.err().contains("bad.csv: line 2, column 7 (calendar.source): 'cal/team.ics' must be an absolute path"),
                bad.err());
        assertTrue(bad.err().contains("bad.csv: line 2, column 8 (calendar.target): do not put the password in the URL"),
                bad.err());
        // the schemes the installed connectors declare for contacts (here also the test connector's web+https)
        assertTrue(bad.err().contains("bad.csv: line 2, column 11 (contacts.target): 'caldav+https://u@dav.example/' must "
                + "start with carddav+https://, ews+https:// or web+https://"), bad.err());
        assertTrue(bad.err().contains("bad.csv: line 2, column 12 (contacts.password): the password is empty"), bad.err());
    }

    /** Item files Radicale stored for the test user, of one kind. */
    private static long count(Radicale dav, String suffix) throws Exception {
        Path root = dav.storage().resolve("collection-root").resolve(Radicale.LOGIN);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(suffix)
                    && !f.toString().contains("/.Radicale")).count();
        }
    }
}
