package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * A batch imported through the wizard and started from the Migrations view runs against a real Dovecot:
 * rows reach Synced live, the messages really arrive, and a row with a wrong password shows its error.
 */
class MigrationsRunTest {

    @Test
    void startedRowsReachSyncedAndAFailingRowShowsItsError(@TempDir Path dir) throws Exception {
        BatchSession session = PlatformUI.getWorkbench().getService(BatchSession.class);
        RunSettings before = session.runSettings();
        try (Dovecot d = Dovecot.start(Dovecot.Layout.SLASH)) {
            session.setRunSettings(before.withAllowPlaintext(true));  // Dovecot here speaks plain IMAP on loopback
            TestMailboxes.fill(d, "ui-s0", 5);
            TestMailboxes.fill(d, "ui-s1", 7);
            TestMailboxes.fill(d, "ui-s2", 3);
            assertEquals(5, TestMailboxes.count(d, "ui-s0"), "the source holds what was filled");
            String server = Dovecot.HOST + ":" + d.imapPort();
            Path file = dir.resolve("run-" + System.nanoTime() + ".txt");
            Files.writeString(file, server + ";ui-s0;" + Dovecot.PASSWORD + ";" + server + ";ui-d0;" + Dovecot.PASSWORD + ";;\n"
                    + server + ";ui-s1;" + Dovecot.PASSWORD + ";" + server + ";ui-d1;" + Dovecot.PASSWORD + ";;\n"
                    + server + ";ui-s2;wrong-password;" + server + ";ui-d2;" + Dovecot.PASSWORD + ";;\n");

            BatchesViewPage batches = BatchesViewPage.open();
            ImportWizardPage wizard = batches.openImport().chooseFile(file);
            String name = wizard.batchName();
            assertTrue(wizard.finish());
            batches.select(name);
            MigrationsViewPage migrations = MigrationsViewPage.open();
            assertEquals(List.of("Queued", "Queued", "Queued"), migrations.column("Status"));
            assertEquals(List.of("ui-s0@127.0.0.1", "ui-s1@127.0.0.1", "ui-s2@127.0.0.1"), migrations.column("Source"));
            assertEquals("mail", migrations.cell(0, "Items"));
            assertFalse(migrations.actionEnabled("Start"), "no selection, no action: no ids would mean the whole batch");

            migrations.selectAll();
            assertTrue(migrations.actionEnabled("Start"));
            int refreshesBefore = migrations.liveRefreshes();
            long t0 = System.nanoTime();
            migrations.run("Start");
            UiTestSupport.waitUntil(() -> migrations.column("Status").stream().noneMatch(s -> s.equals("Queued") || s.equals("Running")
                    || s.equals("Pre-flight")), Duration.ofSeconds(120), () -> migrations.column("Status").toString());

            double seconds = (System.nanoTime() - t0) / 1e9;
            int refreshes = migrations.liveRefreshes() - refreshesBefore;
            assertTrue(refreshes >= 1, "the rows changed through live snapshots");
            assertTrue(refreshes <= seconds * 4 + 1, refreshes + " live refreshes in " + seconds + " s: at most 4 a second");
            assertEquals(List.of("Synced", "Synced", "Failed"), migrations.column("Status"));
            assertTrue(migrations.cell(0, "Messages").startsWith("5"), migrations.cell(0, "Messages"));
            assertTrue(migrations.cell(1, "Messages").startsWith("7"), migrations.cell(1, "Messages"));
            assertEquals("100 %", migrations.cell(1, "Progress"));
            assertEquals(5, TestMailboxes.count(d, "ui-d0"), "the messages are on the destination server");
            assertEquals(7, TestMailboxes.count(d, "ui-d1"));
            String error = migrations.cell(2, "Last error");
            assertFalse(error.isBlank(), "the failed row says why");
            assertFalse(error.contains("wrong-password"), "no password in an error: " + error);
            assertTrue(migrations.cell(0, "Last error").isEmpty());
            assertFalse(migrations.cell(0, "Last sync").isEmpty(), "a synced row has its last sync time");
            assertTrue(migrations.statusText().contains("3 selected: 2 Synced, 1 Failed"), migrations.statusText());
            assertTrue(migrations.statusText().contains("messages 12"), migrations.statusText());
            UiTestSupport.waitUntil(() -> batches.row(name).equals(List.of(name, "3", "0", "2", "1", "0")), Duration.ofSeconds(5),
                    () -> batches.row(name).toString());

            migrations.filter("ui-s2");
            assertEquals(List.of("Failed"), migrations.column("Status"));
            migrations.filter("");
            migrations.statusFilter("Synced");
            assertEquals(List.of("ui-s0@127.0.0.1", "ui-s1@127.0.0.1"), migrations.column("Source"));
            migrations.statusFilter("All statuses");
        } finally {
            session.setRunSettings(before);
        }
    }
}
