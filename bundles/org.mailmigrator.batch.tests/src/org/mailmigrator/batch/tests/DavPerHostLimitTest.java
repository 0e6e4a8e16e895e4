package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.Radicale;

/**
 * Per-host limits by the real host for calendar/contacts legs (issue 13): a batch's rows whose legs write into
 * one CalDAV server never have more requests in progress there than the batch's per-host limit (1 here),
 * while rows whose legs go to two host names run together. A real Radicale, behind a relay that counts the
 * requests it is working on per host name the client used ({@code 127.0.0.1} and {@code localhost} both reach
 * it); the limit counts hosts by name, as written. Three rows, three at a time, each with its own calendar;
 * and a row with mail and a leg on one host, whose leg fits the reservation its mail pass filled.
 */
class DavPerHostLimitTest {
    private static final long HOLD_MS = 3000;
    @TempDir
    static Path shared;
    private static Radicale dav;

    @BeforeAll
    static void start() throws Exception {
        dav = Radicale.start(shared.resolve("radicale"));
    }

    @AfterAll
    static void stop() {
        if (dav != null) {
            dav.close();
        }
    }

    @Test
    void legsIntoOneServerWaitForEachOther(@TempDir Path dir) throws Exception {
        try (RequestCountingRelay relay = new RequestCountingRelay(dav.port(), HOLD_MS)) {
            run(dir, relay, "one", "127.0.0.1", "127.0.0.1", "127.0.0.1");
            assertEquals(Map.of("127.0.0.1", 1), relay.maxPerHost(), "one request at a time into the one host");
        }
    }

    @Test
    void legsIntoTwoHostsRunTogether(@TempDir Path dir) throws Exception {
        try (RequestCountingRelay relay = new RequestCountingRelay(dav.port(), HOLD_MS)) {
            run(dir, relay, "two", "127.0.0.1", "localhost", "127.0.0.1");
            assertEquals(Map.of("127.0.0.1", 1, "localhost", 1), relay.maxPerHost(),
                    "one request at a time into each host");
            assertEquals(2, relay.maxAll(), "the two hosts were written at once");
        }
    }

    /**
     * A row with mail and a calendar leg, all on one host, at a per-host limit that the mail pass fills
     * exactly (two connections per IMAP session and side): the leg runs once the mail's sessions closed,
     * within the row's one reservation, and the row ends Synced (it does not wait for itself).
     */
    @Test
    void aMailRowsLegFitsItsOwnReservation(@TempDir Path dir) throws Exception {
        try (Dovecot mail = Dovecot.start(Dovecot.Layout.SLASH);
                RequestCountingRelay relay = new RequestCountingRelay(dav.port(), 0)) {
            Mailboxes.fill(mail, "p1", 4, 31, 0);
            Path calendars = Files.createDirectories(dir.resolve("calendars"));
            Files.writeString(calendars.resolve("mail-row.ics"), calendar("mail-row", 3));
            long before = count(".ics");
            String imap = "imap://127.0.0.1:" + mail.imapPort();
            Path file = Files.writeString(dir.resolve("mail.csv"), "source.server,source.login,source.password,"
                    + "destination.server,destination.login,destination.password,calendar.source,calendar.target,"
                    + "calendar.password\n" + imap + ",p1,testpass," + imap + ",p1new,testpass," + calendars
                    + ",caldav+http://" + Radicale.LOGIN + "@127.0.0.1:" + relay.port() + "/," + Radicale.PASSWORD + "\n");
            CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> CliRun.of("batch", "run",
                    file.toString(), "--workspace", dir.resolve("ws").toString(), "--allow-plaintext", "--per-host",
                    String.valueOf(2 * RunSettings.IMAP_CONNECTIONS_PER_SESSION), "--report",
                    dir.resolve("report").toString()));
            assertEquals(0, run.code(), run.toString());
            Mailboxes.assertSame(mail, "p1", "p1new");
            assertEquals(before + 3, count(".ics"), "the leg's events in Radicale's storage");
            assertEquals(Map.of("127.0.0.1", 1), relay.maxPerHost());
        }
    }

    /** One legs-only row per host, each with its own calendar of 4 events; every row ends Synced. */
    private static void run(Path dir, RequestCountingRelay relay, String tag, String... hosts) throws Exception {
        long before = count(".ics");
        StringBuilder csv = new StringBuilder("calendar.source,calendar.target,calendar.password\n");
        for (int row = 0; row < hosts.length; row++) {
            Path calendars = Files.createDirectories(dir.resolve("calendars-" + row));
            Files.writeString(calendars.resolve(tag + "-" + row + ".ics"), calendar(tag + "-" + row, 4));
            csv.append(calendars).append(",caldav+http://").append(Radicale.LOGIN).append('@').append(hosts[row])
                    .append(':').append(relay.port()).append("/,").append(Radicale.PASSWORD).append('\n');
        }
        Path file = Files.writeString(dir.resolve(tag + ".csv"), csv);
        CliRun run = CliRun.of("batch", "run", file.toString(), "--workspace", dir.resolve("ws").toString(),
                "--allow-plaintext", "--parallel", String.valueOf(hosts.length), "--per-host", "1", "--report",
                dir.resolve("report").toString());
        assertEquals(0, run.code(), run.toString());
        String summary = Files.readString(dir.resolve("report/summary.txt"));
        assertTrue(summary.contains(hosts.length + " Synced"), summary);
        assertEquals(before + 4L * hosts.length, count(".ics"), "every event of every row in Radicale's storage");
    }

    static String calendar(String name, int events) {
        StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//per-host test//EN\r\n"
                + "X-WR-CALNAME:" + name + "\r\n");
        for (int i = 0; i < events; i++) {
            ics.append("BEGIN:VEVENT\r\nUID:").append(name).append('-').append(i).append("@per-host.test\r\n")
                    .append("DTSTAMP:20260101T000000Z\r\nDTSTART:202603").append(String.format("%02d", i + 1))
                    .append("T090000Z\r\nDTEND:202603").append(String.format("%02d", i + 1))
                    .append("T100000Z\r\nSUMMARY:Meeting ").append(i).append("\r\nEND:VEVENT\r\n");
        }
        return ics.append("END:VCALENDAR\r\n").toString();
    }

    private static long count(String suffix) throws Exception {
        Path root = dav.storage().resolve("collection-root").resolve(Radicale.LOGIN);
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(suffix)
                    && !f.toString().contains("/.Radicale")).count();
        }
    }

}
