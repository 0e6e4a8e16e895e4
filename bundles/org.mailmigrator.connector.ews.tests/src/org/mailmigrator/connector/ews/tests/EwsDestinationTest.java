package org.mailmigrator.connector.ews.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mailmigrator.core.pim.PimOutcome;
import org.mailmigrator.core.pim.PimReport;
import org.mailmigrator.core.spi.ConnectorException.AccountFailure;
import org.mailmigrator.core.spi.ConnectorException.AccountFailure.Reason;
import org.w3c.dom.Element;

/**
 * The EWS destination against {@link EwsProtocolFake}, a PROTOCOL FAKE (no Exchange server can run in a
 * test): every request is checked against the EWS message shapes, and the stored items are compared with
 * the corpus field by field where Exchange has the field.
 */
class EwsDestinationTest extends AgainstTheFake {
    @Test
    void eventsKeepTheirZonesRecurrencesAndExceptionsWithoutInvitationsAndASecondRunCreatesNothing() throws Exception {
        PimReport first = EwsRun.migrate(EwsRun.corpus("ics"), fake, dir.resolve("state"));
        assertEquals(List.of(), fake.violations);
        assertEquals(0, fake.challenges, "preemptive authentication: no request may be challenged");
        assertEquals(13, first.created(), first.outcomes().toString());

        FakeMailbox.Item weekly = fake.mailbox.byUid("dst-weekly@corpus.test");
        assertEquals("Romance Standard Time", weekly.element("StartTimeZone").orElseThrow().getAttribute("Id"));
        assertEquals(Instant.parse("2026-03-18T08:30:00Z"), Instant.parse(weekly.field("Start")));
        Element numbered = Xml.find(weekly.element("Recurrence").orElseThrow(), "NumberedRecurrence").orElseThrow();
        assertEquals("4", Xml.text(numbered, "NumberOfOccurrences"));
        assertEquals("Wednesday", Xml.text(weekly.element("Recurrence").orElseThrow(), "DaysOfWeek"));

        assertEquals("Eastern Standard Time", fake.mailbox.byUid("windows-bare@corpus.test").element("StartTimeZone")
                .orElseThrow().getAttribute("Id"));
        assertEquals("Romance Standard Time", fake.mailbox.byUid("040000008200E00074C5B7101A82E00800000000outlook1")
                .element("EndTimeZone").orElseThrow().getAttribute("Id"));
        assertEquals("Tokyo Standard Time", fake.mailbox.byUid("bare-tzid@corpus.test").element("StartTimeZone").orElseThrow()
                .getAttribute("Id"));

        FakeMailbox.Item series = fake.mailbox.byUid("override-series@corpus.test");
        assertEquals(Set.of(4), fake.mailbox.deletedOccurrences.get(series.id()), "the cancelled 28 September occurrence");
        Element moved = fake.mailbox.modifiedOccurrences.get(series.id()).get(2);
        assertEquals(Instant.parse("2026-09-15T12:30:00Z"), Instant.parse(Xml.text(moved, "Start")));
        assertEquals("Weekly review (moved to Tuesday afternoon)", Xml.text(moved, "Subject"));
        assertEquals(2, Xml.findAll(series.element("RequiredAttendees").orElseThrow(), "Attendee").size()
                + Xml.findAll(series.element("OptionalAttendees").orElseThrow(), "Attendee").size());

        FakeMailbox.Item daily = fake.mailbox.byUid("rdate-exdate@corpus.test");
        assertEquals(Set.of(3), fake.mailbox.deletedOccurrences.get(daily.id()), "EXDATE 6 May is the third occurrence");
        assertTrue(first.notes().stream().anyMatch(n -> n.contains("rdate-exdate") && n.contains("RDATE")), first.notes().toString());
        for (String extra : List.of("2026-05-10T08:00:00Z", "2026-05-12T08:00:00Z")) {
            FakeMailbox.Item single = fake.mailbox.byUid("rdate-exdate@corpus.test#RDATE#" + extra);
            assertEquals(Instant.parse(extra), Instant.parse(single.field("Start")), "RDATE " + extra + " as its own item");
            assertEquals("Daily in UTC with one date removed and two added", single.field("Subject"));
        }

        FakeMailbox.Item allDay = fake.mailbox.byUid("allday-3days@corpus.test");
        assertEquals("true", allDay.field("IsAllDayEvent"));
        assertEquals("Private", allDay.field("Sensitivity"));
        assertEquals("1440", allDay.field("ReminderMinutesBeforeStart"));
        assertEquals(List.of("Travel", "Work"), Xml.findAll(allDay.element("Categories").orElseThrow(), "String").stream()
                .map(Element::getTextContent).toList());

        Map<String, String> importance = Map.of("task-1@corpus.test", "High", "task-2@corpus.test", "Normal", "task-3@corpus.test", "Low");
        importance.forEach((uid, level) -> assertEquals(level, fake.mailbox.byUid(uid).field("Importance"), uid));
        assertEquals("InProgress", fake.mailbox.byUid("task-1@corpus.test").field("Status"));

        int requests = fake.operations.size();
        PimReport second = EwsRun.migrate(EwsRun.corpus("ics"), fake, dir.resolve("state"));
        assertEquals(0, second.created());
        assertEquals(13, second.unchanged());
        assertEquals(List.of("GetFolder"), fake.operations.subList(requests, fake.operations.size()), "only the login check");

        PimReport lostState = EwsRun.migrate(EwsRun.corpus("ics"), fake, dir.resolve("new-state"));
        assertEquals(0, lostState.created(), "items are found by their UID extended property: " + lostState.outcomes());
        assertEquals(13, lostState.updated(), lostState.outcomes().toString());
        assertEquals(15, fake.mailbox.items.size(), "13 items and the two RDATE dates as single items");
        assertEquals(List.of(), fake.violations);
    }

    @Test
    void contactsBeyondThreeAddressesKeepTheRestInTheNotesAndTheReportSaysSo() throws Exception {
        PimReport report = EwsRun.migrate(EwsRun.corpus("vcf"), fake, dir.resolve("state"));
        assertEquals(List.of(), fake.violations);
        FakeMailbox.Item juergen = fake.mailbox.items("Contact").stream()
                .filter(i -> "Dr. Jürgen Müller".equals(i.field("DisplayName"))).findFirst().orElseThrow();
        List<String> slots = Xml.findAll(juergen.element("EmailAddresses").orElseThrow(), "Entry").stream()
                .map(e -> e.getAttribute("Key") + "=" + e.getTextContent()).sorted().toList();
        assertEquals(List.of("EmailAddress1=juergen@example.de", "EmailAddress2=j.mueller@work.example",
                "EmailAddress3=jm@home.example"), slots);
        String body = juergen.field("Body");
        assertTrue(body.contains("E-mail: juergen.mueller@old.example") && body.contains("E-mail: jm1970@mail.example"), body);
        assertTrue(body.startsWith("Zweizeilige Notiz mit Änderungen:"), body);
        assertEquals("Müller", juergen.field("Surname"));
        assertEquals("Société Générale", juergen.field("CompanyName"));
        List<FakeAttachments.Attachment> photos = fake.mailbox.attachments.of(juergen.id());
        assertEquals(1, photos.size(), "the Outlook card's PHOTO as the contact picture");
        assertTrue(photos.get(0).contactPhoto());
        assertArrayEquals(cardPhoto(EwsRun.corpus("vcf").resolve("outlook-21-latin1.vcf")), photos.get(0).content());
        assertTrue(report.notes().stream().anyMatch(n -> n.contains("2 e-mail address(es) beyond Exchange's three")), report.notes().toString());
        List<String> failures = report.failures().stream().map(PimOutcome.Failed::describe).toList();
        assertTrue(failures.stream().anyMatch(f -> f.contains("KIND:group")), failures.toString());
        assertEquals(7, report.created(), report.outcomes().toString());

        PimReport lostState = EwsRun.migrate(EwsRun.corpus("vcf"), fake, dir.resolve("new-state"));
        assertEquals(0, lostState.created(), lostState.outcomes().toString());
        assertEquals(7, lostState.updated(), lostState.outcomes() + " " + fake.violations);
        assertEquals(7, fake.mailbox.items("Contact").size(), "contacts are updated in place, never added again");
        assertEquals(1, fake.mailbox.attachments.of(juergen.id()).size(), "the picture replaced, not added twice");
        assertEquals(List.of(), fake.violations);
    }

    /** The base64 of the file's (folded) PHOTO property, decoded here without a vCard parser. */
    private static byte[] cardPhoto(Path vcf) throws Exception {
        String text = java.nio.file.Files.readString(vcf, java.nio.charset.StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("PHOTO[^:]*:((?:\\r?\\n [^\\r\\n]*)+)").matcher(text);
        assertTrue(m.find(), "the corpus card has a PHOTO");
        return java.util.Base64.getMimeDecoder().decode(m.group(1).replaceAll("\\s", ""));
    }

    @Test
    void errorServerBusyIsHonouredWithItsBackOff() throws Exception {
        fake.busy(1, 700);
        PimReport report = EwsRun.migrate(EwsRun.corpus("ics").resolve("tasks.ics"), fake, dir.resolve("state"));
        assertEquals(3, report.created(), report.outcomes().toString());
        assertEquals(1, fake.waitsAfterBusy.size());
        assertTrue(fake.waitsAfterBusy.get(0) >= 700, "waited only " + fake.waitsAfterBusy.get(0) + " ms");
    }

    @Test
    void anItemErrorIsReportedAndTheOthersGoOn() throws Exception {
        fake.refusedSubjects.add("Renew passport");
        PimReport report = EwsRun.migrate(EwsRun.corpus("ics").resolve("tasks.ics"), fake, dir.resolve("state"));
        assertEquals(2, report.created());
        List<PimOutcome.Failed> failures = report.failures();
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).describe().contains("task-2@corpus.test") && failures.get(0).describe().contains("ErrorInvalidValueForProperty"),
                failures.get(0).describe());
    }

    @Test
    void aJournalEntryIsRefusedWithTheReasonAndTheEventBesideItArrives() throws Exception {
        Path ics = dir.resolve("journal.ics");
        java.nio.file.Files.writeString(ics, String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN",
                "BEGIN:VJOURNAL", "UID:journal-1@test", "DTSTAMP:20240101T100000Z", "DTSTART;VALUE=DATE:20240101",
                "SUMMARY:Notes of the day", "END:VJOURNAL",
                "BEGIN:VEVENT", "UID:event-1@test", "DTSTAMP:20240101T100000Z", "DTSTART:20240102T090000Z",
                "DTEND:20240102T100000Z", "SUMMARY:Meeting", "END:VEVENT", "END:VCALENDAR", ""));
        PimReport report = EwsRun.migrate(ics, fake, dir.resolve("state"));
        assertEquals(1, report.created(), "the event arrives");
        List<PimOutcome.Failed> failures = report.failures();
        assertEquals(1, failures.size(), failures.toString());
        assertTrue(failures.get(0).describe().contains("journal-1@test")
                && failures.get(0).describe().contains("Exchange has no journal items"), failures.get(0).describe());
        assertEquals(List.of(), fake.violations);
    }

    @Test
    void httpsAgainstAPlainHttpEndpointIsAConnectionFailure() {
        String https = fake.url().replace("http://", "https://");
        AccountFailure f = assertThrows(AccountFailure.class, () -> new org.mailmigrator.connector.ews.EwsConnector().open(
                EwsRun.ews(fake, Map.of("url", https)), org.mailmigrator.core.model.Role.DESTINATION,
                org.mailmigrator.core.spi.ConnectContext.of(org.mailmigrator.core.model.Secret.of(EwsRun.PASSWORD))));
        assertEquals(Reason.CONNECTION, f.reason(), f.getMessage());
        assertTrue(f.getMessage().startsWith("TLS failed"), f.getMessage());
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailure() {
        AccountFailure f = assertThrows(AccountFailure.class, () -> EwsRun.open(fake, "wrong"));
        assertEquals(Reason.AUTHENTICATION, f.reason(), f.getMessage());
        assertTrue(f.getMessage().contains(EwsRun.LOGIN), f.getMessage());
    }
}
