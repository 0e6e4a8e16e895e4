package org.mailmigrator.connector.dav.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.connector.dav.DavConnector;
import org.mailmigrator.connector.ical.IcalConnector;
import org.mailmigrator.connector.vcard.VcardConnector;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.pim.PimMigration;
import org.mailmigrator.core.pim.PimOutcome;
import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.pim.PimReport;
import org.mailmigrator.core.pim.PimState;
import org.mailmigrator.core.pim.PimWriter;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.testing.Xandikos;

import ezvcard.Ezvcard;
import ezvcard.VCard;

/**
 * The quirks of real exports (corpus/quirks, one per item) into Xandikos, the strict server: every item arrives,
 * repaired where the export broke the standard, with a note saying what was changed; what cannot be understood
 * is refused with its line and reason and never stops the others.
 */
class QuirksTest {
    @TempDir
    static Path dir;
    static Xandikos server;
    private static int runs;

    @BeforeAll
    static void start() throws Exception {
        server = Xandikos.start(dir.resolve("xandikos"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static PimReport migrate(Path source, String state) throws Exception {
        boolean vcf = source.toString().endsWith(".vcf");
        Account src = new Account(vcf ? "vcard" : "ical", Map.of("path", source.toString()), null);
        Account dst = new Account("dav", Map.of("url", server.url(), "login", Xandikos.LOGIN, "create", "true",
                "allowPlaintext", "true"), null);
        try (ConnectorSession in = (vcf ? new VcardConnector() : new IcalConnector()).open(src, Role.SOURCE, ConnectContext.of(null));
                ConnectorSession out = new DavConnector().open(dst, Role.DESTINATION, ConnectContext.of(Secret.of(Xandikos.PASSWORD)));
                PimState s = PimState.openEmbedded(dir.resolve("state"), state)) {
            return new PimMigration(in.capability(PimReader.class).orElseThrow(), out.capability(PimWriter.class).orElseThrow(), s,
                    EnumSet.allOf(ItemKind.class), null).run();
        }
    }

    static String back(PimReport report, String uidPart) throws Exception {
        for (PimOutcome o : report.outcomes()) {
            if (o instanceof PimOutcome.Created c && c.item().uid().contains(uidPart)) {
                return RealWorldCorpusTest.get(c.stored().resource(), new RealWorldCorpusTest.Server("x", server.url(),
                        Xandikos.LOGIN, Xandikos.PASSWORD));
            }
        }
        throw new AssertionError("no item " + uidPart + " created: " + report.outcomes());
    }

    static VCard card(PimReport report, String name) throws Exception {
        for (PimOutcome o : report.outcomes()) {
            if (o instanceof PimOutcome.Created c) {
                VCard card = Ezvcard.parse(RealWorldCorpusTest.get(c.stored().resource(), new RealWorldCorpusTest.Server("x",
                        server.url(), Xandikos.LOGIN, Xandikos.PASSWORD))).first();
                if (card.getFormattedName().getValue().equals(name)) {
                    return card;
                }
            }
        }
        throw new AssertionError("no card " + name + ": " + report.outcomes());
    }

    static String instant(String ics, String property) {
        return new IcsModel(ics).components.get(0).props().get(property).get(0).replace("[]", "");
    }

    @Test
    void cardsTheWriterUsedToThrowOnArriveEachOnItsOwnWithNothingDroppedSilently() throws Exception {
        PimReport r = migrate(Corpus.file("quirks", "hard-cards.vcf"), "hard-cards");
        assertNull(r.failure(), "one card never stops the address book");
        assertEquals(List.of(), r.failures());
        assertEquals(6, r.created(), r.outcomes().toString());
        VCard caret = card(r, "Label Caret");
        assertEquals("Rue de l\"Église 1\n1000 Bruxelles", caret.getAddresses().get(0).getLabel());
        VCard props = card(r, "Many Props");
        for (String p : List.of("FBURL", "CALURI", "CALADRURI", "ANNIVERSARY", "RELATED", "X-SOCIALPROFILE")) {
            assertTrue(props.getProperties().stream().anyMatch(x -> CardModel.name(x).equals(p)), p + " kept: " + props);
        }
        assertEquals(List.of("work"), card(r, "Quoted Work").getTelephoneNumbers().get(0).getTypes().stream()
                .map(t -> t.getValue()).toList());
        VCard noFn = card(r, "Nom Sans");
        assertEquals("Firma GmbH", noFn.getOrganization().getValues().get(0));
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("had no FN") && n.contains("Nom Sans")), r.notes().toString());
        VCard picture = card(r, "Outlook Picture");
        assertEquals(1, picture.getPhotos().size());
        assertArrayEquals(new byte[] { (byte) 0x89, 'P', 'N', 'G' }, java.util.Arrays.copyOf(picture.getPhotos().get(0).getData(), 4));
        assertTrue(picture.getExtendedProperties().isEmpty(), "no X-MS-CARDPICTURE;ENCODING=BASE64 in a 3.0 card");
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("X-MS-CARDPICTURE") && n.contains("PHOTO")), r.notes().toString());
    }

    @Test
    void charsetsNamedByBomOrCharsetParameterAreHonouredAndSaid() throws Exception {
        PimReport r = migrate(Corpus.file("quirks", "8bit-charsets-21.vcf"), "charsets");
        assertEquals(2, r.created(), r.outcomes().toString());
        assertEquals("Παπαδόπουλος", card(r, "Γιώργος Παπαδόπουλος").getStructuredName().getFamily());
        assertEquals("Иванов", card(r, "Иван Иванов").getStructuredName().getFamily());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("windows-1253") && n.contains("windows-1251")), r.notes().toString());
        PimReport utf16 = migrate(Corpus.file("quirks", "utf16-bom.vcf"), "utf16");
        assertEquals(1, utf16.created(), utf16.outcomes().toString());
        assertEquals("Zoé Dupont", card(utf16, "Zoé Dupont").getFormattedName().getValue());
        assertTrue(utf16.notes().stream().anyMatch(n -> n.contains("UTF-16")), utf16.notes().toString());
    }

    @Test
    void quirksOfAppleGoogleEvolutionAndLotusAreRepairedWithANote() throws Exception {
        PimReport r = migrate(Corpus.file("quirks", "apple-google-evolution-lotus.ics"), "quirks");
        assertEquals(List.of(), r.failures());
        assertEquals(5, r.created(), r.outcomes().toString());
        assertTrue(back(r, "google-rdate").contains("RDATE;VALUE=DATE:20131210"), back(r, "google-rdate"));
        assertEquals("instant:2024-01-10T09:00:00Z", instant(back(r, "evolution-stamp"), "DTSTAMP"));
        assertTrue(back(r, "quoted-organizer").contains("ORGANIZER;CN=Boss:mailto:boss@example.com"));
        assertTrue(back(r, "ios-location").contains("X-TITLE=\"Gare de Lyon;Hall 1\""), back(r, "ios-location"));
        List<String> notes = r.notes();
        for (String said : List.of("DTSTAMP", "RDATE", "ORGANIZER", "ALTREP", "X-APPLE-STRUCTURED-LOCATION")) {
            assertTrue(notes.stream().anyMatch(n -> n.contains(said)), said + " in " + notes);
        }
    }

    @Test
    void zoneAliasesAreMappedAndTheFilesOwnDefinitionWinsOverAName() throws Exception {
        PimReport outlook = migrate(Corpus.file("quirks", "outlook-exchange-zones.ics"), "outlook");
        assertEquals(2, outlook.created(), outlook.outcomes().toString());
        assertEquals("instant:2024-04-05T01:00:00Z", instant(back(outlook, "kl@"), "DTSTART"), "Kuala Lumpur is UTC+8");
        assertEquals("instant:2024-07-10T13:00:00Z", instant(back(outlook, "exchange2010@"), "DTSTART"), "New York in summer is UTC-4");
        assertTrue(back(outlook, "exchange2010@").contains("TZID=America/New_York"));
        PimReport evolution = migrate(Corpus.file("quirks", "evolution-zone-ids.ics"), "evolution");
        assertEquals(2, evolution.created(), evolution.outcomes().toString());
        assertEquals("instant:2024-01-15T09:00:00Z", instant(back(evolution, "evolution-tzid@"), "DTSTART"));
        assertEquals("instant:2024-07-15T14:00:00Z", instant(back(evolution, "evolution-tzid2@"), "DTSTART"));
        PimReport misnamed = migrate(Corpus.file("quirks", "zone-name-disagrees.ics"), "misnamed");
        assertEquals("instant:2024-04-05T01:00:00Z", instant(back(misnamed, "misnamed-zone"), "DTSTART"),
                "the file's VTIMEZONE (UTC+8) defines the zone, not its name (New York would be 13:00Z)");
        assertTrue(misnamed.notes().stream().anyMatch(n -> n.contains("the file's definition is kept")), misnamed.notes().toString());
    }

    @Test
    void invalidObjectsAreRefusedWithTheirReasonAndAJournalIsMigratedSoTheNextRunIsQuiet() throws Exception {
        PimReport first = migrate(Corpus.file("quirks", "invalid-objects.ics"), "invalid");
        List<String> failures = first.failures().stream().map(PimOutcome.Failed::describe).toList();
        assertEquals(2, failures.size(), failures.toString());
        assertTrue(failures.get(0).contains("invalid-objects.ics:4") && failures.get(0).contains("share the UID twin@quirks.test")
                && failures.get(0).contains("lines 4 and 11"), failures.get(0));
        assertTrue(failures.get(1).contains("invalid-objects.ics:21") && failures.get(1).contains("DTSTART")
                && failures.get(1).contains("20240231 does not exist"), failures.get(1));
        assertEquals(2, first.created(), first.outcomes().toString());
        assertTrue(back(first, "journal@").contains("BEGIN:VJOURNAL"));
        PimReport second = migrate(Corpus.file("quirks", "invalid-objects.ics"), "invalid");
        assertEquals(0, second.created());
        assertEquals(2, second.unchanged(), "the journal and the fine event are not sent again");
        assertEquals(2, second.failures().size(), "the refused items are listed again (they are not migrated), nothing else");
    }

    @Test
    void twoExportsBothNamedCalendarGoToTwoCalendarsAndTheCreatedOnesAreListed() throws Exception {
        Path folder = java.nio.file.Files.createDirectories(dir.resolve("two-calendars"));
        for (String who : List.of("alice", "bob")) {
            java.nio.file.Files.writeString(folder.resolve(who + ".ics"), String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0",
                    "PRODID:-//Google Inc//Google Calendar 70.9054//EN", "X-WR-CALNAME:Calendar", "BEGIN:VEVENT", "UID:" + who + "-1@test",
                    "DTSTAMP:20240101T000000Z", "DTSTART:20240301T090000Z", "DTEND:20240301T100000Z", "SUMMARY:" + who, "END:VEVENT",
                    "END:VCALENDAR", ""));
        }
        PimReport r = migrate(folder, "two");
        assertEquals(2, r.created(), r.outcomes().toString());
        List<String> collections = new ArrayList<>();
        r.outcomes().forEach(o -> collections.add(((PimOutcome.Created) o).item().collection()));
        assertEquals(List.of("Calendar (alice)", "Calendar (bob)"), collections);
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("2 files name their collection 'Calendar'")), r.notes().toString());
        assertEquals(2, r.notes().stream().filter(n -> n.contains("created the calendar")).count(), r.notes().toString());
    }
}
