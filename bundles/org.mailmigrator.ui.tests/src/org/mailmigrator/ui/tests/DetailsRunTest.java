package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.IJobChangeListener;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.jobs.BatchFamily;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * A batch run against two real Dovecots, the destination refusing messages over 100 kB: the Details view shows
 * the folders with their counts, the refused message with the server's reason, and a failing row's error in
 * its log (and in the platform log, which the Error Log view shows); Export report writes the command line's
 * report files without a password.
 */
class DetailsRunTest {

    @Test
    void detailsShowFoldersSkippedItemsAndErrorsAndTheReportIsExported(@TempDir Path dir) throws Exception {
        BatchSession session = PlatformUI.getWorkbench().getService(BatchSession.class);
        var before = session.runSettings();
        List<IStatus> logged = new CopyOnWriteArrayList<>();
        ILogListener logListener = (status, plugin) -> logged.add(status);
        Platform.addLogListener(logListener);
        try (Dovecot src = Dovecot.start(Dovecot.Layout.SLASH); Dovecot dst = Dovecot.start(Dovecot.Layout.SLASH, 100_000)) {
            session.setRunSettings(before.withAllowPlaintext(true));
            TestMailboxes.fill(src, "dt-s0", 4);
            TestMailboxes.fillBig(src, "dt-s0", 300_000);
            TestMailboxes.fill(src, "dt-s1", 2);
            String from = Dovecot.HOST + ":" + src.imapPort();
            String to = Dovecot.HOST + ":" + dst.imapPort();
            Path file = dir.resolve("details-" + System.nanoTime() + ".txt");
            Files.writeString(file, from + ";dt-s0;" + Dovecot.PASSWORD + ";" + to + ";dt-d0;" + Dovecot.PASSWORD + ";;\n"
                    + from + ";dt-s1;Wr0ng-Secret;" + to + ";dt-d1;" + Dovecot.PASSWORD + ";;\n");
            String name = BatchesViewPage.open().importAndSelect(file);
            MigrationsViewPage migrations = MigrationsViewPage.open();
            DetailsViewPage details = DetailsViewPage.open();
            // the Progress view lists user jobs: each migration's job must be one, named after its accounts
            List<Job> jobs = new CopyOnWriteArrayList<>();
            IJobChangeListener scheduled = new JobChangeAdapter() {
                @Override
                public void scheduled(IJobChangeEvent event) {
                    if (event.getJob().belongsTo(new BatchFamily(name))) {
                        jobs.add(event.getJob());
                    }
                }
            };
            Job.getJobManager().addJobChangeListener(scheduled);
            migrations.selectAll();
            migrations.run("Start");
            UiTestSupport.waitUntil(() -> migrations.column("Status").equals(List.of("Synced with errors", "Failed")),
                    Duration.ofSeconds(120), () -> migrations.column("Status").toString());

            Job.getJobManager().removeJobChangeListener(scheduled);
            assertEquals(List.of("Migrate dt-s0@127.0.0.1 to dt-d0@127.0.0.1", "Migrate dt-s1@127.0.0.1 to dt-d1@127.0.0.1"),
                    jobs.stream().map(Job::getName).toList());
            assertTrue(jobs.stream().noneMatch(Job::isSystem), "user jobs, shown in the Progress view");

            migrations.select(0);
            UiTestSupport.waitUntil(() -> details.title().contains("dt-s0@127.0.0.1"), Duration.ofSeconds(5), details::title);
            assertTrue(details.title().contains("Synced with errors"), details.title());
            assertEquals(List.of(List.of("INBOX", "5 / 5", details.folders().get(0).get(2), "1", "Done")), details.folders(),
                    "the folder with its messages done of its total, one skipped");
            assertTrue(details.folders().get(0).get(2).matches("\\d+\\.\\d / \\d+\\.\\d"), "MB, not raw bytes: " + details.folders());
            assertEquals("1 item(s) skipped (see the report)", details.errorText());
            assertTrue(details.errorHint().contains("skipped items"), details.errorHint());
            List<List<String>> skipped = details.skipped();
            assertEquals(1, skipped.size(), skipped.toString());
            assertEquals("INBOX", skipped.get(0).get(0));
            assertTrue(skipped.get(0).get(1).startsWith("big one of dt-s0"), skipped.toString());
            assertFalse(skipped.get(0).get(3).isBlank(), "the refusal's reason is shown: " + skipped);
            System.out.println("skipped item as shown: " + skipped.get(0));
            assertTrue(details.log().stream().anyMatch(l -> l.get(1).startsWith("Running")), details.log().toString());
            assertTrue(details.log().stream().anyMatch(l -> l.get(1).contains("skipped message")), details.log().toString());
            assertTrue(details.errorLines().isEmpty(), "no error line for a synced row: " + details.errorLines());
            assertEquals(4, TestMailboxes.count(dst, "dt-d0"), "the four small messages arrived");

            migrations.select(1);
            UiTestSupport.waitUntil(() -> details.title().contains("dt-s1@127.0.0.1"), Duration.ofSeconds(5), details::title);
            List<String> errors = details.errorLines();
            assertEquals(1, errors.size(), details.log().toString());
            assertTrue(errors.get(0).startsWith("Failed: "), errors.toString());
            assertTrue(errors.get(0).contains(migrations.cell(1, "Last error")), "the log holds the row's error: " + errors);
            assertFalse(errors.get(0).contains("Wr0ng-Secret"), "no password in the log");
            // the error pane: the whole error (not cut off like the table cell), and the fix for its cause
            assertEquals(migrations.cell(1, "Last error"), details.errorText());
            assertTrue(details.errorHint().startsWith("Fix: ") && details.errorHint().contains("password"), details.errorHint());
            assertTrue(details.skipped().isEmpty());
            UiTestSupport.waitUntil(() -> logged.stream().anyMatch(s -> s.getSeverity() == IStatus.ERROR
                    && s.getMessage().contains(" of batch " + name + " failed: ") && s.getMessage().contains("dt-s1")),
                    Duration.ofSeconds(5), logged::toString);

            Path out = dir.resolve("report");
            ExportReportWizardPage export = ExportReportWizardPage.open(session, name);
            assertEquals(name, export.batch());
            assertTrue(export.folder(out).finish());
            for (String f : List.of("summary.txt", "batch.json", "migrations.csv", "skipped.csv")) {
                assertTrue(Files.exists(out.resolve(f)), f);
            }
            try (var files = Files.walk(out)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(f);
                    assertFalse(text.contains("Wr0ng-Secret") || text.contains(Dovecot.PASSWORD), "a password in " + f);
                }
            }
            String summary = Files.readString(out.resolve("summary.txt"));
            assertTrue(summary.contains("1 Synced with errors") && summary.contains("1 Failed"), summary);
            assertTrue(Files.readString(out.resolve("skipped.csv")).contains("big one of dt-s0"));
        } finally {
            Platform.removeLogListener(logListener);
            session.setRunSettings(before);
        }
    }
}
