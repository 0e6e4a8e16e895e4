package org.mailmigrator.connector.ews.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mailmigrator.core.pim.PimReport;

/**
 * RDATEs into the EWS destination against {@link EwsProtocolFake}, a PROTOCOL FAKE (no Exchange server can
 * run in a test) that checks CreateItem/UpdateItem/DeleteItem shapes, SendToNone included. An Exchange series
 * cannot hold extra dates, so each RDATE becomes its own calendar item; these tests check what a user would
 * see in Outlook: the items, their times and zones, no duplicates on re-runs, a removed RDATE gone.
 */
class EwsRdateTest extends AgainstTheFake {
    private static final String STANDUP = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//test//EN\r
            BEGIN:VEVENT\r
            UID:standup@rdate.test\r
            DTSTAMP:20260101T000000Z\r
            DTSTART;TZID=Europe/Paris:20260601T093000\r
            DTEND;TZID=Europe/Paris:20260601T100000\r
            RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=4\r
            EXDATE;TZID=Europe/Paris:20260615T093000\r
            RDATES
            SUMMARY:Stand-up\r
            LOCATION:Room 4\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            UID:standup@rdate.test\r
            DTSTAMP:20260101T000000Z\r
            RECURRENCE-ID;TZID=Europe/Paris:20260608T093000\r
            DTSTART;TZID=Europe/Paris:20260608T110000\r
            DTEND;TZID=Europe/Paris:20260608T113000\r
            SUMMARY:Stand-up (late)\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            UID:standup@rdate.test\r
            DTSTAMP:20260101T000000Z\r
            RECURRENCE-ID;TZID=Europe/Paris:20260622T093000\r
            DTSTART;TZID=Europe/Paris:20260622T093000\r
            DTEND;TZID=Europe/Paris:20260622T100000\r
            STATUS:CANCELLED\r
            SUMMARY:Stand-up\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            UID:standup@rdate.test\r
            DTSTAMP:20260101T000000Z\r
            RECURRENCE-ID;TZID=Europe/Paris:20260611T143000\r
            DTSTART;TZID=Europe/Paris:20260611T160000\r
            DTEND;TZID=Europe/Paris:20260611T163000\r
            SUMMARY:Stand-up (extra, moved)\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            UID:visits@rdate.test\r
            DTSTAMP:20260101T000000Z\r
            DTSTART;VALUE=DATE:20260701\r
            DTEND;VALUE=DATE:20260702\r
            RDATE;VALUE=DATE:20260715,20260729\r
            SUMMARY:Site visit\r
            END:VEVENT\r
            END:VCALENDAR\r
            """;

    @Test
    void eachRdateIsASingleItemBesideTheSeriesWithItsOverrideAndReRunsNeitherDuplicateNorKeepARemovedDate() throws Exception {
        Path ics = dir.resolve("team.ics");
        Files.writeString(ics, STANDUP.replace("RDATES", "RDATE;TZID=Europe/Paris:20260604T143000,20260611T143000\r"));
        PimReport first = EwsRun.migrate(ics, fake, dir.resolve("state"));
        assertEquals(List.of(), fake.violations);
        assertEquals(2, first.created(), first.outcomes().toString());
        assertEquals(6, fake.mailbox.items("CalendarItem").size(), "two masters, two timed and two all-day RDATE items");

        FakeMailbox.Item series = fake.mailbox.byUid("standup@rdate.test");
        assertEquals(Set.of(3, 4), fake.mailbox.deletedOccurrences.get(series.id()), "EXDATE 15 June and cancelled 22 June");
        assertEquals("Stand-up (late)", Xml.text(fake.mailbox.modifiedOccurrences.get(series.id()).get(2), "Subject"));

        FakeMailbox.Item june4 = fake.mailbox.byUid("standup@rdate.test#RDATE#2026-06-04T12:30:00Z");
        assertEquals("Stand-up", june4.field("Subject"));
        assertEquals("Room 4", june4.field("Location"));
        assertEquals(Instant.parse("2026-06-04T12:30:00Z"), Instant.parse(june4.field("Start")));
        assertEquals(Instant.parse("2026-06-04T13:00:00Z"), Instant.parse(june4.field("End")), "the master's 30 minutes");
        assertEquals("Romance Standard Time", june4.element("StartTimeZone").orElseThrow().getAttribute("Id"));
        assertTrue(june4.element("Recurrence").isEmpty(), "a single item, not a series");
        assertEquals("standup@rdate.test", june4.property("MailMigratorSeries"));

        FakeMailbox.Item june11 = fake.mailbox.byUid("standup@rdate.test#RDATE#2026-06-11T12:30:00Z");
        assertEquals("Stand-up (extra, moved)", june11.field("Subject"), "the override of an RDATE applies to its item");
        assertEquals(Instant.parse("2026-06-11T14:00:00Z"), Instant.parse(june11.field("Start")));

        FakeMailbox.Item july15 = fake.mailbox.byUid("visits@rdate.test#RDATE#2026-07-15");
        assertEquals("true", july15.field("IsAllDayEvent"), "an all-day RDATE of an event without RRULE");
        assertEquals("Site visit", july15.field("Subject"));
        assertTrue(fake.mailbox.byUid("visits@rdate.test").element("Recurrence").isEmpty());
        assertTrue(first.notes().stream().anyMatch(n -> n.contains("RDATE") && n.contains("single calendar items")), first.notes().toString());

        PimReport lostState = EwsRun.migrate(ics, fake, dir.resolve("other-state"));
        assertEquals(0, lostState.created(), lostState.outcomes().toString());
        assertEquals(2, lostState.updated());
        assertEquals(6, fake.mailbox.items("CalendarItem").size(), "RDATE items found again by their derived UID, not duplicated");
        assertEquals(june11.id(), fake.mailbox.byUid("standup@rdate.test#RDATE#2026-06-11T12:30:00Z").id());

        Files.writeString(ics, STANDUP.replace("RDATES", "RDATE;TZID=Europe/Paris:20260611T143000\r"));
        PimReport changed = EwsRun.migrate(ics, fake, dir.resolve("state"));
        assertEquals(1, changed.updated(), changed.outcomes().toString());
        assertEquals(1, changed.unchanged());
        assertEquals(5, fake.mailbox.items("CalendarItem").size(), "the removed 4 June RDATE's item is deleted");
        assertTrue(fake.mailbox.items("CalendarItem").stream().noneMatch(i -> i.id().equals(june4.id())));
        assertEquals(june11.id(), fake.mailbox.byUid("standup@rdate.test#RDATE#2026-06-11T12:30:00Z").id(), "updated in place");
        assertEquals(List.of(), fake.violations);
    }
}
