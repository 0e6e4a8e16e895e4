package org.mailmigrator.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mailmigrator.core.pim.PimState;
import org.mailmigrator.core.state.CopiedMessage;
import org.mailmigrator.core.state.FolderState;
import org.mailmigrator.core.state.DatabaseStore;
import org.mailmigrator.core.state.StateException;
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.Postgres;

/**
 * What a PostgreSQL store adds to the state store contract (docs/postgresql.md): the URL never carries a password and
 * is shown without one; one run of an account pair at a time (its advisory lock), released when it closes; a wrong
 * password is said without echoing it; the schema's version history is Flyway's. A real PostgreSQL cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseStoreTest {
    private Postgres pg;

    @BeforeAll
    void start() throws Exception {
        pg = Postgres.start();
    }

    @AfterAll
    void stop() throws Exception {
        pg.close();
    }

    @Test
    void theUrlNeverCarriesAPassword() {
        IllegalArgumentException inUrl = assertThrows(IllegalArgumentException.class,
                () -> DatabaseStore.parse("postgresql://mm:s3cret@db.example.org/mm", Map.of()));
        assertTrue(inUrl.getMessage().contains("must not carry a password") && !inUrl.getMessage().contains("s3cret"),
                inUrl.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> DatabaseStore.parse("jdbc:postgresql://db.example.org/mm?user=mm&password=s3cret", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> DatabaseStore.parse("postgresql://db.example.org", Map.of()));
        DatabaseStore db = DatabaseStore.parse("postgres://db.example.org:6543/mm", Map.of("PGUSER", "ops",
                "PGPASSWORD", "s3cret"));
        assertEquals("postgresql://ops@db.example.org:6543/mm", db.toString());
        assertTrue(db.hasPassword());
    }

    @Test
    void onePairIsOpenedByOneRunAtATime() throws Exception {
        DatabaseStore db = DatabaseStore.parse(pg.url(pg.createDatabase()), Map.of("PGPASSWORD", pg.password()));
        try (StateStore first = db.open("alice"); PimState pim = db.openPim("alice"); StateStore other = db.open("bob")) {
            first.folder("INBOX", "INBOX");
            StateException busy = assertThrows(StateException.class, () -> db.open("alice"));
            assertTrue(busy.getMessage().contains("in use by another run"), busy.getMessage());
        }
        try (StateStore again = db.open("alice")) {
            assertEquals(1, again.folder("INBOX", "INBOX").id(), "the same folder pair, after the first run closed");
        }
        String history = pg.sql(db.toString().substring(db.toString().lastIndexOf('/') + 1),
                "select version, success from mm_schema_history where version is not null");
        assertEquals("1|t", history.trim(), "the schema's versions, applied by Flyway");
    }

    /**
     * The counts shown before and after a pass come from {@code copiedCounts}, not from reading every record: each must
     * be what {@code copied} holds, in the order asked, in the embedded store and in PostgreSQL alike.
     */
    @Test
    void copiedCountsAreWhatEachFolderRecorded() throws Exception {
        DatabaseStore db = DatabaseStore.parse(pg.url(pg.createDatabase()), Map.of("PGPASSWORD", pg.password()));
        Path dir = Files.createTempDirectory("mm-counts");
        try (StateStore h2 = StateStore.openEmbedded(dir, "alice"); StateStore postgres = db.open("alice")) {
            for (StateStore store : List.of(h2, postgres)) {
                List<FolderState> f = store.folders(List.of(Map.entry("INBOX", "INBOX"), Map.entry("Sent", "Sent"),
                        Map.entry("Empty", "Empty")));
                store.recordBatch(f.get(0), copies(0, 7));
                store.recordBatch(f.get(1), copies(100, 3));
                store.recordCopied(f.get(1), copies(102, 2)); // one replaced, one added
                store.forget(f.get(0).id(), Set.of("src-1", "src-2"));
                List<Long> ids = f.stream().map(FolderState::id).toList();
                assertEquals(List.of(5L, 4L, 0L), store.copiedCounts(ids), store.toString());
                assertEquals(List.of(4L, 0L, 5L), store.copiedCounts(List.of(ids.get(1), ids.get(2), ids.get(0))));
                for (long id : ids) {
                    assertEquals((long) store.copied(id).size(), store.copiedCounts(List.of(id)).get(0));
                }
                store.resetFolder(ids.get(1));
                assertEquals(List.of(5L, 0L, 0L), store.copiedCounts(ids));
            }
        }
    }

    private static List<CopiedMessage> copies(int from, int n) {
        return IntStream.range(from, from + n)
                .mapToObj(i -> new CopiedMessage("src-" + i, "dst-" + i, "fp-" + i, Set.of("\\Seen"))).toList();
    }

    @Test
    void aWrongPasswordIsSaidWithoutEchoingIt() throws Exception {
        DatabaseStore db = DatabaseStore.parse(pg.url(pg.createDatabase()), Map.of("PGPASSWORD", "not-the-password"));
        StateException e = assertThrows(StateException.class, () -> db.open("alice"));
        assertTrue(e.getMessage().contains("password authentication failed"), e.getMessage());
        assertFalse(e.getMessage().contains("not-the-password"), e.getMessage());
    }
}
