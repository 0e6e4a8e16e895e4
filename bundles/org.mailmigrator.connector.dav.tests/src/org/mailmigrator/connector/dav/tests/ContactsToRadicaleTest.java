package org.mailmigrator.connector.dav.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mailmigrator.core.pim.PimOutcome;
import org.mailmigrator.core.pim.PimReport;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import org.mailmigrator.testing.Radicale;

/** The VCF corpus (vCard 2.1 quoted-printable Latin-1, 3.0 from Google, 4.0 from Apple) into a real Radicale. */
class ContactsToRadicaleTest extends AgainstRadicale {

    @Test
    void everyContactArrivesFieldByFieldAndASecondRunCreatesNothing() throws Exception {
        PimReport first = Pim.migrate(Corpus.dir("vcf"), server, dir.resolve("state"));
        assertEquals(8, first.created(), first.outcomes().toString());
        for (String name : List.of("apple-40", "google-30", "outlook-21-latin1")) {
            byte[] raw = Files.readAllBytes(Corpus.file("vcf", name + ".vcf"));
            String text = name.contains("latin1") ? new String(raw, StandardCharsets.ISO_8859_1) : new String(raw, StandardCharsets.UTF_8);
            List<VCard> back = new ArrayList<>();
            Pim.readBack(server, "/alice/" + name + "/").values().forEach(b -> back.addAll(Ezvcard.parse(b).all()));
            assertEquals(VcfFields.byName(Ezvcard.parse(text).all()), VcfFields.byName(back), name);
        }
        Map<String, String> outlook = Pim.readBack(server, "/alice/outlook-21-latin1/");
        VCard juergen = Ezvcard.parse(outlook.values().iterator().next()).first();
        assertEquals("Müller", juergen.getStructuredName().getFamily());
        assertEquals(List.of("Société Générale", "Direction financière"), juergen.getOrganization().getValues());
        assertEquals(5, juergen.getEmails().size());
        assertTrue(juergen.getNotes().get(0).getValue().contains("Änderungen:\nzweite Zeile über Größen"),
                juergen.getNotes().get(0).getValue());
        byte[] png = juergen.getPhotos().get(0).getData();
        assertArrayEquals(new byte[] { (byte) 0x89, 'P', 'N', 'G' }, java.util.Arrays.copyOf(png, 4));
        assertEquals(3, Pim.readBack(server, "/alice/google-30/").size(), "namesakes are two contacts");

        PimReport second = Pim.migrate(Corpus.dir("vcf"), server, dir.resolve("state"));
        assertEquals(0, second.created());
        assertEquals(8, second.unchanged());
    }

    @Test
    void malformedCardsAreReportedWithTheirLineAndTheOthersMigrate() throws Exception {
        PimReport report = Pim.migrate(Corpus.file("vcf", "malformed.vcf"), server, dir.resolve("state"));
        List<String> failures = report.failures().stream().map(PimOutcome.Failed::describe).toList();
        assertEquals(2, report.created());
        assertEquals(3, failures.size(), failures.toString());
        assertTrue(failures.get(0).contains("malformed.vcf:6") && failures.get(0).contains("no END:VCARD"), failures.get(0));
        assertTrue(failures.get(1).contains("malformed.vcf:10 (Bad Birthday)") && failures.get(1).contains("BDAY"), failures.get(1));
        assertTrue(failures.get(2).contains("malformed.vcf:15") && failures.get(2).contains("nothing identifies it"), failures.get(2));
        List<String> names = Pim.readBack(server, "/alice/malformed/").values().stream()
                .map(b -> Ezvcard.parse(b).first().getFormattedName().getValue()).sorted().toList();
        assertEquals(List.of("Good One", "Good Two"), names);
    }
}
