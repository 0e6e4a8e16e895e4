package org.mailmigrator.demo.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.jobs.BatchManager;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.batch.jobs.Selection;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.workspace.BatchDefaults;
import org.mailmigrator.batch.workspace.BatchWorkspace;
import org.mailmigrator.core.model.Migration;
import org.mailmigrator.demo.Demo;
import org.mailmigrator.demo.internal.SampleMailboxes;

/**
 * The demo as a newcomer gets it: servers start inside the JVM, the batch "demo" is stored through the
 * secret vault and run with the default run settings (plaintext not allowed for runs: the demo accounts
 * carry it themselves), every migration ends Synced, and both sides, read through the IMAP connector, hold
 * the same messages with the same flags and dates in the same folders. A second pass copies nothing.
 */
class DemoBatchTest {

    @Test
    void demoBatchSyncsEveryMailboxExactly(@TempDir Path dir) throws Exception {
        Workspace ws = new Workspace(dir);
        try (Demo demo = Demo.start(); BatchWorkspace w = Workspaces.service().open(ws, Optional.empty())) {
            w.vault(true);
            BatchStore store = w.store();
            BatchManager manager = w.manager();
            BatchSpec spec = w.importBatch(Demo.BATCH, demo.pairs(), false, new BatchDefaults(Demo.PARALLEL, Demo.PER_HOST),
                    Optional.empty(), Optional.empty());
            assertEquals(SampleMailboxes.USERS.size(), spec.migrations().size());
            for (Migration m : spec.migrations()) {
                for (var a : List.of(m.source(), m.destination())) {
                    assertEquals(Optional.of("127.0.0.1"), a.setting("host"), "demo servers are loopback only");
                    assertEquals(Optional.of("plain"), a.setting("security"), m.id());
                }
                assertNotEquals(m.source().setting("port"), m.destination().setting("port"), "two servers");
            }

            long t0 = System.nanoTime();
            assertEquals(spec.migrations().size(), manager.start(Demo.BATCH, Selection.PENDING, List.of(), RunSettings.defaults()));
            assertTrue(manager.join(Demo.BATCH, Duration.ofMinutes(3)), "the demo batch finished");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(Map.of(MigrationStatus.SYNCED, (long) spec.migrations().size()), statuses(store.states(Demo.BATCH)),
                    () -> errors(store, spec));
            System.out.println("demo batch: " + spec.migrations().size() + " migrations synced in " + ms + " ms");

            int total = 0;
            for (Migration m : spec.migrations()) {
                var creds = w.credentials(m);
                var src = MailboxSnapshot.of(m.source(), creds.source());
                var dst = MailboxSnapshot.of(m.destination(), creds.destination());
                assertEquals(src, dst, "messages (fingerprint, flags, date) per folder of " + m.id());
                assertEquals(Set.of("INBOX", "Sent", "Drafts", "Archives.2024", "Réunions"), src.keySet(), m.id());
                total += MailboxSnapshot.count(dst);
            }
            int expected = SampleMailboxes.USERS.stream().mapToInt(SampleMailboxes.User::messages).sum() + 1;
            assertEquals(expected, total, "every sample message, the duplicate and the one without Message-ID");

            assertEquals(spec.migrations().size(), manager.delta(Demo.BATCH, List.of(), RunSettings.defaults()));
            assertTrue(manager.join(Demo.BATCH, Duration.ofMinutes(1)));
            assertEquals(0, manager.reports(Demo.BATCH).values().stream().mapToLong(r -> r.copied()).sum(),
                    "a second pass copies nothing");
            assertEquals(Map.of(MigrationStatus.SYNCED, (long) spec.migrations().size()), statuses(store.states(Demo.BATCH)));
        }
    }

    @Test
    void sampleMailboxesAreTheSameOnEveryStart() {
        for (SampleMailboxes.User u : SampleMailboxes.USERS) {
            var a = SampleMailboxes.of(u);
            var b = SampleMailboxes.of(u);
            assertEquals(a.size(), b.size());
            for (int i = 0; i < a.size(); i++) {
                assertTrue(java.util.Arrays.equals(a.get(i).bytes(), b.get(i).bytes()), u.name() + " message " + i);
            }
        }
        var alice = SampleMailboxes.of(SampleMailboxes.USERS.get(0));
        assertEquals(1, alice.stream().filter(m -> !new String(m.bytes(), java.nio.charset.StandardCharsets.UTF_8)
                .contains("\r\nMessage-ID: ")).count(), "one message without Message-ID");
        assertTrue(alice.stream().anyMatch(m -> m.bytes().length > 2_000_000), "a message big enough to be streamed");
    }

    private static Map<MigrationStatus, Long> statuses(List<MigrationState> states) {
        Map<MigrationStatus, Long> out = new TreeMap<>();
        states.forEach(s -> out.merge(s.status(), 1L, Long::sum));
        return out;
    }

    private static String errors(BatchStore store, BatchSpec spec) {
        try {
            return store.states(spec.name()).stream().map(s -> s.migrationId() + " " + s.status() + " " + s.lastError().orElse(""))
                    .reduce("", (x, y) -> x + "\n" + y);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
