package org.mailmigrator.connector.ews.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mailmigrator.core.pim.PimReport;
import org.w3c.dom.Element;

/**
 * Changed contacts and tasks re-run into the EWS destination against {@link EwsProtocolFake}, a PROTOCOL FAKE (no Exchange
 * server can run in a test): it checks UpdateItem paths (FieldURI, IndexedFieldURI, one property each),
 * attachments (IsContactPhoto on contacts, one photo per contact) and applies them to its stored items.
 */
class EwsUpdateInPlaceTest extends AgainstTheFake {
    @Test
    void aChangedCardUpdatesTheSameContactKeepsWhatTheUserAddedAndReplacesThePhoto() throws Exception {
        byte[] photo = picture(1);
        Path vcf = dir.resolve("people.vcf");
        Files.writeString(vcf, card("EMAIL;TYPE=work:ann@work.example\r\nEMAIL;TYPE=home:ann@home.example\r\n"
                + "TEL;TYPE=work:+33 1 23 45 67 89\r\n", "PHOTO;ENCODING=b;TYPE=PNG:" + Base64.getEncoder().encodeToString(photo)));
        PimReport first = EwsRun.migrate(vcf, fake, dir.resolve("state"));
        assertEquals(1, first.created(), first.outcomes().toString());
        FakeMailbox.Item ann = fake.mailbox.byUid("ann@cards.test");
        assertArrayEquals(photo, contactPhoto(ann), "the vCard's PHOTO is the contact picture");
        // what the user adds in Outlook afterwards, in fields this tool never writes
        userAdds(ann.xml(), "Nickname", null, "Annie");
        userAdds(ann.xml(), "PhoneNumbers", "CarPhone", "+33 6 11 22 33 44");

        byte[] newPhoto = picture(2);
        Files.writeString(vcf, card("EMAIL;TYPE=work:ann@work.example\r\nTEL;TYPE=work:+33 1 23 45 67 89\r\n"
                + "TEL;TYPE=cell:+33 7 98 76 54 32\r\n", "PHOTO;ENCODING=b;TYPE=PNG:" + Base64.getEncoder().encodeToString(newPhoto)));
        int before = fake.operations.size();
        PimReport second = EwsRun.migrate(vcf, fake, dir.resolve("state"));
        List<String> operations = fake.operations.subList(before, fake.operations.size());
        assertEquals(List.of(), fake.violations);
        assertEquals(1, second.updated(), second.outcomes().toString());
        assertEquals(0, second.created());
        assertTrue(operations.contains("UpdateItem") && !operations.contains("CreateItem") && !operations.contains("DeleteItem"), operations.toString());
        assertEquals(1, fake.mailbox.items("Contact").size(), "nothing duplicated");
        FakeMailbox.Item updated = fake.mailbox.byUid("ann@cards.test");
        assertEquals(ann.id(), updated.id(), "the same Exchange item, updated in place");
        assertEquals(List.of("EmailAddress1=ann@work.example"), entries(updated, "EmailAddresses"), "the removed e-mail is gone");
        assertEquals(List.of("BusinessPhone=+33 1 23 45 67 89", "CarPhone=+33 6 11 22 33 44", "MobilePhone=+33 7 98 76 54 32"),
                entries(updated, "PhoneNumbers"), "the new mobile added, the user's car phone kept");
        assertEquals("Annie", updated.field("Nickname"), "a field the user added in Exchange survives the update");
        assertArrayEquals(newPhoto, contactPhoto(updated), "the changed photo replaced the old one");

        Files.writeString(vcf, card("EMAIL;TYPE=work:ann@work.example\r\n", "PHOTO;VALUE=uri:https://photos.example/ann.png"));
        PimReport third = EwsRun.migrate(vcf, fake, dir.resolve("state"));
        assertEquals(1, third.updated(), third.outcomes().toString());
        assertTrue(third.notes().stream().anyMatch(n -> n.contains("photo given as a URL")), third.notes().toString());
        assertTrue(fake.mailbox.attachments.of(ann.id()).isEmpty(), "a card whose photo is now only a URL has no embedded picture left");
        assertEquals(List.of("CarPhone=+33 6 11 22 33 44"), entries(fake.mailbox.byUid("ann@cards.test"), "PhoneNumbers"));
        assertEquals(List.of(), fake.violations);
    }

    @Test
    void aChangedTaskIsUpdatedInPlaceAndLosesTheDueDateAndCategoriesTheSourceDropped() throws Exception {
        Path ics = dir.resolve("todo.ics");
        Files.writeString(ics, todo("SUMMARY:Pay rent\r\nDUE:20260710T100000Z\r\nCATEGORIES:Home,Money\r\nPRIORITY:1\r\n"));
        assertEquals(1, EwsRun.migrate(ics, fake, dir.resolve("state")).created());
        FakeMailbox.Item task = fake.mailbox.byUid("rent@tasks.test");
        assertEquals(Instant.parse("2026-07-10T10:00:00Z"), Instant.parse(task.field("DueDate")));
        userAdds(task.xml(), "Mileage", null, "42 km");

        Files.writeString(ics, todo("SUMMARY:Pay rent (July)\r\nSTATUS:COMPLETED\r\nCOMPLETED:20260705T080000Z\r\nPRIORITY:1\r\n"));
        PimReport second = EwsRun.migrate(ics, fake, dir.resolve("state"));
        assertEquals(List.of(), fake.violations);
        assertEquals(1, second.updated(), second.outcomes().toString());
        assertEquals(1, fake.mailbox.items("Task").size());
        FakeMailbox.Item updated = fake.mailbox.byUid("rent@tasks.test");
        assertEquals(task.id(), updated.id(), "the same Exchange task");
        assertEquals("Pay rent (July)", updated.field("Subject"));
        assertEquals("Completed", updated.field("Status"));
        assertEquals(Instant.parse("2026-07-05T08:00:00Z"), Instant.parse(updated.field("CompleteDate")));
        assertEquals(null, updated.field("DueDate"), "the due date the source dropped is deleted");
        assertTrue(updated.element("Categories").isEmpty(), "the categories the source dropped are deleted");
        assertEquals("42 km", updated.field("Mileage"), "a field the user added in Exchange survives");
    }

    @Test
    void aSeriesWhoseRruleWasDroppedBecomesOneItemAgainUnderTheSameId() throws Exception {
        Path ics = dir.resolve("series.ics");
        String event = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:yoga@events.test\r\n"
                + "DTSTAMP:20260101T000000Z\r\nDTSTART;TZID=Europe/Paris:20260901T180000\r\nDTEND;TZID=Europe/Paris:20260901T190000\r\n"
                + "RRULE\r\nSUMMARY:Yoga\r\nCATEGORIES:Sport\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        Files.writeString(ics, event.replace("RRULE\r\n", "RRULE:FREQ=WEEKLY;COUNT=10\r\n"));
        assertEquals(1, EwsRun.migrate(ics, fake, dir.resolve("state")).created());
        FakeMailbox.Item series = fake.mailbox.byUid("yoga@events.test");
        assertTrue(series.element("Recurrence").isPresent());

        Files.writeString(ics, event.replace("RRULE\r\n", "").replace("CATEGORIES:Sport\r\n", ""));
        PimReport second = EwsRun.migrate(ics, fake, dir.resolve("state"));
        assertEquals(List.of(), fake.violations);
        assertEquals(1, second.updated(), second.outcomes().toString());
        FakeMailbox.Item single = fake.mailbox.byUid("yoga@events.test");
        assertEquals(series.id(), single.id(), "the same Exchange item");
        assertTrue(single.element("Recurrence").isEmpty(), "the recurrence the source dropped is deleted");
        assertTrue(single.element("Categories").isEmpty(), "the categories the source dropped are deleted");
        assertEquals(1, fake.mailbox.items("CalendarItem").size());
    }

    private static String todo(String lines) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VTODO\r\nUID:rent@tasks.test\r\n"
                + "DTSTAMP:20260101T000000Z\r\n" + lines + "END:VTODO\r\nEND:VCALENDAR\r\n";
    }

    private static String card(String lines, String photo) {
        return "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:ann@cards.test\r\nN:Martin;Ann;;;\r\nFN:Ann Martin\r\n" + lines + photo + "\r\nEND:VCARD\r\n";
    }

    /** Bytes that start like a PNG; Exchange stores a contact picture as it is given. */
    private static byte[] picture(int seed) {
        byte[] b = new byte[300];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31 + seed * 7);
        }
        System.arraycopy(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' }, 0, b, 0, 8);
        return b;
    }

    private byte[] contactPhoto(FakeMailbox.Item item) {
        List<FakeAttachments.Attachment> photos = fake.mailbox.attachments.of(item.id());
        assertEquals(1, photos.size(), "one contact picture");
        assertTrue(photos.get(0).contactPhoto(), "sent with IsContactPhoto=true");
        return photos.get(0).content();
    }

    private static List<String> entries(FakeMailbox.Item item, String dictionary) {
        return item.element(dictionary).map(d -> Xml.children(d).stream().map(e -> e.getAttribute("Key") + "=" + e.getTextContent())
                .sorted().toList()).orElse(List.of());
    }

    /** Changes the fake's stored item directly, as a user editing the contact in Outlook would. */
    private static void userAdds(Element item, String field, String key, String value) {
        Element target = Xml.child(item, field).orElseGet(() -> (Element) item.appendChild(item.getOwnerDocument().createElementNS(Xml.T, "t:" + field)));
        if (key == null) {
            target.setTextContent(value);
            return;
        }
        Element entry = item.getOwnerDocument().createElementNS(Xml.T, "t:Entry");
        entry.setAttribute("Key", key);
        entry.setTextContent(value);
        target.appendChild(entry);
    }
}
