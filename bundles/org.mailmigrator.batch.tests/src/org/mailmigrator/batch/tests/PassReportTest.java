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
import org.mailmigrator.batch.report.BatchReport;
import org.mailmigrator.batch.report.PassLog;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.testing.Dovecot;

/**
 * Three passes of one mailbox against Dovecot (paused mid-copy, resumed, then a delta after new mail), then the
 * reports: cumulative copies equal what the destination server holds, each pass is listed with what it did,
 * the completeness check has per folder the source's and the destination's counts as the server's files show
 * them, the counts survive a reopen of the store, and no report says "null".
 */
class PassReportTest {
    private static final int MESSAGES = 900;

    @Test
    void reportAfterInterruptedResumedAndDeltaPassesStatesCumulativeCounts(@TempDir Path dir) throws Exception {
        try (Dovecot d = Dovecot.start(Dovecot.Layout.SLASH)) {
            Mailboxes.fill(d, "p0", MESSAGES, 7, 0);
            String csv = "127.0.0.1:" + d.imapPort() + ";p0;" + Dovecot.PASSWORD + ";127.0.0.1:" + d.imapPort() + ";pd0;"
                    + Dovecot.PASSWORD + ";;\n";
            var registry = new ConnectorRegistry(RegistryFactory.getRegistry());
            var imported = Platform.importer(registry).read(csv.getBytes(StandardCharsets.UTF_8), ImportOptions.auto());
            Workspace ws = new Workspace(dir);
            SecretVault vault = SecretVault.open(ws.defaultSecretsKey(), true);
            RunSettings settings = RunSettings.defaults().withAllowPlaintext(true);
            String id;
            try (BatchStore store = BatchStore.open(ws.batchesDir(), false);
                    BatchManager m = new BatchManager(ws, store, vault, ConnectorFactory.of(registry))) {
                var spec = new Sealing(store, vault).store("passes", imported, false, 1, 10, Optional.empty(), Optional.empty());
                id = spec.migrations().get(0).id();
                m.start("passes", Selection.PENDING, List.of(), settings);
                long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (m.snapshot("passes").messagesDone() < 30 && System.nanoTime() < end) {
                    Thread.sleep(5);
                }
                m.pause("passes", List.of(id));
                assertTrue(m.join("passes", Duration.ofSeconds(60)));
                assertEquals(MigrationStatus.PAUSED, store.states("passes").get(0).status(), "paused mid-copy");
                long afterPause = Mailboxes.count(d, "pd0");
                assertTrue(afterPause > 0 && afterPause < MESSAGES, "the first pass was cut off: " + afterPause);

                m.resume("passes", List.of(id), settings);
                assertTrue(m.join("passes", Duration.ofSeconds(120)));
                assertEquals(MigrationStatus.SYNCED, store.states("passes").get(0).status());

                Mailboxes.fill(d, "p0", 30, 99, 0);  // new mail: 10 per folder
                m.delta("passes", List.of(id), settings);
                assertTrue(m.join("passes", Duration.ofSeconds(120)));
            }
            int onDestination = Mailboxes.count(d, "pd0");
            assertEquals(MESSAGES + 30, onDestination, "the destination server holds every message once");
            try (BatchStore store = BatchStore.open(ws.batchesDir(), false)) {  // reopened: counts come back from disk
                MigrationState s = store.states("passes").get(0);
                assertEquals(MigrationStatus.SYNCED, s.status());
                assertEquals(onDestination, s.copied(), "copied over all passes, after a reopen");

                List<PassLog.Pass> passes = new PassLog(ws, "passes", id).passes();
                assertEquals(List.of("full", "resume", "delta"), passes.stream().map(PassLog.Pass::kind).toList());
                assertEquals(List.of("interrupted", "completed", "completed"), passes.stream().map(PassLog.Pass::outcome).toList());
                assertEquals(30, passes.get(2).copied(), "the delta pass copied the new mail only");
                assertEquals(MESSAGES, passes.get(1).copied() + passes.get(1).alreadyPresent(),
                        "the resumed pass found the first pass's copies and copied the rest: " + passes);

                Map<String, List<String>> files = Mailboxes.snapshot(d, "pd0");
                Map<String, List<String>> sourceFiles = Mailboxes.snapshot(d, "p0");
                List<PassLog.FolderCount> folders = new PassLog(ws, "passes", id).folders();
                assertEquals(Mailboxes.FOLDERS.size(), folders.size(), folders.toString());
                for (PassLog.FolderCount f : folders) {
                    assertEquals(sourceFiles.get(f.source()).size(), f.sourceMessages(), "source count of " + f);
                    assertEquals(files.get(f.destination()).size(), f.destinationMessages(), "destination count of " + f);
                    assertEquals(f.destinationMessages(), f.copied(), "all copied by this migration: " + f);
                }

                Path out = dir.resolve("report");
                BatchReport.load(store, ws, "passes", ConnectorFactory.of(registry)).write(out);
                String text = Files.readString(out.resolve("migrations").resolve(id + ".txt"));
                assertTrue(text.contains("copied    " + onDestination + " (all passes)"), text);
                assertTrue(text.contains("pass 1: full pass") && text.contains(": interrupted; copied " + passes.get(0).copied()), text);
                assertTrue(text.contains("pass 3: delta pass") && text.contains(": completed; copied 30,"), text);
                assertTrue(text.contains("completeness check: complete (source " + onDestination + " message(s), destination "
                        + onDestination + ")"), text);
                assertTrue(text.contains("INBOX -> INBOX: source " + files.get("INBOX").size() + ", destination "
                        + files.get("INBOX").size()), text);
                String json = Files.readString(out.resolve("batch.json"));
                assertTrue(json.contains("\"complete\": true") && json.contains("\"kind\": \"delta\""), json);
                for (String f : List.of("summary.txt", "migrations.csv", "skipped.csv", "migrations/" + id + ".txt")) {
                    String report = Files.readString(out.resolve(f));
                    assertFalse(report.contains("null"), f + " says null: " + report);
                }
            }
        }
    }
}
