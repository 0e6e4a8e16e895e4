package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.report.ErrorCauses;

/**
 * A name that does not resolve ({@code .invalid}, RFC 6761: never resolves) says "no such host HOST (DNS)", never
 * "refused"; a closed loopback port says refused, never "no such host": in {@code batch run}'s output, in
 * {@code batch status} (the table's Last error is the same stored text) and in the dashboard's causes.
 */
class HostMessagesTest {

    @Test
    void unknownHostIsDnsAndClosedPortIsRefused(@TempDir Path dir) throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();  // closed again below: nothing listens there
        }
        Path file = dir.resolve("hosts.txt");
        Files.writeString(file, "nosuch.invalid;u1;pw;127.0.0.1:" + closed + ";u1;pw;;\n"
                + "127.0.0.1:" + closed + ";u2;pw;127.0.0.1:" + closed + ";u2;pw;;\n");
        Path ws = dir.resolve("ws");
        CliRun run = CliRun.of("batch", "run", file.toString(), "--workspace", ws.toString(), "--allow-plaintext");
        CliRun status = CliRun.of("batch", "status", "hosts", "--workspace", ws.toString());
        assertEquals(0, status.code(), status.toString());
        String dnsLine = line(status.out(), "u1@nosuch.invalid");
        String refusedLine = line(status.out(), "u2@127.0.0.1");
        assertTrue(dnsLine.contains("no such host nosuch.invalid (DNS)"), dnsLine);
        assertFalse(dnsLine.toLowerCase().contains("refused"), dnsLine);
        assertTrue(refusedLine.toLowerCase().contains("refused"), refusedLine);
        assertFalse(refusedLine.contains("no such host"), refusedLine);
        assertFalse(run.out().contains("refused") && !run.out().contains("no such host"), run.toString());

        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("1", dnsLine.substring(dnsLine.indexOf("no such host")));
        errors.put("2", refusedLine.substring(refusedLine.indexOf("cannot connect")));
        var causes = ErrorCauses.group(errors);
        assertEquals(2, causes.size(), causes.toString());
        assertTrue(causes.stream().anyMatch(c -> c.name().equals("server not found") && c.rows().equals(java.util.List.of("1"))),
                causes.toString());
        assertTrue(causes.stream().anyMatch(c -> c.name().equals("cannot connect") && c.rows().equals(java.util.List.of("2"))),
                causes.toString());
    }

    /**
     * The calendar leg (CalDAV) and the contacts leg (EWS) of legs-only rows whose servers do not resolve: the same
     * words as the IMAP path, in {@code batch status} and in the dashboard's causes, never a Java class name.
     */
    @Test
    void unknownDavAndEwsHostsSayTheSame(@TempDir Path dir) throws Exception {
        Path calendars = Files.createDirectories(dir.resolve("calendars"));
        Files.writeString(calendars.resolve("team.ics"), BatchPimTest.ICS);
        Path contacts = Files.writeString(dir.resolve("contacts.vcf"), BatchPimTest.VCF);
        Path file = dir.resolve("legs.csv");
        Files.writeString(file, "calendar.source,calendar.target,calendar.password,contacts.source,contacts.target,"
                + "contacts.password\n" + calendars + ",caldav+https://u1@dav.nosuch.invalid/,pw,,,\n"
                + ",,," + contacts + ",ews+https://u2@ews.nosuch.invalid/EWS/Exchange.asmx,pw\n");
        Path ws = dir.resolve("ws");
        CliRun run = CliRun.of("batch", "run", file.toString(), "--workspace", ws.toString(), "--report",
                dir.resolve("r").toString());
        CliRun status = CliRun.of("batch", "status", "legs", "--workspace", ws.toString());
        assertEquals(0, status.code(), status.toString());
        // the table cuts a long last error (whole below the table): the host is in what it shows
        String dav = line(status.out(), "no such host dav.nosuch.invalid");
        String ews = line(status.out(), "no such host ews.nosuch.invalid");
        for (String l : java.util.List.of(dav, ews, run.out())) {
            assertFalse(l.contains("Exception") || l.contains("unknown host") || l.toLowerCase().contains("refused"), l);
        }
        // the whole stored text, in the report's migrations.csv
        String csv = Files.readString(dir.resolve("r/migrations.csv"));
        String davText = "no such host dav.nosuch.invalid (DNS) for u1@dav.nosuch.invalid:443: check the server name";
        String ewsText = "no such host ews.nosuch.invalid (DNS) for u2 at https://ews.nosuch.invalid/EWS/Exchange.asmx: "
                + "check the server name";
        assertTrue(csv.contains(davText) && csv.contains(ewsText), csv);

        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("1", davText);
        errors.put("2", ewsText);
        var causes = ErrorCauses.group(errors);
        assertEquals(1, causes.size(), causes.toString());
        assertEquals("server not found", causes.get(0).name(), causes.toString());
        assertEquals(java.util.List.of("1", "2"), causes.get(0).rows(), causes.toString());
    }

    private static String line(String out, String account) {
        return out.lines().filter(l -> l.contains(account)).findFirst()
                .orElseThrow(() -> new AssertionError("no row of " + account + " in:\n" + out));
    }
}
