package org.mailmigrator.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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
import org.mailmigrator.core.tests.engine.Stores;

/**
 * The calendar/contacts runner against an in-memory destination: a journal entry left by a crash is resolved by
 * looking (a write that landed is recorded, never sent again; one that did not is sent once), and transient
 * failures are retried with the engine's backoff; each against the embedded H2 store and a PostgreSQL database
 * ({@link Stores}). The real-server version is PimKillTest (connector.dav.tests).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PimJournalTest {
    private final Stores stores = new Stores();

    @AfterAll
    void stopStores() throws Exception {
        stores.close();
    }

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

    private PimReport run(Stores.Place place, Memory destination, List<PimItem> items) throws Exception {
        try (PimState state = place.openPim("pair")) {
            return new PimMigration(PimReader.of(items.stream().map(i -> (PimEntry) new PimEntry.Item(i)).toList()), destination,
                    state, EnumSet.allOf(ItemKind.class), null)
                    .withRetries(MigrationSettings.defaults().withRetries(3, Duration.ofMillis(1)), null).run();
        }
    }

    private void crashedWhileWriting(Stores.Place place, PimItem item) throws Exception {
        try (PimState state = place.openPim("pair")) {
            state.journal(new PimState.Journaled(item, item.fingerprint(), Optional.empty()));
        }
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void aWriteThatLandedBeforeTheCrashIsRecordedNotSentAgain(Stores.Kind kind) throws Exception {
        Stores.Place place = stores.fresh(kind);
        Memory destination = new Memory();
        PimItem ada = item("ada");
        crashedWhileWriting(place, ada);
        destination.held.put("ada", ada.text()); // the destination had accepted it
        PimReport r = run(place, destination, List.of(ada, item("alan")));
        assertEquals(List.of("alan"), destination.writes, "ada is not written again");
        assertEquals(2, r.created(), r.outcomes().toString());
        assertTrue(r.outcomes().stream().anyMatch(o -> o instanceof PimOutcome.Created c && c.item().uid().equals("ada")
                && c.notes().stream().anyMatch(n -> n.contains("interrupted run"))), r.outcomes().toString());
        try (PimState state = place.openPim("pair")) {
            assertEquals(List.of(), state.journal());
        }
        PimReport again = run(place, destination, List.of(ada, item("alan")));
        assertEquals(2, again.unchanged());
        assertEquals(List.of("alan"), destination.writes);
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void aWriteThatDidNotLandIsSentOnce(Stores.Kind kind) throws Exception {
        Stores.Place place = stores.fresh(kind);
        Memory destination = new Memory();
        PimItem ada = item("ada");
        crashedWhileWriting(place, ada);
        PimReport r = run(place, destination, List.of(ada));
        assertEquals(List.of("ada"), destination.writes);
        assertEquals(1, r.created());
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void transientFailuresAreRetriedWithBackoff(Stores.Kind kind) throws Exception {
        Stores.Place place = stores.fresh(kind);
        Memory destination = new Memory();
        destination.failFirst = 2;
        PimReport r = run(place, destination, List.of(item("ada")));
        assertEquals(1, r.created(), r.outcomes().toString());
        destination.failFirst = 3;
        PimReport failed = run(place, destination, List.of(item("grace")));
        assertEquals(1, failed.failures().size());
        assertTrue(failed.failures().get(0).reason().startsWith("failed 3 times: connection reset"), failed.failures().toString());
    }
}
