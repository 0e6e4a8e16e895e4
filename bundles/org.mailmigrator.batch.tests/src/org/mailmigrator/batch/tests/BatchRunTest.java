package org.mailmigrator.batch.tests;

import org.eclipse.core.runtime.RegistryFactory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.internal.Sealing;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.csv.ImportOptions;
import org.mailmigrator.batch.jobs.BatchListener;
import org.mailmigrator.batch.jobs.BatchManager;
import org.mailmigrator.batch.jobs.BatchProgress;
import org.mailmigrator.batch.jobs.ConnectorFactory;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.batch.jobs.Selection;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.testing.Dovecot;

/** Whole batches against a real Dovecot, the connections observed by a proxy in front of it. */
class BatchRunTest {

    @Test
    void fiftyPairsWithParallel4PerHost6NeverExceedSixConnections(@TempDir Path dir) throws Exception {
        // two "servers": the source named localhost, the destination 127.0.0.1, each behind its own counting proxy
        try (Dovecot d = Dovecot.start(Dovecot.Layout.SLASH); CountingProxy source = new CountingProxy(d.imapPort());
                CountingProxy proxy = new CountingProxy(d.imapPort())) {
            StringBuilder csv = new StringBuilder("# 50 pairs, imapsync format\n");
            for (int i = 0; i < 50; i++) {
                Mailboxes.fill(d, "s" + i, 9, i, 0);
                csv.append("localhost:").append(source.port()).append(";s").append(i).append(";").append(Dovecot.PASSWORD)
                        .append(";127.0.0.1:").append(proxy.port()).append(";d").append(i).append(";")
                        .append(Dovecot.PASSWORD).append(";;\n");
            }
            Path file = dir.resolve("fifty.csv");
            Files.writeString(file, csv);
            Path ws = dir.resolve("ws");
            Path reports = dir.resolve("reports");
            CliRun run = CliRun.of("batch", "run", file.toString(), "--workspace", ws.toString(), "--parallel", "4",
                    "--per-host", "6", "--allow-plaintext", "--report", reports.toString());
            assertEquals(0, run.code(), run.toString());
            System.out.println("50 pairs: source server saw " + source.total() + " connections, at most " + source.max()
                    + " at once; destination server " + proxy.total() + ", at most " + proxy.max());
            assertTrue(source.max() <= 6, "at most 6 simultaneous connections to the source, saw " + source.max());
            assertTrue(proxy.max() <= 6, "at most 6 simultaneous connections to the destination, saw " + proxy.max());
            // one pair holds at most 2 connections per server: more than 2 means pairs really ran in parallel
            assertTrue(Math.max(source.max(), proxy.max()) > 2, "pairs ran in parallel: " + source.max() + ", " + proxy.max());
            assertTrue(source.total() >= 50 && proxy.total() >= 50, source.total() + ", " + proxy.total());
            for (int i = 0; i < 50; i++) {
                Mailboxes.assertSame(d, "s" + i, "d" + i);
            }
            assertEquals(50, run.out().lines().filter(l -> l.contains(" Synced ")).count(), run.out());
            String json = Files.readString(reports.resolve("batch.json"));
            assertTrue(json.contains("\"Synced\": 50"), json);
            assertFalse(json.contains(Dovecot.PASSWORD), "no password in a report");

            CliRun status = CliRun.of("batch", "status", "fifty", "--workspace", ws.toString());
            assertEquals(0, status.code(), status.toString());
            assertTrue(status.out().contains("50 migration(s), 50 Synced"), status.out());

            Path export = dir.resolve("export.csv");
            CliRun exported = CliRun.of("batch", "export", "fifty", export.toString(), "--workspace", ws.toString());
            assertEquals(0, exported.code(), exported.toString());
            String back = Files.readString(export);
            assertEquals(51, back.lines().count());
            assertFalse(back.contains(Dovecot.PASSWORD), back);
            assertTrue(back.contains("imap,imap://localhost:" + source.port() + ",s7,,imap,imap://127.0.0.1:" + proxy.port()
                    + ",d7,,false"), back);

            CliRun again = CliRun.of("batch", "run", "fifty", "--workspace", ws.toString(), "--delta", "--allow-plaintext");
            assertEquals(0, again.code(), again.toString());
            CliRun purge = CliRun.of("batch", "purge", "fifty", "--workspace", ws.toString());
            assertEquals(0, purge.code(), purge.toString());
            assertEquals(2, CliRun.of("batch", "status", "fifty", "--workspace", ws.toString()).code());
            assertFalse(Files.exists(new Workspace(ws).stateDir("fifty")));
        }
    }

    @Test
    void pauseThenResumeEndsWithEveryPairExact(@TempDir Path dir) throws Exception {
        try (Dovecot d = Dovecot.start(Dovecot.Layout.SLASH); CountingProxy proxy = new CountingProxy(d.imapPort())) {
            StringBuilder csv = new StringBuilder("Source type;Source server;Source login;Source password;"
                    + "Destination type;Destination server;Destination login;Destination password\n");
            for (int i = 0; i < 10; i++) {
                Mailboxes.fill(d, "p" + i, 60, 100 + i, 0);
                csv.append("IMAP;imap://127.0.0.1:").append(proxy.port()).append(";p").append(i).append(";testpass;IMAP;")
                        .append("imap://127.0.0.1:").append(proxy.port()).append(";q").append(i).append(";testpass\n");
            }
            Workspace ws = new Workspace(dir);
            var registry = new ConnectorRegistry(RegistryFactory.getRegistry());
            var imported = Platform.importer(registry).read(csv.toString().getBytes(StandardCharsets.UTF_8), ImportOptions.auto());
            assertTrue(imported.problems().isEmpty(), CsvImportTest.problems(imported));
            SecretVault vault = SecretVault.open(ws.defaultSecretsKey(), true);
            RunSettings settings = RunSettings.defaults().withAllowPlaintext(true);
            try (BatchStore store = BatchStore.open(ws.batchesDir(), false);
                    BatchManager manager = new BatchManager(ws, store, vault, ConnectorFactory.of(registry))) {
                new Sealing(store, vault).store("pausing", imported, false, 2, 10, Optional.empty(), Optional.empty());
                CountDownLatch firstSynced = new CountDownLatch(1);
                int[] snapshots = new int[1];
                manager.addListener(new BatchListener() {
                    @Override
                    public void migrationChanged(String batch, MigrationState s) {
                        if (s.status() == MigrationStatus.SYNCED) {
                            firstSynced.countDown();
                        }
                    }

                    @Override
                    public void progress(BatchProgress p) {
                        snapshots[0]++;
                    }
                });
                long t0 = System.nanoTime();
                assertEquals(10, manager.start("pausing", Selection.PENDING, List.of(), settings));
                assertTrue(firstSynced.await(120, TimeUnit.SECONDS), "a first pair synced");
                manager.pause("pausing", List.of());
                assertTrue(manager.join("pausing", Duration.ofSeconds(60)));
                Map<MigrationStatus, Long> paused = counts(store.states("pausing"));
                assertTrue(paused.getOrDefault(MigrationStatus.PAUSED, 0L) >= 5, "most pairs paused: " + paused);
                assertEquals(10, paused.getOrDefault(MigrationStatus.PAUSED, 0L) + paused.getOrDefault(MigrationStatus.SYNCED, 0L),
                        "only paused and synced pairs: " + paused);
                Thread.sleep(300);
                assertEquals(0, proxy.open(), "no connection left open while paused");

                int resumed = manager.resume("pausing", List.of(), settings);
                assertEquals(paused.get(MigrationStatus.PAUSED).intValue(), resumed);
                assertTrue(manager.join("pausing", Duration.ofSeconds(180)));
                double seconds = (System.nanoTime() - t0) / 1e9;
                assertEquals(Map.of(MigrationStatus.SYNCED, 10L), counts(store.states("pausing")));
                for (int i = 0; i < 10; i++) {
                    Mailboxes.assertSame(d, "p" + i, "q" + i);
                }
                // coalesced: at most 4 snapshots a second (+ the explicit ones at start and end of each run)
                assertTrue(snapshots[0] <= seconds * 4 + 10, snapshots[0] + " snapshots in " + seconds + " s");
                // 2 pairs at once, each 2 sessions (source and destination on this server) of 2 connections
                assertTrue(proxy.max() <= 8, "2 pairs at once, 4 connections each at most: saw " + proxy.max());
                BatchProgress last = manager.snapshot("pausing");
                assertEquals(10, last.migrations().size());
                long wasPaused = store.states("pausing").stream()
                        .filter(s -> s.timeIn().containsKey(MigrationStatus.PAUSED)).count();
                assertEquals(paused.get(MigrationStatus.PAUSED).longValue(), wasPaused,
                        "the time spent paused is kept per migration");
            }
        }
    }

    static Map<MigrationStatus, Long> counts(List<MigrationState> states) {
        Map<MigrationStatus, Long> m = new java.util.EnumMap<>(MigrationStatus.class);
        states.forEach(s -> m.merge(s.status(), 1L, Long::sum));
        return m;
    }
}
