package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.ui.batches.BatchSession;
import org.mailmigrator.ui.internal.batches.BatchesView;

/**
 * Bulk actions against Dovecot: an action on the rows of two batches asks first (No starts nothing), actions are
 * enabled by the rows' statuses, a pre-flight leaves Synced rows Synced, and whole batches start from the
 * Batches view (one without a question, several with one).
 */
class BulkSafetyTest {

    @Test
    void bulkActionsAskFollowStatusesAndPreflightChangesNothing(@TempDir Path dir) throws Exception {
        BatchSession session = PlatformUI.getWorkbench().getService(BatchSession.class);
        var before = session.runSettings();
        try (Dovecot d = Dovecot.start(Dovecot.Layout.SLASH)) {
            session.setRunSettings(before.withAllowPlaintext(true));
            String server = Dovecot.HOST + ":" + d.imapPort();
            BatchesViewPage batches = BatchesViewPage.open();
            List<String> names = new ArrayList<>();
            for (int b = 0; b < 3; b++) {
                StringBuilder rows = new StringBuilder();
                for (int i = 0; i < 2; i++) {
                    String user = "bk" + b + "s" + i;
                    TestMailboxes.fill(d, user, 3);
                    rows.append(server).append(";").append(user).append(";").append(Dovecot.PASSWORD).append(";").append(server)
                            .append(";bk" + b + "d" + i).append(";").append(Dovecot.PASSWORD).append(";;\n");
                }
                Path file = dir.resolve("bulk" + b + "-" + System.nanoTime() + ".txt");
                Files.writeString(file, rows);
                names.add(batches.importAndSelect(file));
            }
            batches.selectSeveral(names.get(0), names.get(1));
            MigrationsViewPage migrations = MigrationsViewPage.open();
            UiTestSupport.waitUntil(() -> migrations.rowCount() == 4, Duration.ofSeconds(10), () -> migrations.column("Batch").toString());
            migrations.selectAll();
            assertTrue(migrations.actionEnabled("Start") && migrations.actionEnabled("Pre-flight"));
            assertFalse(migrations.actionEnabled("Retry") || migrations.actionEnabled("Resume") || migrations.actionEnabled("Delta sync"),
                    "nothing failed, paused or synced yet");

            List<String> questions = new ArrayList<>();
            migrations.confirmWith(questions, false);
            migrations.run("Start");
            assertEquals(1, questions.size(), "rows of two batches: asked first");
            assertTrue(questions.get(0).contains("4 migration(s) in 2 batch(es)"), questions.get(0));
            Thread.sleep(500);
            UiTestSupport.processEvents();
            assertEquals(Collections.nCopies(4, "Queued"), migrations.column("Status"), "No started nothing");

            migrations.confirmWith(questions, true);
            migrations.selectAll();
            migrations.run("Start");
            UiTestSupport.waitUntil(() -> migrations.column("Status").equals(Collections.nCopies(4, "Synced")),
                    Duration.ofSeconds(90), () -> migrations.column("Status").toString());
            migrations.selectAll();
            assertFalse(migrations.actionEnabled("Start") || migrations.actionEnabled("Pause") || migrations.actionEnabled("Retry"),
                    "synced rows: nothing to start, pause or retry");
            assertTrue(migrations.actionEnabled("Delta sync") && migrations.actionEnabled("Pre-flight"));

            migrations.run("Pre-flight");
            Thread.sleep(3000);  // the checks log in to Dovecot and end; the statuses must not move meanwhile
            UiTestSupport.processEvents();
            assertTrue(session.workspace().manager().joinAll(Duration.ofSeconds(60)));
            UiTestSupport.processEvents();
            assertEquals(Collections.nCopies(4, "Synced"), migrations.column("Status"), "a pre-flight changes no status");

            // whole batches from the Batches view: one batch without a question
            List<String> asked = new ArrayList<>();
            batches.select(names.get(2));
            batches.run(BatchesView.START_BATCH, asked, true);
            assertEquals(List.of(), asked, "one batch: no question");
            UiTestSupport.waitUntil(() -> batches.row(names.get(2)).equals(List.of(names.get(2), "2", "0", "2", "0", "0")),
                    Duration.ofSeconds(60), () -> batches.row(names.get(2)).toString());
            batches.selectSeveral(names.get(0), names.get(2));
            batches.run(BatchesView.PAUSE_BATCH, asked, false);
            assertEquals(1, asked.size(), "two batches: asked first");
            for (int b = 0; b < 3; b++) {
                for (int i = 0; i < 2; i++) {
                    assertEquals(3, TestMailboxes.count(d, "bk" + b + "d" + i));
                }
            }
        } finally {
            session.setRunSettings(before);
        }
    }
}
