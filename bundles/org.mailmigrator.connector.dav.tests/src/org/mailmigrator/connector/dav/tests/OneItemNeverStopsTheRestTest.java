package org.mailmigrator.connector.dav.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.pim.PimEntry;
import org.mailmigrator.core.pim.PimItem;
import org.mailmigrator.core.pim.PimMigration;
import org.mailmigrator.core.pim.PimReport;
import org.mailmigrator.core.pim.PimState;
import org.mailmigrator.core.pim.PimWriter;
import org.mailmigrator.core.pim.Stored;

/**
 * The engine's guard: a destination library that throws on one item (ez-vcard refusing a parameter, ical4j on a
 * value) costs that item only, as a listed failure in words, never the run (which the command line made exit 8).
 */
class OneItemNeverStopsTheRestTest {
    @TempDir
    Path dir;

    @Test
    void aWriterThatThrowsOnOneItemFailsThatItemOnly() throws Exception {
        List<PimEntry> entries = List.of(item("a"), item("boom"), item("c"));
        PimWriter writer = (item, previous) -> {
            if (item.uid().equals("boom")) {
                throw new IllegalArgumentException("Property \"ADR\" has a parameter named \"LABEL\" whose value contains invalid characters");
            }
            return new PimWriter.Written(new Stored("/x/" + item.uid(), "1"), true, List.of());
        };
        PimReport r;
        try (PimState state = PimState.openEmbedded(dir, "s")) {
            r = new PimMigration(org.mailmigrator.core.pim.PimReader.of(entries), writer, state, EnumSet.allOf(ItemKind.class), null).run();
        }
        assertNull(r.failure(), "the run goes on");
        assertEquals(2, r.created());
        assertEquals(1, r.failures().size());
        String failed = r.failures().get(0).describe();
        assertTrue(failed.contains("boom") && failed.contains("cards.vcf:7") && failed.contains("LABEL"), failed);
        assertFalse(failed.contains("IllegalArgumentException"), "no class names for people: " + failed);
    }

    private static PimEntry item(String uid) {
        return new PimEntry.Item(new PimItem(ItemKind.CONTACTS, "cards", uid, "BEGIN:VCARD\r\nEND:VCARD\r\n", "cards.vcf:7",
                List.of()));
    }
}
