package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.Radicale;

/**
 * {@code migrate} and a batch row take the same path (issue 13): the same account pair and the same calendar
 * folder and contacts file, once through {@code mailmigrator migrate} (one run for the mail, one per leg, as
 * the command takes one kind of source at a time) and once as one batch row (mail, calendar leg, contacts leg),
 * into twin destinations (another mailbox of the same Dovecot, another Radicale). The sealed pass reports
 * ({@code migrate --report}'s {@code "pass"}, the row's {@code ID.pass.json}) say the same: folders, counts,
 * the message over the size limit, the malformed card, the outcome; timings are not in them.
 */
class SamePassTest {

    @Test
    void migrateAndABatchRowWriteTheSamePassReport(@TempDir Path dir) throws Exception {
        try (Dovecot mail = Dovecot.start(Dovecot.Layout.SLASH); Radicale cliDav = Radicale.start(dir.resolve("dav1"));
                Radicale rowDav = Radicale.start(dir.resolve("dav2"))) {
            Mailboxes.fill(mail, "p1", 9, 31, 40_000); // 9 messages, and one of 40 kB over the 20K limit below
            Path calendars = Files.createDirectories(dir.resolve("calendars"));
            Files.writeString(calendars.resolve("team.ics"), BatchPimTest.ICS);
            Path contacts = Files.writeString(dir.resolve("contacts.vcf"), BatchPimTest.VCF);
            Path pw = Files.writeString(dir.resolve("pw"), Dovecot.PASSWORD + "\n");
            Path davPw = Files.writeString(dir.resolve("davpw"), Radicale.PASSWORD + "\n");
            String imap = "imap://127.0.0.1:" + mail.imapPort();
            Path state = dir.resolve("cli-state");

            CliRun cliMail = CliRun.of("migrate", "--source", "imap://p1@127.0.0.1:" + mail.imapPort(), "--target",
                    "imap://p1cli@127.0.0.1:" + mail.imapPort(), "--allow-plaintext", "--max-size", "20K",
                    "--source-password-file", pw.toString(), "--target-password-file", pw.toString(), "--state",
                    state.toString(), "--report", dir.resolve("mail.json").toString());
            assertEquals(6, cliMail.code(), "the big message is skipped: " + cliMail);
            CliRun cliCal = pim(calendars, "caldav+http://alice@127.0.0.1:" + cliDav.port() + "/", davPw, state, dir, "cal");
            assertEquals(0, cliCal.code(), cliCal.toString());
            CliRun cliCards = pim(contacts, "carddav+http://alice@127.0.0.1:" + cliDav.port() + "/", davPw, state, dir, "cards");
            assertEquals(6, cliCards.code(), "the malformed card: " + cliCards);

            String rowTarget = "+http://alice@127.0.0.1:" + rowDav.port() + "/";
            Path csv = Files.writeString(dir.resolve("same.csv"), "source.server,source.login,source.password,"
                    + "destination.server,destination.login,destination.password,maxsize,calendar.source,calendar.target,"
                    + "calendar.password,contacts.source,contacts.target,contacts.password\n" + imap + ",p1,testpass," + imap
                    + ",p1row,testpass,20K," + calendars + ",caldav" + rowTarget + "," + Radicale.PASSWORD + "," + contacts
                    + ",carddav" + rowTarget + "," + Radicale.PASSWORD + "\n");
            Path ws = dir.resolve("ws");
            CliRun row = CliRun.of("batch", "run", csv.toString(), "--workspace", ws.toString(), "--allow-plaintext");
            assertEquals(6, row.code(), row.toString());

            String rowPass = compact(sealedReportOfTheRow(ws));
            String mailPass = compact(Json.member(Files.readString(dir.resolve("mail.json")), "pass"));
            String calPass = compact(Json.member(Files.readString(dir.resolve("cal.json")), "pass"));
            String cardsPass = compact(Json.member(Files.readString(dir.resolve("cards.json")), "pass"));

            // the skipped message is named by its string id, in the report's list and in the pass report alike
            String skippedList = compact(Json.member(Files.readString(dir.resolve("mail.json")), "skipped"));
            assertTrue(skippedList.matches("(?s).*\"id\":\"\\d+\".*") && !skippedList.contains("\"uid\""), skippedList);
            assertFalse(mailPass.contains("\"uid\""), mailPass);
            String mailPart = Json.member(mailPass, "mail");
            assertTrue(mailPart.contains("\"copied\":9") && mailPart.contains("big one of p1"), mailPart);
            assertEquals(mailPart, Json.member(rowPass, "mail"), "the mail pass, from migrate and from the row");
            List<String> rowLegs = Json.elements(Json.member(rowPass, "legs"));
            assertEquals(2, rowLegs.size(), rowPass);
            String calLeg = Json.elements(Json.member(calPass, "legs")).get(0);
            String cardsLeg = Json.elements(Json.member(cardsPass, "legs")).get(0);
            assertTrue(calLeg.contains("\"created\":3") && cardsLeg.contains("\"created\":2")
                    && cardsLeg.contains("contacts.vcf:15"), calLeg + "\n" + cardsLeg);
            // the targets differ only by the port of the twin Radicale
            assertEquals(calLeg.replace(":" + cliDav.port() + "/", ":PORT/"), rowLegs.get(0).replace(":" + rowDav.port() + "/", ":PORT/"));
            assertEquals(cardsLeg.replace(":" + cliDav.port() + "/", ":PORT/"), rowLegs.get(1).replace(":" + rowDav.port() + "/", ":PORT/"));
            assertEquals("\"items skipped\"", Json.member(mailPass, "outcome"));
            assertEquals(Json.member(mailPass, "outcome"), Json.member(rowPass, "outcome"), rowPass);
            assertEquals(Integer.parseInt(Json.member(mailPass, "skippedCount")) + Integer.parseInt(Json.member(cardsPass,
                    "skippedCount")), Integer.parseInt(Json.member(rowPass, "skippedCount")), rowPass);
            Mailboxes.assertSame(mail, "p1cli", "p1row");
        }
    }

    private static CliRun pim(Path source, String target, Path pw, Path state, Path dir, String report) {
        return CliRun.of("migrate", "--source", source.toString(), "--target", target, "--allow-plaintext",
                "--target-password-file", pw.toString(), "--state", state.toString(), "--report",
                dir.resolve(report + ".json").toString());
    }

    private static String sealedReportOfTheRow(Path ws) throws Exception {
        try (Stream<Path> files = Files.walk(ws.resolve("state"))) {
            List<Path> sealed = files.filter(p -> p.getFileName().toString().endsWith(".pass.json")).toList();
            assertEquals(1, sealed.size(), "one row, one sealed pass report: " + sealed);
            return Files.readString(sealed.get(0));
        }
    }

    /** The JSON without the line breaks and indentation of its pretty printing (no string holds a line break). */
    private static String compact(String json) {
        return json.replaceAll("\\n\\s*", "").replaceAll("\": ", "\":");
    }
}
