package org.mailmigrator.connector.graph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.core.pim.PimReport;

import net.minidev.json.JSONObject;

/**
 * ICS and VCF files → Microsoft Graph, against {@link GraphFake}, a <b>protocol fake</b> of Graph (not Exchange
 * Online): it refuses any request whose shape the Graph v1.0 reference does not allow and answers with Microsoft's
 * documented response examples. What is checked is what an administrator would look at in Outlook: the series in its
 * own time zone with its moved and deleted occurrences, the contact, the task, no invitation sent, nothing written
 * twice, and throttling waited out.
 */
class GraphDestinationTest {
    @TempDir
    Path dir;
    GraphFake fake;

    @BeforeEach
    void start() throws Exception {
        fake = new GraphFake("alice@example.com", GraphPim.TOKEN::equals);
    }

    @AfterEach
    void stop() throws Exception {
        fake.close();
    }

    @Test
    void aSeriesInBerlinTimeWithItsExceptionsAContactAndATaskArriveOnceWithoutInvitations() throws Exception {
        PimReport events = GraphPim.fileToGraph(Data.file("weekly-berlin.ics"), fake, dir.resolve("state"));
        PimReport cards = GraphPim.fileToGraph(Data.file("contact.vcf"), fake, dir.resolve("state"));
        assertEquals(List.of(), fake.violations, "every request had a shape Graph documents");
        assertEquals(2, events.created(), events.outcomes().toString());
        assertEquals(1, cards.created(), cards.outcomes().toString());

        assertEquals(1, fake.calendar.events.size());
        JSONObject series = fake.calendar.events.values().iterator().next();
        assertEquals("Weekly stand-up", series.get("subject"));
        assertEquals(Map.of("dateTime", "2025-01-06T09:00:00", "timeZone", "W. Europe Standard Time"), series.get("start"),
                "the original zone kept (Exchange's Windows name for Europe/Berlin)");
        Map<?, ?> recurrence = (Map<?, ?>) series.get("recurrence");
        assertEquals("weekly", ((Map<?, ?>) recurrence.get("pattern")).get("type"));
        assertEquals(List.of("monday"), ((Map<?, ?>) recurrence.get("pattern")).get("daysOfWeek"));
        assertEquals(6, ((Map<?, ?>) recurrence.get("range")).get("numberOfOccurrences"));
        assertEquals(0, fake.invitationsSent, "no attendee was given to Graph, so no meeting request went out");
        assertTrue(((Map<?, ?>) series.get("body")).get("content").toString().contains("Attendees: bob@example.com"),
                series.get("body").toString());
        assertTrue(events.notes().stream().anyMatch(n -> n.contains("not as Graph attendees")), events.notes().toString());

        List<JSONObject> instances = fake.calendar.instances(series.getAsString("id"), OffsetDateTime.parse("2025-01-01T00:00:00Z"),
                OffsetDateTime.parse("2025-03-01T00:00:00Z"));
        assertEquals(List.of("2025-01-06T08:00:00Z", "2025-01-13T08:00:00Z", "2025-01-20T08:00:00Z", "2025-02-03T08:00:00Z",
                "2025-02-10T08:00:00Z"), instances.stream().map(i -> i.getAsString("originalStart")).toList(),
                "six Mondays less the deleted 27 January");
        JSONObject moved = instances.get(1);
        assertEquals("exception", moved.get("type"));
        assertEquals("2025-01-13T13:00:00.0000000", ((Map<?, ?>) moved.get("start")).get("dateTime"), "14:00 in Berlin");
        assertEquals("Weekly stand-up (afternoon this once)", moved.get("subject"));

        JSONObject contact = fake.contacts.values().iterator().next();
        assertEquals("Pavel", contact.get("givenName"));
        assertEquals("Bansky", contact.get("surname"));
        assertEquals(List.of("+1 732 555 0102"), contact.get("businessPhones"));
        assertEquals("+1 732 555 0199", contact.get("mobilePhone"));
        JSONObject task = fake.tasks.values().iterator().next();
        assertEquals(GraphFake.TASKS_ID, task.get("parentList"), "the default To Do list");
        assertEquals("Send the quarterly report", task.get("title"));
        assertEquals("high", task.get("importance"));
        assertEquals(Map.of("dateTime", "2025-01-31T17:00:00", "timeZone", "W. Europe Standard Time"), task.get("dueDateTime"));

        int requests = fake.requests.size();
        PimReport again = GraphPim.fileToGraph(Data.file("weekly-berlin.ics"), fake, dir.resolve("state"));
        assertEquals(2, again.unchanged());
        assertEquals(0, again.created() + again.updated());
        assertEquals(List.of(), fake.requests.subList(requests, fake.requests.size()).stream()
                .filter(r -> !r.startsWith("GET")).toList(), "the second run writes nothing");

        PimReport withoutState = GraphPim.fileToGraph(Data.file("weekly-berlin.ics"), fake, dir.resolve("new-state"));
        assertEquals(0, withoutState.created(), "found by UID: " + withoutState.outcomes());
        assertEquals(1, fake.calendar.events.size(), "no second copy of the series");
        assertEquals(1, fake.tasks.size(), "no second copy of the task");
        assertEquals(List.of(), fake.violations);
    }

    @Test
    void aRuleGraphCannotExpressIsAListedFailureAndTheOtherEventArrives() throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("mixed.ics"), String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0",
                "PRODID:-//t//EN", "BEGIN:VEVENT", "UID:hourly@test", "DTSTAMP:20250101T000000Z", "DTSTART:20250106T090000Z",
                "DTEND:20250106T091000Z", "SUMMARY:every hour", "RRULE:FREQ=HOURLY;COUNT=3", "END:VEVENT", "BEGIN:VEVENT",
                "UID:lunch@test", "DTSTAMP:20250101T000000Z", "DTSTART;VALUE=DATE:20250107", "SUMMARY:all day", "END:VEVENT",
                "END:VCALENDAR", ""));
        PimReport r = GraphPim.fileToGraph(file, fake, dir.resolve("state"));
        assertEquals(1, r.created(), r.outcomes().toString());
        assertEquals(1, r.failures().size(), r.outcomes().toString());
        assertTrue(r.failures().get(0).what().contains("hourly@test")
                && r.failures().get(0).reason().contains("RRULE:FREQ=HOURLY;COUNT=3 has no Graph recurrence pattern"),
                r.failures().get(0).toString());
        JSONObject allDay = fake.calendar.events.values().iterator().next();
        assertEquals(Boolean.TRUE, allDay.get("isAllDay"));
        assertEquals(Map.of("dateTime", "2025-01-07T00:00:00", "timeZone", "UTC"), allDay.get("start"));
        assertEquals(List.of(), fake.violations);
    }

    @Test
    void throttlingIsWaitedOutForAsLongAsRetryAfterSaysAndNothingIsLost() throws Exception {
        fake.pageSize = 1; // the task list lookup pages too
        fake.throttle(2, 2);
        long before = System.nanoTime();
        PimReport r = GraphPim.fileToGraph(Data.file("weekly-berlin.ics"), fake, dir.resolve("state"));
        assertEquals(2, r.created(), r.outcomes().toString());
        assertEquals(List.of(), r.failures());
        assertEquals(2, fake.throttledAt.size(), "two answers 429");
        long firstAnswer = fake.answeredAt.stream().filter(t -> t > fake.throttledAt.get(1)).findFirst().orElseThrow();
        long waited = TimeUnit.NANOSECONDS.toMillis(firstAnswer - fake.throttledAt.get(1));
        assertTrue(waited >= 2000, "the request after a 429 with Retry-After: 2 came after " + waited + " ms");
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before) >= 4000, "two waits of 2 s");
        assertEquals(1, fake.calendar.events.size());
        assertEquals(1, fake.tasks.size());
        assertEquals(List.of(), fake.violations);
    }

    @Test
    void aTokenGraphRefusesStopsTheRunWithAMessageWithoutTheToken() throws Exception {
        try (GraphFake strict = new GraphFake("alice@example.com", t -> false)) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(org.mailmigrator.core.spi.ConnectorException.AccountFailure.class,
                    () -> new org.mailmigrator.connector.graph.GraphConnector().open(GraphPim.graph(strict),
                            org.mailmigrator.core.model.Role.DESTINATION, GraphPim.bearer(GraphPim.TOKEN)));
            assertTrue(e.getMessage().contains("refused the token") && e.getMessage().contains("InvalidAuthenticationToken"),
                    e.getMessage());
            assertTrue(!e.getMessage().contains(GraphPim.TOKEN));
        }
    }
}
