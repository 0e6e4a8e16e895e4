package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.csv.ImportOptions;
import org.mailmigrator.batch.jobs.Selection;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.Relay;
import org.mailmigrator.ui.batches.BatchSession;
import org.mailmigrator.ui.internal.batches.ExitGuard;
import org.mailmigrator.ui.internal.batches.ResumeOffer;

/**
 * Exit while a migration runs against Dovecot: the question comes (Cancel keeps it running, Stop now lets the
 * workbench close), the row is stored Interrupted, and the workbench opened again on the same workspace offers
 * to resume it; Resume ends with every message once. The workbench's own session stays open (the harness needs
 * it): this test closes and opens a session of its own on a workspace of its own, as the application does.
 */
class ExitResumeTest {
    private static final int MESSAGES = 1200;

    @Test
    void exitMidRunWarnsThenReopenOffersResume(@TempDir Path dir) throws Exception {
        java.util.concurrent.atomic.AtomicBoolean throttled = new java.util.concurrent.atomic.AtomicBoolean(true);
        try (Dovecot d = Dovecot.start(Dovecot.Layout.SLASH);
                // the source at about 32 kB/s: its 1,200 small messages take several seconds, so the Exit that comes
                // once 30 are copied finds the row running on a fast machine too (unthrottled it could end first);
                // the resume after the reopen goes at full speed
                Relay slow = Relay.to(d.imapPort()).onOpen(link -> link.down(Relay.copy((b, len, passed) -> {
                    if (throttled.get()) {
                        Thread.sleep(len / 32);
                    }
                }))).start()) {
            TestMailboxes.fill(d, "er-s", MESSAGES);
            String server = Dovecot.HOST + ":" + d.imapPort();
            String source = Dovecot.HOST + ":" + slow.port();
            String csv = source + ";er-s;" + Dovecot.PASSWORD + ";" + server + ";er-d;" + Dovecot.PASSWORD + ";;\n";
            Workspace ws = new Workspace(dir);
            var workbench = PlatformUI.getWorkbench();

            BatchSession first = UiTestSupport.session(ws);
            first.setRunSettings(first.runSettings().withAllowPlaintext(true));
            var imported = first.workspace().importer().read(csv.getBytes(StandardCharsets.UTF_8), ImportOptions.auto());
            first.workspace().importBatch("exiting", imported, false, first.defaults(), java.util.Optional.empty(),
                    java.util.Optional.empty());
            first.workspace().manager().start("exiting", Selection.PENDING, List.of(), first.runSettings());
            UiTestSupport.waitUntil(() -> first.workspace().manager().snapshot("exiting").messagesDone() >= 30, Duration.ofSeconds(60),
                    () -> first.workspace().manager().snapshot("exiting").toString());

            ExitGuard guard = new ExitGuard(first);
            DialogPage cancel = DialogPage.arm(ExitGuard.TITLE, ExitGuard.CANCEL);
            assertFalse(guard.preShutdown(workbench, false), "Cancel keeps the workbench open");
            assertTrue(cancel.seen() && cancel.text().contains("1 migration(s) are running"), cancel.text());
            assertEquals(1, first.workspace().manager().activeJobs(), "Cancel left the migration running");

            DialogPage stop = DialogPage.arm(ExitGuard.TITLE, ExitGuard.STOP_NOW);
            assertTrue(guard.preShutdown(workbench, false), "Stop now lets the workbench close");
            assertTrue(stop.seen());
            first.close();  // what the workbench's shutdown does next
            long atExit = TestMailboxes.count(d, "er-d");
            assertTrue(atExit < MESSAGES, "cut off mid-copy: " + atExit);
            throttled.set(false);

            BatchSession reopened = UiTestSupport.session(ws);
            try {
                reopened.setRunSettings(reopened.runSettings().withAllowPlaintext(true));
                assertEquals(MigrationStatus.INTERRUPTED, reopened.workspace().store().states("exiting").get(0).status());
                DialogPage resume = DialogPage.arm(ResumeOffer.TITLE, ResumeOffer.RESUME);
                assertEquals(1, ResumeOffer.offer(workbench.getActiveWorkbenchWindow().getShell(), reopened));
                assertTrue(resume.text().contains("1 migration(s) were cut off") && resume.text().contains("exiting: 1"),
                        resume.text());
                UiTestSupport.waitUntil(() -> reopened.workspace().manager().activeJobs() == 0, Duration.ofSeconds(120),
                        () -> reopened.workspace().manager().snapshot("exiting").toString());
                assertEquals(MigrationStatus.SYNCED, reopened.workspace().store().states("exiting").get(0).status());
                assertEquals(MESSAGES, TestMailboxes.count(d, "er-d"), "every message once after the resume");
            } finally {
                reopened.close();
            }
        }
    }
}
