package org.mailmigrator.connector.ews.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.cli.Cli;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.Radicale;

/**
 * Exchange's calendars, tasks and contacts from the command line: the EWS PROTOCOL FAKE (not Exchange; every request
 * and answer schema-checked) serving {@link ExchangePimCorpus}, into a real Radicale: {@code migrate --source
 * ews+http://LOGIN@HOST/EWS/Exchange.asmx --target caldav+…/carddav+…} twice, and a native batch row whose calendar and
 * contacts legs read the row's Exchange mailbox with its administrator login impersonating the mailbox.
 */
class EwsPimCommandLineTest extends ExchangeIntoDovecot {
    @TempDir
    Path dir;

    @Test
    void migrateReadsExchangesCalendarsAndContactsIntoRadicaleThenNothing() throws Exception {
        ExchangePimCorpus.seed(fake.pim);
        Path src = Files.writeString(dir.resolve("src-pw"), EwsRun.PASSWORD + "\n");
        Path dst = Files.writeString(dir.resolve("dst-pw"), Radicale.PASSWORD + "\n");
        String source = "ews+" + fake.url().replace("http://", "http://alice%40example.org@");
        try (Radicale radicale = Radicale.start(Files.createDirectories(dir.resolve("radicale")))) {
            String dav = radicale.url().replace("http://", "http://" + Radicale.LOGIN + "@");
            for (int run = 0; run < 2; run++) {
                for (String target : List.of("caldav+" + dav, "carddav+" + dav)) {
                    String[] out = cli("migrate", "--source", source, "--target", target, "--allow-plaintext", "--source-password-file",
                            src.toString(), "--target-password-file", dst.toString(), "--state", dir.resolve("state").toString());
                    assertEquals("0", out[2], out[0] + out[1]);
                    int expected = run > 0 ? 0 : target.startsWith("caldav") ? 3 : 1; // events and task; contact
                    assertTrue(out[0].startsWith("created " + expected + ", updated 0"), target + ": " + out[0]);
                }
            }
            Map<String, String> served = EwsPimSourceTest.servedBy(radicale);
            assertEquals(4, served.size(), served.keySet().toString());
            assertTrue(served.get(ExchangePimCorpus.SERIES_UID).contains("EXDATE;TZID=Europe/Berlin:20260316T090000"));
        }
        assertEquals(List.of(), fake.violations);
    }

    /** Exchange to Exchange from the command line: {@code --calendars-contacts} moves both legs in one run, then nothing. */
    @Test
    void migrateExchangeToExchangeWithCalendarsContactsMovesEveryItemThenNothing() throws Exception {
        fake.checkResponses = true;
        ExchangePimCorpus.seed(fake.pim);
        try (EwsProtocolFake target = new EwsProtocolFake(EwsRun.LOGIN, EwsRun.PASSWORD)) {
            Path pw = Files.writeString(dir.resolve("pw"), EwsRun.PASSWORD + "\n");
            for (int run = 0; run < 2; run++) {
                int before = target.operations.size();
                String[] out = cli("migrate", "--source", "ews+" + fake.url().replace("http://", "http://alice%40example.org@"),
                        "--target", "ews+" + target.url().replace("http://", "http://alice%40example.org@"), "--calendars-contacts",
                        "--allow-plaintext", "--source-password-file", pw.toString(), "--target-password-file", pw.toString(),
                        "--state", dir.resolve("state").toString());
                assertEquals("0", out[2], out[0] + out[1]);
                assertTrue(out[0].startsWith("created " + (run == 0 ? 4 : 0) + ", updated 0"), out[0]);
                if (run > 0) {
                    assertEquals(List.of(), target.operations.subList(before, target.operations.size()).stream()
                            .filter(o -> o.startsWith("Create") || o.startsWith("Update") || o.startsWith("Delete")).toList(),
                            "a second run writes nothing");
                }
            }
            assertEquals(1, target.mailbox.items("Contact").size());
            assertEquals(1, target.mailbox.items("Task").size());
            assertTrue(target.mailbox.byUid(ExchangePimCorpus.SERIES_UID) != null, "the series");
            assertEquals(List.of(), target.violations);
        }
        assertEquals(List.of(), fake.violations);
        String[] wrong = cli("migrate", "--source", "ews+" + fake.url(), "--target", "imap://x@127.0.0.1:1", "--calendars-contacts");
        assertEquals("2", wrong[2], wrong[0] + wrong[1]);
        assertTrue(wrong[1].contains("--calendars-contacts is for an Exchange source and target"), wrong[1]);
    }

    @Test
    void aBatchRowsLegsReadItsExchangeMailboxImpersonated() throws Exception {
        ExchangePimCorpus.seed(fake.pim);
        try (Radicale radicale = Radicale.start(Files.createDirectories(dir.resolve("radicale")))) {
            String dav = radicale.url().replace("http://", "http://" + Radicale.LOGIN + "@");
            String ews = "ews+" + fake.url().replace("http://", "http://alice%40example.org@");
            Path file = Files.writeString(dir.resolve("rows.csv"), "source.connector,source.server,source.login,source.password,"
                    + "source.impersonate,destination.server,destination.login,destination.password,calendar.source,calendar.target,"
                    + "calendar.password,contacts.source,contacts.target,contacts.password\news," + fake.url() + "," + EwsRun.LOGIN + ","
                    + EwsRun.PASSWORD + ",bob@example.org,imap://127.0.0.1:" + dovecot.imapPort() + ",pim-row," + Dovecot.PASSWORD + ","
                    + ews + ",caldav+" + dav + "," + Radicale.PASSWORD + "," + ews + ",carddav+" + dav + "," + Radicale.PASSWORD + "\n");
            for (int run = 0; run < 2; run++) {
                String[] out = cli("batch", "run", file.toString(), "--workspace", dir.resolve("ws").toString(), "--allow-plaintext");
                assertEquals("0", out[2], out[0] + out[1]);
            }
            assertEquals(4, EwsPimSourceTest.servedBy(radicale).size());
        }
        assertEquals(Set.of("bob@example.org"), Set.copyOf(fake.impersonated), "every request acts for the row's mailbox");
        assertEquals(List.of(), fake.violations);
    }

    private static String[] cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] { out.toString(), err.toString(), String.valueOf(code) };
    }
}
