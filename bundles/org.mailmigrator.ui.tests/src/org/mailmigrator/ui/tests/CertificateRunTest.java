package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.jobs.TrustedPins;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * A batch run with TLS required against a Dovecot whose certificate is self-signed: the question comes during
 * the run, once for the host although two rows and both sides meet the certificate, showing its SHA-256; while
 * it is open the rows say "Waiting for your answer: certificate of HOST" (not Running) in the Migrations view,
 * the dashboard and the status file {@code batch status} reads (a narrow Status column shows its start and the host
 * with an ellipsis in the middle, the tooltip the whole text); "Trust always" lets both rows sync, and the next
 * run (another batch) trusts it without asking.
 */
class CertificateRunTest {

    @Test
    void questionDuringTheRunOnceAndTrustAlwaysUsedByTheNextRun(@TempDir Path dir) throws Exception {
        BatchSession session = PlatformUI.getWorkbench().getService(BatchSession.class);
        var before = session.runSettings();
        try (Dovecot d = Dovecot.start(Dovecot.Layout.SLASH)) {
            session.setRunSettings(before.withAllowPlaintext(false).withTrust(List.of()));
            String server = Dovecot.HOST + ":" + d.imapPort();
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < 2; i++) {
                TestMailboxes.fill(d, "ct-s" + i, 5);
                rows.append(server).append(";ct-s").append(i).append(";").append(Dovecot.PASSWORD).append(";").append(server)
                        .append(";ct-d").append(i).append(";").append(Dovecot.PASSWORD).append(";;\n");
            }
            Path file = dir.resolve("cert-" + System.nanoTime() + ".txt");
            Files.writeString(file, rows);
            String name = BatchesViewPage.open().importAndSelect(file);
            MigrationsViewPage migrations = MigrationsViewPage.open();
            DialogPage question = DialogPage.watch("Untrusted certificate", "Trust &always");
            try {
                String waiting = "Waiting for your answer: certificate of " + Dovecot.HOST;
                List<String> seenInTable = new java.util.ArrayList<>();
                List<String> seenOnDashboard = new java.util.ArrayList<>();
                List<String> seenInStatusFile = new java.util.ArrayList<>();
                List<String> cut = new java.util.ArrayList<>();
                question.whileOpen(() -> {
                    // the asking row and every row of that host wait for the person; none says Running
                    UiTestSupport.waitUntil(() -> migrations.column("Status").contains(waiting) && migrations.column("Status")
                            .stream().allMatch(s -> s.equals(waiting) || s.equals("Queued")), Duration.ofSeconds(10),
                            () -> migrations.column("Status").toString());
                    seenInTable.addAll(migrations.column("Status"));
                    // a column narrower than the status: the host stays readable, the tooltip has the whole text
                    int at = migrations.column("Status").indexOf(waiting);
                    migrations.columnWidth("Status", 160);
                    cut.add(migrations.hoverToolTip(at, "Status"));
                    cut.add(migrations.shown(at, "Status"));
                    cut.add(String.valueOf(migrations.hoverToolTip(at, "Items")));
                    try {
                        var page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
                        var dashboard = (org.mailmigrator.ui.internal.dashboard.DashboardView) page
                                .showView(org.mailmigrator.ui.UiIds.VIEW_DASHBOARD);
                        UiTestSupport.waitUntil(() -> {
                            dashboard.refresh();
                            return UiTestSupport.rows(dashboard.batchesTable()).stream()
                                    .anyMatch(r -> r.get(0).equals(name) && r.get(r.size() - 1).endsWith(waiting));
                        }, Duration.ofSeconds(5), () -> UiTestSupport.rows(dashboard.batchesTable()).toString());
                        UiTestSupport.rows(dashboard.batchesTable()).stream().filter(r -> r.get(0).equals(name))
                                .forEach(r -> seenOnDashboard.add(r.get(r.size() - 1)));
                        page.showView(org.mailmigrator.ui.UiIds.VIEW_MIGRATIONS);
                        var snapshot = org.mailmigrator.batch.jobs.StatusFile.read(session.workspace().folder(), name);
                        snapshot.orElseThrow().migrations().forEach(m -> seenInStatusFile.add(m.statusText()));
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
                migrations.selectAll();
                migrations.run("Start");
                UiTestSupport.waitUntil(() -> migrations.column("Status").stream().allMatch(s -> s.equals("Synced")
                        || s.equals("Failed")), Duration.ofSeconds(90), () -> migrations.column("Status").toString());
                assertEquals(List.of("Synced", "Synced"), migrations.column("Status"), migrations.column("Last error").toString());
                assertEquals(1, question.times(), "asked once for the host, not per row or connection");
                if (question.whileOpenFailure() != null) {
                    throw new AssertionError("while the question was open: " + question.whileOpenFailure().getMessage(),
                            question.whileOpenFailure());
                }
                assertTrue(seenInTable.contains(waiting) && !seenInTable.contains("Running"), seenInTable.toString());
                assertEquals(waiting, cut.get(0), "the tooltip over the cut status: " + cut);
                String shown = cut.get(1);
                String[] ends = shown.split("\u2026", -1);
                assertTrue(ends.length == 2 && ends[0].length() >= 5 && waiting.startsWith(ends[0]) && waiting.endsWith(ends[1])
                        && ends[1].endsWith(" " + Dovecot.HOST) && migrations.textWidth(shown) <= 160,
                        "the status's start, an ellipsis, its end with the host: " + cut);
                assertEquals("null", cut.get(2), "no tooltip over a cell that is not cut");
                assertTrue(seenOnDashboard.size() == 1 && seenOnDashboard.get(0).endsWith(": " + waiting), seenOnDashboard.toString());
                assertTrue(seenInStatusFile.contains(waiting) && !seenInStatusFile.contains("Running"),
                        "batch status reads the status file: " + seenInStatusFile);
                String colons = HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(d.certificateSha256()));
                assertEquals(colons, question.fields().get("SHA-256"), question.fields().toString());
                assertTrue(question.fields().get("Subject").contains("="), question.fields().toString());
                assertTrue(new TrustedPins(session.workspace().folder()).pins().contains(d.certificateSha256()),
                        "stored in the workspace, where batch run looks too");

                TestMailboxes.fill(d, "ct-s2", 3);
                Path next = dir.resolve("cert-next-" + System.nanoTime() + ".txt");
                Files.writeString(next, server + ";ct-s2;" + Dovecot.PASSWORD + ";" + server + ";ct-d2;" + Dovecot.PASSWORD + ";;\n");
                BatchesViewPage.open().importAndSelect(next);
                migrations.selectAll();
                migrations.run("Start");
                UiTestSupport.waitUntil(() -> migrations.column("Status").equals(List.of("Synced")), Duration.ofSeconds(60),
                        () -> migrations.column("Status") + " " + migrations.column("Last error"));
                assertEquals(1, question.times(), "the next run trusted it without asking");
                for (int i = 0; i < 3; i++) {
                    assertEquals(i < 2 ? 5 : 3, TestMailboxes.count(d, "ct-d" + i));
                }
            } finally {
                question.stop(); // a failed check must not leave it answering the next tests' dialogs
            }
        } finally {
            session.setRunSettings(before);
        }
    }
}
