package org.mailmigrator.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.pim.PimEntry;
import org.mailmigrator.core.pim.PimItem;
import org.mailmigrator.core.pim.PimMigration;
import org.mailmigrator.core.pim.PimOutcome;
import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.pim.PimReport;
import org.mailmigrator.core.pim.PimState;
import org.mailmigrator.core.pim.PimWriter;
import org.mailmigrator.core.pim.Stored;
import org.mailmigrator.core.spi.ConnectorException;

/**
 * The calendar/contacts runner against an in-memory destination: a journal entry left by a crash is resolved by
 * looking (a write that landed is recorded, never sent again; one that did not is sent once), and transient
 * failures are retried with the engine's backoff. The real-server version is PimKillTest (connector.dav.tests).
 */
class PimJournalTest {
    @TempDir
    Path dir;

    /** A destination keeping resources by UID, counting writes. */
    static final class Memory implements PimWriter {
        final Map<String, String> held = new HashMap<>();
        final List<String> writes = new ArrayList<>();
        int failFirst;

        @Override
        public Written write(PimItem item, Optional<Stored> previous) throws ConnectorException {
            if (failFirst > 0) {
                failFirst--;
                throw new ConnectorException.TransientFailure("connection reset", null);
            }
            writes.add(item.uid());
            boolean created = held.put(item.uid(), item.text()) == null;
            return new Written(new Stored("/" + item.uid(), "e" + writes.size()), created, List.of());
        }

        @Override
        public Held held(PimItem item, Optional<Stored> previous) {
            String text = held.get(item.uid());
            return text == null ? new Held.Absent() : text.equals(item.text()) ? new Held.Same(new Stored("/" + item.uid(), "e0"))
                    : new Held.Other(new Stored("/" + item.uid(), "e0"));
        }
    }

    private static PimItem item(String uid) {
        return new PimItem(ItemKind.CONTACTS, "people", uid, "BEGIN:VCARD\r\nUID:" + uid + "\r\nEND:VCARD\r\n", "people.vcf:1");
    }

    private PimReport run(Memory destination, List<PimItem> items) throws Exception {
        try (PimState state = PimState.openEmbedded(dir, "pair")) {
            return new PimMigration(PimReader.of(items.stream().map(i -> (PimEntry) new PimEntry.Item(i)).toList()), destination,
                    state, EnumSet.allOf(ItemKind.class), null)
                    .withRetries(MigrationSettings.defaults().withRetries(3, Duration.ofMillis(1)), null).run();
        }
    }

    private void crashedWhileWriting(PimItem item) throws Exception {
        try (PimState state = PimState.openEmbedded(dir, "pair")) {
            state.journal(new PimState.Journaled(item, item.fingerprint(), Optional.empty()));
        }
    }

    @Test
    void aWriteThatLandedBeforeTheCrashIsRecordedNotSentAgain() throws Exception {
        Memory destination = new Memory();
        PimItem ada = item("ada");
        crashedWhileWriting(ada);
        destination.held.put("ada", ada.text()); // the destination had accepted it
        PimReport r = run(destination, List.of(ada, item("alan")));
        assertEquals(List.of("alan"), destination.writes, "ada is not written again");
        assertEquals(2, r.created(), r.outcomes().toString());
        assertTrue(r.outcomes().stream().anyMatch(o -> o instanceof PimOutcome.Created c && c.item().uid().equals("ada")
                && c.notes().stream().anyMatch(n -> n.contains("interrupted run"))), r.outcomes().toString());
        try (PimState state = PimState.openEmbedded(dir, "pair")) {
            assertEquals(List.of(), state.journal());
        }
        PimReport again = run(destination, List.of(ada, item("alan")));
        assertEquals(2, again.unchanged());
        assertEquals(List.of("alan"), destination.writes);
    }

    @Test
    void aWriteThatDidNotLandIsSentOnce() throws Exception {
        Memory destination = new Memory();
        PimItem ada = item("ada");
        crashedWhileWriting(ada);
        PimReport r = run(destination, List.of(ada));
        assertEquals(List.of("ada"), destination.writes);
        assertEquals(1, r.created());
    }

    @Test
    void transientFailuresAreRetriedWithBackoff() throws Exception {
        Memory destination = new Memory();
        destination.failFirst = 2;
        PimReport r = run(destination, List.of(item("ada")));
        assertEquals(1, r.created(), r.outcomes().toString());
        destination.failFirst = 3;
        PimReport failed = run(destination, List.of(item("grace")));
        assertEquals(1, failed.failures().size());
        assertTrue(failed.failures().get(0).reason().startsWith("failed 3 times: connection reset"), failed.failures().toString());
    }
}
