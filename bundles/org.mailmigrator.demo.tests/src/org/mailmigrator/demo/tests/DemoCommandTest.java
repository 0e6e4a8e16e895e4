package org.mailmigrator.demo.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.csv.CsvFormat;
import org.mailmigrator.batch.csv.ImportResult;
import org.mailmigrator.batch.csv.ImportedPair;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.workspace.BatchDefaults;
import org.mailmigrator.batch.workspace.BatchWorkspace;
import org.mailmigrator.cli.Cli;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.Migration;
import org.mailmigrator.core.model.MigrationOptions;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.demo.Demo;

/** {@code mailmigrator demo}: the demo batch run headless, twice in one workspace, and never over someone's batch. */
class DemoCommandTest {

    @Test
    void demoCommandRunsTheBatchToSyncedAndCanRunAgain(@TempDir Path dir) {
        for (int run = 1; run <= 2; run++) {
            var out = new StringWriter();
            var err = new StringWriter();
            int code = Cli.run(new String[] { "demo", "--workspace", dir.toString() }, new PrintWriter(out), new PrintWriter(err));
            assertEquals(0, code, "run " + run + "\n" + out + err);
            assertEquals(5, out.toString().lines().filter(l -> l.matches("0000\\d-\\w+ .* Synced .*")).count(), out.toString());
            assertTrue(out.toString().contains("5 Synced; messages 301 / 301 (100 %)"), out.toString());
            assertTrue(err.toString().contains("source IMAP server on 127.0.0.1:"), err.toString());
        }
    }

    @Test
    void aBatchNamedDemoThatTheDemoDidNotMakeIsLeftAlone(@TempDir Path dir) throws Exception {
        Workspace ws = new Workspace(dir);
        Account src = new Account("imap", Map.of("host", "imap.example.org", "login", "ann"), new CredentialRef("1/source"));
        Account dst = new Account("imap", Map.of("host", "mail.example.net", "login", "ann"), new CredentialRef("1/destination"));
        var pair = new ImportedPair(1, new Migration("00001-ann", src, dst, MigrationOptions.mailOnly()), Secret.of("a"),
                Secret.of("b"));
        try (BatchWorkspace w = Workspaces.service().open(ws, Optional.empty())) {
            w.importBatch(Demo.BATCH, new ImportResult(CsvFormat.NATIVE, "UTF-8", List.of(pair), List.of()),
                    false, new BatchDefaults(4, 10), Optional.empty(), Optional.empty());
        }
        var err = new StringWriter();
        int code = Cli.run(new String[] { "demo", "--workspace", dir.toString() }, new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("batch named 'demo' that the demo did not make"), err.toString());
        try (BatchStore store = BatchStore.open(ws.batchesDir(), true)) {
            assertEquals("imap.example.org", store.batch(Demo.BATCH).orElseThrow().migrations().get(0).source()
                    .setting("host").orElseThrow());
        }
    }
}
