package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.ChildJvm;

/**
 * The process running a batch is killed (SIGKILL) in the middle; the batch is run again and resumes where
 * it stood; then every pair is verified message by message (nothing lost, nothing twice).
 */
class KillRestartTest {

    @Test
    void killedMidBatchThenRestartedEveryPairExact(@TempDir Path dir) throws Exception {
        try (Dovecot d = Dovecot.start(Dovecot.Layout.SLASH)) {
            int pairs = 16;
            StringBuilder csv = new StringBuilder("source.server,source.login,source.password,destination.server,"
                    + "destination.login,destination.password\n");
            for (int i = 0; i < pairs; i++) {
                Mailboxes.fill(d, "k" + i, 90, 200 + i, 0);
                csv.append("imap://127.0.0.1:").append(d.imapPort()).append(",k").append(i).append(",testpass,")
                        .append("imap://127.0.0.1:").append(d.imapPort()).append(",kd").append(i).append(",testpass\n");
            }
            Path file = dir.resolve("kill.csv");
            Files.writeString(file, csv);
            Path ws = dir.resolve("ws");
            CliRun imported = CliRun.of("batch", "import", file.toString(), "--workspace", ws.toString(), "--parallel", "3",
                    "--per-host", "8");
            assertEquals(0, imported.code(), imported.toString());
            assertTrue(imported.out().contains("16 migration(s)") && imported.out().contains("native"), imported.out());

            Process child = ChildJvm.command(BatchChild.BUNDLES, BatchChild.class, List.of("-Xmx256m"), List.of(ws.toString(), "kill")).redirectErrorStream(true).start();
            StringBuilder seen = new StringBuilder();
            int synced = 0;
            CliRun live = null;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    seen.append(line).append('\n');
                    if (line.endsWith(" SYNCED") && ++synced == 1) {
                        // the status table from another process while the child runs the batch
                        live = CliRun.of("batch", "status", "kill", "--workspace", ws.toString());
                    } else if (line.endsWith(" RUNNING") && synced >= 4) {
                        Thread.sleep(200); // into the copy of that pair
                        child.destroyForcibly();
                        break;
                    }
                }
            }
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, child.exitValue(), "killed by SIGKILL:\n" + seen);
            assertFalse(seen.toString().contains("finished"), seen.toString());
            assertEquals(0, live.code(), "status while another process runs the batch: " + live);
            assertTrue(live.out().contains(" Synced ") && live.out().contains("16 migration(s)"), live.out());

            Map<MigrationStatus, Long> atKill;
            try (BatchStore store = BatchStore.open(new Workspace(ws).batchesDir(), true)) {
                atKill = BatchRunTest.counts(store.states("kill"));
            }
            System.out.println("statuses when killed: " + atKill);
            assertTrue(atKill.getOrDefault(MigrationStatus.SYNCED, 0L) >= 4, atKill.toString());
            assertTrue(atKill.getOrDefault(MigrationStatus.SYNCED, 0L) < pairs, atKill.toString());
            assertTrue(atKill.getOrDefault(MigrationStatus.RUNNING, 0L) >= 1, "a pair was cut mid-copy: " + atKill);
            int partial = 0;
            for (int i = 0; i < pairs; i++) {
                int copied = Mailboxes.count(d, "kd" + i);
                if (copied > 0 && copied < Mailboxes.count(d, "k" + i)) {
                    partial++;
                }
            }
            System.out.println("pairs copied in part when killed: " + partial);

            CliRun resumed = CliRun.of("batch", "run", "kill", "--workspace", ws.toString(), "--allow-plaintext");
            assertEquals(0, resumed.code(), resumed.toString());
            for (int i = 0; i < pairs; i++) {
                Mailboxes.assertSame(d, "k" + i, "kd" + i);
            }
            try (BatchStore store = BatchStore.open(new Workspace(ws).batchesDir(), true)) {
                assertEquals(Map.of(MigrationStatus.SYNCED, (long) pairs), BatchRunTest.counts(store.states("kill")));
            }
        }
    }
}
