package org.mailmigrator.connector.dav.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.cli.Cli;
import org.mailmigrator.testing.Radicale;
import org.mailmigrator.testing.Xandikos;

/**
 * {@code mailmigrator migrate --source caldav+http://LOGIN@HOST/ --target caldav+http://...}: every calendar of a real
 * Radicale account into a real Xandikos. A member the source server holds but that cannot be read (a time zone nobody
 * knows) is a listed skip with its calendar, resource and reason, the others go on; it is read again by every run
 * while the rest is not. A wrong source password exits with the authentication code; an account without calendars
 * is a listed skip, not an empty success.
 */
class DavSourceCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void everyCalendarOfTheAccountTheUnreadableOneListedTheSecondRunReadsOnlyIt() throws Exception {
        try (Radicale radicale = Radicale.start(dir.resolve("radicale")); Xandikos xandikos = Xandikos.start(dir.resolve("xandikos"))) {
            Path emptyPw = Files.writeString(dir.resolve("empty-pw"), Radicale.PASSWORD + "\n");
            Run empty = cli("migrate", "--source", "caldav+http://alice@127.0.0.1:" + radicale.port() + "/", "--target",
                    "caldav+http://" + Xandikos.LOGIN + "@127.0.0.1:" + xandikos.port() + "/user/", "--allow-plaintext",
                    "--source-password-file", emptyPw.toString(), "--target-password-file", emptyPw.toString(),
                    "--state", dir.resolve("state-empty").toString());
            assertEquals(6, empty.code(), "an account without calendars is said, never an empty success: " + empty);
            assertTrue(empty.err().contains("holds no calendar"), empty.err());

            Pim.migrate(Corpus.file("ics", "tasks.ics"), radicale, dir.resolve("seed"));
            Pim.migrate(Corpus.file("ics", "overrides.ics"), radicale, dir.resolve("seed"));
            String mars = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN", "BEGIN:VEVENT", "UID:mars@test",
                    "DTSTAMP:20240101T000000Z", "DTSTART;TZID=Mars/Olympus:20240101T100000", "SUMMARY:on Mars", "END:VEVENT",
                    "END:VCALENDAR", "");
            assertEquals(201, Pim.send(radicale, "PUT", "/alice/tasks/mars.ics", mars, Map.of("Content-Type", "text/calendar")).statusCode(),
                    "the source server holds an event with an unknown time zone");

            Path sourcePw = Files.writeString(dir.resolve("source-pw"), Radicale.PASSWORD + "\n");
            Path targetPw = Files.writeString(dir.resolve("target-pw"), Xandikos.PASSWORD + "\n");
            String[] args = { "migrate", "--source", "caldav+http://alice@127.0.0.1:" + radicale.port() + "/", "--target",
                    "caldav+http://" + Xandikos.LOGIN + "@127.0.0.1:" + xandikos.port() + "/user/", "--allow-plaintext",
                    "--source-password-file", sourcePw.toString(), "--target-password-file", targetPw.toString(),
                    "--state", dir.resolve("state").toString() };
            Run first = cli(args);
            assertEquals(6, first.code(), "a skipped item makes exit code 6: " + first);
            assertTrue(first.out().contains("created 4, updated 0, unchanged 0, failed 1"), first.out());
            assertTrue(first.err().contains("tasks/mars.ics") && first.err().contains("Mars/Olympus"), first.err());

            Run second = cli(args);
            assertEquals(6, second.code(), second.toString());
            assertTrue(second.out().contains("created 0, updated 0, unchanged 0, failed 1"),
                    "only the unreadable member is read again, and listed again: " + second.out());

            Path wrong = Files.writeString(dir.resolve("wrong"), "nope\n");
            args[7] = wrong.toString(); // the source password
            Run refused = cli(args);
            assertEquals(4, refused.code(), refused.toString());
            assertTrue(refused.err().contains("refused the login 'alice'"), refused.err());
            assertFalse(refused.err().contains(Radicale.PASSWORD) || first.out().contains(Radicale.PASSWORD));
        }
    }
}
