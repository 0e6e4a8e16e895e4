package org.mailmigrator.connector.dav.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.pim.PimItem;
import org.mailmigrator.core.pim.PimState;
import org.mailmigrator.core.pim.Stored;
import org.mailmigrator.core.state.StateStore;

/**
 * The PIM state lives in the account pair's state store file, and the separate PIM files of earlier versions are not
 * lost: one opened under its own name keeps its records, one named as former file is imported once.
 */
class PimStateFileTest {
    @TempDir
    Path dir;

    @Test
    void pimRecordsAndJournalLiveInTheMailStateFileOfThePair() throws Exception {
        StateStore.openEmbedded(dir, "pair").close();
        PimItem item = new PimItem(ItemKind.CONTACTS, "people", "ada@test", "BEGIN:VCARD\r\nEND:VCARD\r\n", "people.vcf:1");
        try (PimState pim = PimState.openEmbedded(dir, "pair")) {
            pim.journal(new PimState.Journaled(item, item.fingerprint(), Optional.empty()));
        }
        StateStore.openEmbedded(dir, "pair").close(); // the mail store opens the same file with the PIM tables in it
        try (PimState pim = PimState.openEmbedded(dir, "pair")) {
            List<PimState.Journaled> left = pim.journal();
            assertEquals(1, left.size(), "the journal entry survives a reopening");
            assertEquals(item.text(), left.get(0).item().text());
            assertEquals(item.key(), left.get(0).key());
            pim.put(item.key(), new PimState.Entry(new Stored("/alice/people/ada.vcf", "\"e1\""), item.fingerprint()));
            assertEquals(List.of(), pim.journal(), "recording the copy clears its journal entry");
            assertEquals("/alice/people/ada.vcf", pim.find(item.key()).orElseThrow().stored().resource());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("pair.mv.db"), files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".mv.db")).toList(),
                    "one state file for the pair");
        }
    }

    @Test
    void aPimFileOfAnEarlierVersionOpensWithItsRecords() throws Exception {
        legacy("pim-0123abcd", "calendar|Work|a@test", "/alice/work/a.ics");
        try (PimState pim = PimState.openEmbedded(dir, "pim-0123abcd")) {
            assertEquals("/alice/work/a.ics", pim.find("calendar|Work|a@test").orElseThrow().stored().resource());
            assertEquals(List.of(), pim.journal());
        }
    }

    @Test
    void theCalendarAndContactsFilesOfAnEarlierVersionAreImportedOnceIntoThePairsFile() throws Exception {
        legacy("m1-calendar", "calendar|Work|a@test", "/alice/work/a.ics");
        legacy("m1-contacts", "contacts|people|b@test", "/alice/people/b.vcf");
        try (PimState pim = PimState.openEmbedded(dir, "m1", List.of("m1-calendar"))) {
            pim.put("contacts|people|c@test", new PimState.Entry(new Stored("/alice/people/c.vcf", ""), "f"));
        }
        try (PimState pim = PimState.openEmbedded(dir, "m1", List.of("m1-contacts"))) {
            assertEquals("/alice/work/a.ics", pim.find("calendar|Work|a@test").orElseThrow().stored().resource());
            assertEquals("/alice/people/b.vcf", pim.find("contacts|people|b@test").orElseThrow().stored().resource());
            assertEquals("/alice/people/c.vcf", pim.find("contacts|people|c@test").orElseThrow().stored().resource());
        }
        assertFalse(Files.exists(dir.resolve("m1-calendar.mv.db")), "read once");
        assertTrue(Files.exists(dir.resolve("m1-calendar.mv.db.imported")), "kept for the user");
        assertTrue(Files.exists(dir.resolve("m1-contacts.mv.db.imported")));
    }

    /** A file as the separate PIM stores wrote them before: one table, pim_item. */
    private void legacy(String name, String key, String resource) throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve(name).toAbsolutePath());
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("create table pim_item(item_key varchar primary key, resource varchar not null, version varchar not null, "
                    + "fp varchar not null)");
            st.execute("insert into pim_item values ('" + key + "', '" + resource + "', '\"v1\"', 'fp1')");
        }
    }
}
