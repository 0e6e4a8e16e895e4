package org.mailmigrator.batch.tests;

import org.eclipse.core.runtime.RegistryFactory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.internal.Sealing;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.csv.ImportOptions;
import org.mailmigrator.batch.jobs.BatchManager;
import org.mailmigrator.batch.jobs.ConnectorFactory;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.batch.jobs.Selection;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.testing.Dovecot;

/**
 * A pass cut off by the program ending: stopped by a closing process it is stored Interrupted (not left
 * Running); left Running by a crash it is shown Interrupted by the next process that opens the workspace; a
 * second process says which program holds the workspace; the next start resumes and ends exact on Dovecot.
 */
class InterruptedStatusTest {
    private static final int MESSAGES = 900;

    @Test
    void cutOffPassesAreInterruptedAndResume(@TempDir Path dir) throws Exception {
        try (Dovecot d = Dovecot.start(Dovecot.Layout.SLASH)) {
            Mailboxes.fill(d, "i0", MESSAGES, 11, 0);
            String csv = "127.0.0.1:" + d.imapPort() + ";i0;" + Dovecot.PASSWORD + ";127.0.0.1:" + d.imapPort() + ";id0;"
                    + Dovecot.PASSWORD + ";;\n";
            var registry = new ConnectorRegistry(RegistryFactory.getRegistry());
            var imported = Platform.importer(registry).read(csv.getBytes(StandardCharsets.UTF_8), ImportOptions.auto());
            Workspace ws = new Workspace(dir);
            SecretVault vault = SecretVault.open(ws.defaultSecretsKey(), true);
            RunSettings settings = RunSettings.defaults().withAllowPlaintext(true);
            try (BatchStore store = BatchStore.open(ws.batchesDir(), false)) {
                var spec = new Sealing(store, vault).store("cut", imported, false, 1, 10, Optional.empty(), Optional.empty());
                String id = spec.migrations().get(0).id();
                try (BatchManager m = new BatchManager(ws, store, vault, ConnectorFactory.of(registry))) {
                    m.start("cut", Selection.PENDING, List.of(), settings);
                    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (m.snapshot("cut").messagesDone() < 30 && System.nanoTime() < end) {
                        Thread.sleep(5);
                    }
                    m.shutdown(Duration.ofSeconds(20));  // the workbench closing with "Stop now", or SIGTERM
                }
                MigrationState s = store.states("cut").get(0);
                assertEquals(MigrationStatus.INTERRUPTED, s.status(), "stored Interrupted, not left Running: " + s);
                assertTrue(s.lastError().orElse("").contains("cut off"), s.toString());
                assertTrue(Mailboxes.count(d, "id0") < MESSAGES, "the pass was cut off mid-copy");

                // a crash leaves the row Running; the next process shows it Interrupted
                store.saveState("cut", s.moveTo(MigrationStatus.RUNNING, Instant.now(), Optional.empty()));
                try (BatchManager next = new BatchManager(ws, store, vault, ConnectorFactory.of(registry))) {
                    assertEquals(Map.of("cut", List.of(id)), next.markInterrupted());
                    assertEquals(MigrationStatus.INTERRUPTED, store.states("cut").get(0).status());
                    assertEquals(Map.of(), next.markInterrupted(), "nothing left to mark");
                }

                try (BatchManager again = new BatchManager(ws, store, vault, ConnectorFactory.of(registry))) {
                    assertEquals(1, again.start("cut", Selection.PENDING, List.of(), settings), "Interrupted rows are resumed");
                    assertTrue(again.join("cut", Duration.ofSeconds(120)));
                }
                assertEquals(MigrationStatus.SYNCED, store.states("cut").get(0).status());
                Mailboxes.assertSame(d, "i0", "id0");
            }

            // a second process on the same workspace says which program holds it, in words
            Process holder = org.mailmigrator.testing.ChildJvm.command(BatchChild.BUNDLES, StoreHolderChild.class, List.of(),
                    List.of(dir.toString())).start();
            try {
                var in = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
                assertEquals("holding", in.readLine());
                CliRun second = CliRun.of("batch", "run", "cut", "--workspace", dir.toString(), "--allow-plaintext");
                assertEquals(1, second.code(), second.toString());
                assertTrue(second.err().contains("is in use by process " + holder.pid()), second.toString());
                assertFalse(second.err().contains("Exception") || second.err().contains("org.h2"), second.toString());
                assertEquals(1, second.err().lines().count(), "one line, not a stack trace: " + second);
            } finally {
                holder.getOutputStream().close();
                holder.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
                holder.destroyForcibly();
            }
        }
    }
}
