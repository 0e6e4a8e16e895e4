package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.core.internal.state.H2StateStore;
import org.mailmigrator.core.internal.state.WatchedStore;
import org.mailmigrator.core.state.CopiedMessage;
import org.mailmigrator.core.state.FolderState;
import org.mailmigrator.core.state.JournalEntry;
import org.mailmigrator.core.state.StateException;
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.ChildJvm;

/**
 * Issue 11 item 3: the state store has no sequence to break, a store that stops answering ends the call with
 * a message instead of a hang, and a SIGKILL at any instruction leaves a store that opens and is consistent.
 */
class StateStoreFaultsTest {

    private static Connection jdbc(Path dir) throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("pair").toAbsolutePath());
        return ds.getConnection();
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Sequences, including those behind identity (auto_increment) columns. */
    private static long sequences(Connection c) throws Exception {
        return count(c, "select count(*) from information_schema.sequences where sequence_schema = 'PUBLIC'")
                + count(c, "select count(*) from information_schema.columns where table_schema = 'PUBLIC' "
                        + "and is_identity = 'YES'");
    }

    @Test
    void theSchemaHasNoSequenceAndOldStoresAreConverted(@TempDir Path fresh, @TempDir Path old) throws Exception {
        try (StateStore s = StateStore.openEmbedded(fresh, "pair")) {
            assertEquals(1, s.folder("INBOX", "INBOX").id());
            assertEquals(2, s.folder("Sent", "Sent").id());
            assertEquals(1, s.folder("INBOX", "INBOX").id());
        }
        try (Connection c = jdbc(fresh)) {
            assertEquals(0, sequences(c));
        }
        // a store made by the earlier schema: an auto_increment id (an identity, with its sequence)
        try (Connection c = jdbc(old); Statement st = c.createStatement()) {
            st.execute("create table folder_pair(id bigint auto_increment primary key, src varchar not null, "
                    + "dst varchar not null, src_validity bigint default 0 not null, dst_validity bigint default 0 not null, "
                    + "src_uidnext bigint default 0 not null, src_modseq bigint default 0 not null, "
                    + "dst_uidnext bigint default 0 not null, unique(src, dst))");
            st.execute("insert into folder_pair(src, dst, src_validity, dst_uidnext) values ('INBOX', 'INBOX', 42, 9)");
            st.execute("insert into folder_pair(src, dst) values ('Sent', 'Sent')");
            assertTrue(sequences(c) > 0,
                    "the earlier schema did have a sequence");
        }
        try (StateStore s = StateStore.openEmbedded(old, "pair")) {
            FolderState inbox = s.folder("INBOX", "INBOX");
            assertEquals(1, inbox.id());
            assertEquals("42", inbox.srcEpoch());
            assertEquals("9", inbox.dstPosition());
            assertEquals(-1, inbox.dstMessages(), "unknown: the next pass checks the destination");
            assertEquals(3, s.folder("Drafts", "Drafts").id());
        }
        try (Connection c = jdbc(old)) {
            assertEquals(0, sequences(c));
        }
    }

    @Test
    void aStoreThatStopsAnsweringEndsTheCallWithAMessageNamingTheFile(@TempDir Path dir) throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        Path file = dir.resolve("pair.mv.db");
        StateStore spinning = (StateStore) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { StateStore.class }, (proxy, method, args) -> {
                    if (method.getName().equals("folder")) {
                        never.await(); // stands for H2 spinning in Sequence.flush
                    }
                    return null;
                });
        WatchedStore store = new WatchedStore(file, Duration.ofMillis(700), () -> spinning);
        long start = System.nanoTime();
        StateException e = assertThrows(StateException.class, () -> store.folder("INBOX", "INBOX"));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 5000, "ended by the deadline, after " + ms + " ms");
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("did not answer within"),
                e.getMessage());
        assertThrows(StateException.class, () -> store.journal(1), "later calls fail at once, they do not queue");
        store.close();
        never.countDown();
    }

    /**
     * A real SIGKILL of a JVM writing the store as the engine does, at random moments (often during the JVM's
     * start, the store's creation or its first folder inserts: where the spinning store came from), many times
     * over one file; after each kill the store must open within a deadline and be consistent: each batch
     * recorded whole or not at all, no journal entry left for a recorded message, folder ids unique.
     */
    @Test
    void aStoreKilledAtRandomPointsOpensAndIsConsistentEveryTime(@TempDir Path dir) throws Exception {
        Random random = new Random(11);
        int cycles = Integer.getInteger("mailmigrator.killcycles", 32);
        long recorded = 0;
        for (int cycle = 0; cycle < cycles; cycle++) {
            Path log = dir.resolve("child.log");
            Process child = ChildJvm.command(ChildMigration.BUNDLES, StateStoreChild.class, List.of("-Xmx96m"),
                    List.of(dir.toString())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (cycle % 3 == 0) {
                Thread.sleep(100 + random.nextInt(900)); // often in the JVM's start or the store's creation
            } else {
                // once the store is open (the machine may be slow), somewhere in its writes
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (child.isAlive() && System.nanoTime() < deadline
                        && !(java.nio.file.Files.exists(log) && java.nio.file.Files.readString(log).contains("opened"))) {
                    Thread.sleep(20);
                }
                Thread.sleep(random.nextInt(600));
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            String out = java.nio.file.Files.readString(log);
            assertFalse(out.contains("Exception"), "the child failed by itself before the kill:\n" + out);
            recorded = Math.max(recorded, check(dir, recorded));
        }
        assertTrue(recorded > 0, "the children did write something");
    }

    /** Opens the store under a deadline, checks its invariants, returns the number of recorded messages. */
    private static long check(Path dir, long before) throws Exception {
        WatchedStore store = new WatchedStore(dir.resolve("pair.mv.db"), Duration.ofSeconds(30),
                () -> H2StateStore.open(dir, "pair"));
        long total = 0;
        try (store) {
            store.awaitOpen();
            List<Long> ids = new ArrayList<>();
            for (int k = 0; k < StateStoreChild.FOLDERS; k++) {
                FolderState f = store.folder("src/" + k, "dst/" + k);
                assertFalse(ids.contains(f.id()), "folder ids are unique: " + ids + " " + f);
                ids.add(f.id());
                Map<String, CopiedMessage> copied = store.copied(f.id());
                assertEquals(0, copied.size() % StateStoreChild.BATCH, "batches are recorded whole: " + copied.keySet());
                for (long uid = 1; uid <= copied.size(); uid++) {
                    assertEquals(String.valueOf(1000 + uid), copied.get(String.valueOf(uid)).dstId(), "folder " + k + " uid " + uid);
                }
                List<JournalEntry> journal = store.journal(f.id());
                for (JournalEntry j : journal) {
                    assertFalse(copied.containsKey(j.srcId()), "a recorded message has no journal entry left");
                }
                assertTrue(journal.isEmpty() || journal.size() == StateStoreChild.BATCH, "journal: " + journal);
                total += copied.size();
            }
        }
        assertTrue(total >= before, "nothing committed is lost: " + total + " < " + before);
        return total;
    }
}
