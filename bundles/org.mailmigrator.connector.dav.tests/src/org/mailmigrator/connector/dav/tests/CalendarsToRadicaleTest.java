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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.core.pim.PimOutcome;
import org.mailmigrator.core.pim.PimReport;

/** The ICS corpus into a real Radicale on loopback, read back and compared field by field; re-runs. */
class CalendarsToRadicaleTest {
    private static final List<String> VALID = List.of("allday-floating", "dst-recurrence", "overrides", "rdate-exdate",
            "tasks", "tzid-without-vtimezone", "windows-zones");

    @TempDir
    Path dir;
    Radicale server;

    @BeforeEach
    void start() throws Exception {
        server = Radicale.start(Files.createDirectories(dir.resolve("radicale")));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

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
        assertEquals(13, fresh.updated());
        assertTrue(fresh.notes().get(0).contains("already on the server"), fresh.notes().toString());
        assertEquals(13, countResources());
    }

    @Test
    void aGoogleExportFolderGivesOneCalendarPerFileNamedAfterItsCalendar() throws Exception {
        PimReport report = Pim.migrate(Corpus.dir("google"), server, dir.resolve("state"));
        assertEquals(2, report.created(), report.outcomes().toString());
        assertEquals(List.of("/alice/Work/g-work-1@google.com.ics"), List.copyOf(Pim.readBack(server, "/alice/Work/").keySet()));
        assertEquals(List.of("/alice/Family/g-family-1@google.com.ics"), List.copyOf(Pim.readBack(server, "/alice/Family/").keySet()));
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
