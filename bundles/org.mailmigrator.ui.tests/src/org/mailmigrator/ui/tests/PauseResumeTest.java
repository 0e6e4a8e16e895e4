package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.ui.batches.BatchSession;

/** Pause and Resume from the Migrations view against a real Dovecot: paused rows resume and end exact. */
class PauseResumeTest {
    private static final int MESSAGES = 400;

    @Test
    void pausedRowsResumeAndEndWithEveryMessageOnce(@TempDir Path dir) throws Exception {
        BatchSession session = PlatformUI.getWorkbench().getService(BatchSession.class);
        var before = session.runSettings();
        try (Dovecot d = Dovecot.start(Dovecot.Layout.SLASH)) {
            session.setRunSettings(before.withAllowPlaintext(true));
            String server = Dovecot.HOST + ":" + d.imapPort();
            StringBuilder csv = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                TestMailboxes.fill(d, "pr-s" + i, MESSAGES);
                csv.append(server).append(";pr-s").append(i).append(";").append(Dovecot.PASSWORD).append(";").append(server)
                        .append(";pr-d").append(i).append(";").append(Dovecot.PASSWORD).append(";;\n");
            }
            Path file = dir.resolve("pausing-" + System.nanoTime() + ".txt");
            Files.writeString(file, csv);
            BatchesViewPage batches = BatchesViewPage.open();
            ImportWizardPage wizard = batches.openImport().chooseFile(file);
            String name = wizard.batchName();
            assertTrue(wizard.finish());
            batches.select(name);
            MigrationsViewPage migrations = MigrationsViewPage.open();
            migrations.selectAll();
            migrations.run("Start");
            UiTestSupport.waitUntil(() -> migrations.column("Status").contains("Running"), Duration.ofSeconds(60),
                    () -> migrations.column("Status").toString());
            migrations.run("Pause");
            UiTestSupport.waitUntil(() -> migrations.column("Status").stream().allMatch(s -> s.equals("Paused") || s.equals("Synced")),
                    Duration.ofSeconds(60), () -> migrations.column("Status").toString());
            assertTrue(migrations.column("Status").contains("Paused"), "pausing caught a running row: " + migrations.column("Status"));

            migrations.run("Resume");
            UiTestSupport.waitUntil(() -> migrations.column("Status").stream().allMatch("Synced"::equals), Duration.ofSeconds(120),
                    () -> migrations.column("Status").toString());
            for (int i = 0; i < 3; i++) {
                assertEquals(MESSAGES, TestMailboxes.count(d, "pr-d" + i), "every message once on pr-d" + i);
            }
            // the Batches view has its own tick: it follows within a quarter second
            UiTestSupport.waitUntil(() -> batches.row(name).equals(List.of(name, "3", "0", "3", "0", "0")), Duration.ofSeconds(5),
                    () -> batches.row(name).toString());
        } finally {
            session.setRunSettings(before);
        }
    }
}
