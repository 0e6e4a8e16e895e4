package org.mailmigrator.batch.tests;

import org.eclipse.core.runtime.RegistryFactory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * Start per migration, stop per selection, retry failed, resume per migration and a delta pass, with one
 * migration at a time so that what is queued when a command is given is certain.
 */
class ControlsTest {

    @Test
    void perMigrationAndPerSelectionControls(@TempDir Path dir) throws Exception {
        try (Dovecot d = Dovecot.start(Dovecot.Layout.SLASH)) {
            StringBuilder csv = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                Mailboxes.fill(d, "c" + i, 6, 300 + i, 0);
                csv.append("127.0.0.1:").append(d.imapPort()).append(";c").append(i).append(";")
                        .append(i == 2 ? "wrong" : Dovecot.PASSWORD).append(";127.0.0.1:").append(d.imapPort())
                        .append(";cd").append(i).append(";").append(Dovecot.PASSWORD).append(";;\n");
            }
            var registry = new ConnectorRegistry(RegistryFactory.getRegistry());
            var imported = Platform.importer(registry).read(csv.toString().getBytes(StandardCharsets.UTF_8), ImportOptions.auto());
            Workspace ws = new Workspace(dir);
            SecretVault vault = SecretVault.open(ws.defaultSecretsKey(), true);
            RunSettings settings = RunSettings.defaults().withAllowPlaintext(true);
            try (BatchStore store = BatchStore.open(ws.batchesDir(), false);
                    BatchManager m = new BatchManager(ws, store, vault, ConnectorFactory.of(registry))) {
                var spec = new Sealing(store, vault).store("controls", imported, false, 1, 10, Optional.empty(), Optional.empty());
                List<String> ids = spec.migrations().stream().map(x -> x.id()).toList();

                assertEquals(1, m.start("controls", Selection.PENDING, List.of(ids.get(0)), settings));
                assertTrue(m.join("controls", Duration.ofSeconds(60)));
                assertEquals(List.of("SYNCED", "QUEUED", "QUEUED", "QUEUED", "QUEUED", "QUEUED"), statuses(store));

                assertEquals(5, m.start("controls", Selection.PENDING, List.of(), settings));
                m.stop("controls", List.of(ids.get(3), ids.get(4))); // one at a time: both are still waiting
                assertTrue(m.join("controls", Duration.ofSeconds(60)));
                assertEquals(List.of("SYNCED", "SYNCED", "FAILED", "STOPPED", "STOPPED", "SYNCED"), statuses(store));
                assertTrue(store.states("controls").get(2).lastError().orElse("").contains("c2"),
                        store.states("controls").get(2).toString());

                assertEquals(1, m.retryFailed("controls", settings));
                assertTrue(m.join("controls", Duration.ofSeconds(60)));
                assertEquals("FAILED", statuses(store).get(2));

                assertEquals(1, m.resume("controls", List.of(ids.get(3)), settings));
                assertTrue(m.join("controls", Duration.ofSeconds(60)));
                assertEquals(List.of("SYNCED", "SYNCED", "FAILED", "SYNCED", "STOPPED", "SYNCED"), statuses(store));

                Mailboxes.fill(d, "c0", 3, 999, 0); // new mail on the source after the first pass
                assertEquals(1, m.delta("controls", List.of(ids.get(0)), settings));
                assertTrue(m.join("controls", Duration.ofSeconds(60)));
                MigrationState delta = store.states("controls").get(0);
                assertEquals(MigrationStatus.SYNCED, delta.status());
                assertEquals(9, delta.copied(), "copied over all passes: 6, then the 3 new ones");
                var passes = new org.mailmigrator.batch.report.PassLog(ws, "controls", ids.get(0)).passes();
                assertEquals("delta", passes.get(passes.size() - 1).kind());
                assertEquals(3, passes.get(passes.size() - 1).copied(), "the delta pass copied only the new messages");
                for (int i : new int[] { 0, 1, 3, 5 }) {
                    Mailboxes.assertSame(d, "c" + i, "cd" + i);
                }
            }
        }
    }

    private static List<String> statuses(BatchStore store) throws Exception {
        return store.states("controls").stream().map(s -> s.status().name()).toList();
    }
}
