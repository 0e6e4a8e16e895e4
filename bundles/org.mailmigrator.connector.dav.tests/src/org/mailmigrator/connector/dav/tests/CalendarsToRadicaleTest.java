package org.mailmigrator.connector.dav.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.mailmigrator.core.pim.PimOutcome;
import org.mailmigrator.core.pim.PimReport;
import org.mailmigrator.testing.Radicale;

/** The ICS corpus into a real Radicale on loopback, read back and compared field by field; re-runs. */
class CalendarsToRadicaleTest extends AgainstRadicale {
    private static final List<String> VALID = List.of("allday-floating", "dst-recurrence", "overrides", "rdate-exdate",
            "tasks", "tzid-without-vtimezone", "windows-zones");


    @Test
    void everyEventAndTaskArrivesFieldByFieldAndASecondRunCreatesNothing() throws Exception {
        PimReport first = Pim.migrate(Corpus.dir("ics"), server, dir.resolve("state"));
        assertNull(first.failure());
        assertEquals(13, first.created(), first.outcomes().toString());
        for (String name : VALID) {
            String source = Files.readString(Corpus.file("ics", name + ".ics"), StandardCharsets.UTF_8);
            assertEquals(IcsFields.of(source), fieldsOf(Pim.readBack(server, "/alice/" + name + "/")), name);
        }
        // the overridden and cancelled occurrences travel in the master's resource
        String series = Pim.readBack(server, "/alice/overrides/").get("/alice/overrides/override-series@corpus.test.ics");
        assertEquals(3, series.split("BEGIN:VEVENT").length - 1, series);
        // Windows names became IANA zones with a VTIMEZONE; a bare IANA TZID got its VTIMEZONE
        String windows = String.join("", Pim.readBack(server, "/alice/windows-zones/").values());
        assertTrue(windows.contains("TZID:Europe/Paris") && windows.contains("TZID:America/New_York"), windows);
        assertTrue(!windows.contains("Romance Standard Time"), windows);
        assertTrue(String.join("", Pim.readBack(server, "/alice/tzid-without-vtimezone/").values()).contains("TZID:Asia/Tokyo"));

        PimReport second = Pim.migrate(Corpus.dir("ics"), server, dir.resolve("state"));
        assertEquals(0, second.created());
        assertEquals(0, second.updated());
        assertEquals(13, second.unchanged());
        assertEquals(13, countResources(), "a second run must not add resources");
    }

    @Test
    void malformedComponentsAreReportedWithLineAndUidAndTheOthersMigrate() throws Exception {
        PimReport report = Pim.migrate(Corpus.file("ics", "malformed.ics"), server, dir.resolve("state"));
        assertEquals(2, report.created());
        List<String> failures = report.failures().stream().map(PimOutcome.Failed::describe).toList();
        assertEquals(3, failures.size(), failures.toString());
        assertTrue(failures.get(0).contains("malformed.ics") && failures.get(0).contains("line 17")
                && failures.get(0).contains("no END:VEVENT"), failures.get(0));
        assertTrue(failures.get(1).contains("malformed.ics:11") && failures.get(1).contains("bad-date@corpus.test")
                && failures.get(1).contains("line 14, DTSTART"), failures.get(1));
        assertTrue(failures.get(2).contains("bad-zone@corpus.test") && failures.get(2).contains("Mars/Olympus_Mons"),
                failures.get(2));
        assertEquals(Map.of("good-1@corpus.test|", true, "good-2@corpus.test|", true),
                fieldsOf(Pim.readBack(server, "/alice/malformed/")).keySet().stream()
                        .collect(java.util.stream.Collectors.toMap(k -> k, k -> true)));
    }

    @Test
    void aChangedSourceItemIsUpdatedAndALostStateDuplicatesNothing() throws Exception {
        Path ics = Corpus.copy("ics", dir);
        Pim.migrate(ics, server, dir.resolve("state"));
        Path tasks = ics.resolve("tasks.ics");
        Files.writeString(tasks, Files.readString(tasks).replace("SUMMARY:File the tax return", "SUMMARY:File the tax return today"));
        PimReport changed = Pim.migrate(ics, server, dir.resolve("state"));
        assertEquals(1, changed.updated(), changed.outcomes().toString());
        assertEquals(12, changed.unchanged());
        assertTrue(Pim.readBack(server, "/alice/tasks/").get("/alice/tasks/task-1@corpus.test.ics")
                .contains("SUMMARY:File the tax return today"));

        PimReport fresh = Pim.migrate(ics, server, dir.resolve("other-state"));
        assertEquals(0, fresh.created(), "the server already holds every UID: " + fresh.outcomes());
        // what the server holds as it was sent is not rewritten; Radicale re-serialises the series with overrides
        // (vobject), so that one differs from the source text and is updated in place
        assertEquals(13, fresh.unchanged() + fresh.updated(), fresh.outcomes().toString());
        assertTrue(fresh.unchanged() >= 12, "the server holds this very content: nothing rewritten " + fresh.outcomes());
        assertEquals(13, countResources());
        Files.writeString(tasks, Files.readString(tasks).replace("SUMMARY:File the tax return today", "SUMMARY:File it"));
        PimReport lostAndChanged = Pim.migrate(ics, server, dir.resolve("third-state"));
        assertTrue(lostAndChanged.outcomes().stream().anyMatch(o -> o instanceof PimOutcome.Updated u
                && u.item().uid().equals("task-1@corpus.test")), lostAndChanged.outcomes().toString());
        assertTrue(lostAndChanged.notes().stream().anyMatch(n -> n.contains("task-1") && n.contains("already on the server")),
                lostAndChanged.notes().toString());
        assertEquals(0, lostAndChanged.created());
        assertEquals(13, countResources());
    }

    @Test
    void aGoogleExportFolderGivesOneCalendarPerFileNamedAfterItsCalendar() throws Exception {
        PimReport report = Pim.migrate(Corpus.dir("google"), server, dir.resolve("state"));
        assertEquals(2, report.created(), report.outcomes().toString());
        assertEquals(List.of("/alice/Work/g-work-1@google.com.ics"), List.copyOf(Pim.readBack(server, "/alice/Work/").keySet()));
        assertEquals(List.of("/alice/Family/g-family-1@google.com.ics"), List.copyOf(Pim.readBack(server, "/alice/Family/").keySet()));
    }

    @Test
    void theServerFindsTheOccurrenceAfterTheDstChangeAt0930Paris() throws Exception {
        Pim.migrate(Corpus.file("ics", "dst-recurrence.ics"), server, dir.resolve("state"));
        // 1 April 2026 09:30-10:30 in Paris (CEST) is 07:30-08:30 UTC; with the zone lost or fixed at +01:00 it
        // would be 08:30-09:30 UTC
        assertEquals(1, matches("20260401T073500Z", "20260401T074000Z"));
        assertEquals(0, matches("20260401T083500Z", "20260401T084000Z"));
        // before the change, 18 March 09:30-10:30 (CET) is 08:30-09:30 UTC
        assertEquals(1, matches("20260318T083500Z", "20260318T084000Z"));
        assertEquals(0, matches("20260318T073500Z", "20260318T074000Z"));
    }

    /** How many events Radicale finds in a time range: it expands the recurrence in the event's own zone. */
    private int matches(String start, String end) throws Exception {
        String query = "<?xml version=\"1.0\" encoding=\"utf-8\"?><C:calendar-query xmlns:D=\"DAV:\" "
                + "xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><D:prop><D:getetag/></D:prop><C:filter>"
                + "<C:comp-filter name=\"VCALENDAR\"><C:comp-filter name=\"VEVENT\"><C:time-range start=\"" + start
                + "\" end=\"" + end + "\"/></C:comp-filter></C:comp-filter></C:filter></C:calendar-query>";
        var r = Pim.send(server, "REPORT", "/alice/dst-recurrence/", query, Map.of("Depth", "1", "Content-Type", "application/xml"));
        assertEquals(207, r.statusCode(), r.body());
        return r.body().split("<response>", -1).length - 1;
    }

    @Test
    void anItemChangedOnTheServerSinceTheLastRunIsNotOverwritten() throws Exception {
        Path ics = Corpus.copy("ics", dir);
        Pim.migrate(ics, server, dir.resolve("state"));
        String href = "/alice/tasks/task-2@corpus.test.ics";
        String edited = Pim.readBack(server, "/alice/tasks/").get(href).replace("SUMMARY:Renew passport", "SUMMARY:Renew passport (edited on the server)");
        int put = Pim.send(server, "PUT", href, edited, Map.of("Content-Type", "text/calendar")).statusCode();
        assertTrue(put == 201 || put == 204, "PUT behind the connector's back: HTTP " + put);
        Path tasks = ics.resolve("tasks.ics");
        Files.writeString(tasks, Files.readString(tasks).replace("SUMMARY:Renew passport", "SUMMARY:Renew the passport"));
        PimReport run = Pim.migrate(ics, server, dir.resolve("state"));
        List<PimOutcome.Failed> conflicts = run.failures().stream().filter(f -> f.describe().contains("task-2@corpus.test")).toList();
        assertEquals(1, conflicts.size(), run.outcomes().toString());
        assertEquals(4, run.failures().size(), "the three malformed items of malformed.ics, and the conflict");
        assertTrue(conflicts.get(0).describe().contains("changed on the server since the last run"), conflicts.get(0).describe());
        assertTrue(Pim.readBack(server, "/alice/tasks/").get(href).contains("(edited on the server)"));
    }

    private long countResources() throws Exception {
        long n = 0;
        for (String name : VALID) {
            n += Pim.readBack(server, "/alice/" + name + "/").size();
        }
        return n + Pim.readBack(server, "/alice/malformed/").size();
    }

    private static Map<String, List<String>> fieldsOf(Map<String, String> resources) {
        Map<String, List<String>> all = new TreeMap<>();
        resources.values().forEach(body -> all.putAll(IcsFields.of(body)));
        return all;
    }
}
