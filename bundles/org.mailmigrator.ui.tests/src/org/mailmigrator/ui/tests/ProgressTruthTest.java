package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.Relay;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * What the Migrations view, the status bar and the Batches view say while a batch of multi-folder mailboxes
 * runs, is paused and resumed against a real Dovecot, sampled as fast as the event loop turns: each row's total
 * is the mailbox's full count from the first moment it is shown (not a total growing folder by folder), done
 * and percentages never go backwards or past 100 %, paused rows show no rate and no ETA, a resumed row's rate
 * is never more than what was left to copy, an ETA is shown while running, and the batch line has totals.
 */
class ProgressTruthTest {
    private static final int FOLDERS = 3;
    private static final int PER_FOLDER = 400;
    private static final int TOTAL = FOLDERS * PER_FOLDER;
    private static final Pattern MESSAGES = Pattern.compile("(\\d+) / (\\d+)");

    /** One reading of one row. */
    private record Sample(long atMs, int row, String status, String progress, String messages, String rateText, String eta) {
        int percent() {
            return progress.isEmpty() ? -1 : Integer.parseInt(progress.replace(" %", "").trim());
        }

        long done() {
            Matcher m = MESSAGES.matcher(messages);
            return m.find() ? Long.parseLong(m.group(1)) : messages.isEmpty() ? 0 : Long.parseLong(messages.trim());
        }

        long total() {
            Matcher m = MESSAGES.matcher(messages);
            return m.find() ? Long.parseLong(m.group(2)) : 0;
        }

        double rate() {
            return rateText.isEmpty() ? 0 : Double.parseDouble(rateText);
        }
    }

    @Test
    void totalsAndEtaNeverGoBackwardsOrPastTheEndAcrossPauseAndResume(@TempDir Path dir) throws Exception {
        BatchSession session = PlatformUI.getWorkbench().getService(BatchSession.class);
        var before = session.runSettings();
        try (Dovecot d = Dovecot.start(Dovecot.Layout.SLASH);
                // each source connection at about 1 MB/s: a row's 7 MB take a few seconds, so the Pause clicked once a
                // quarter is copied finds the rows running on a fast machine too (unthrottled, both could end first)
                Relay slow = Relay.to(d.imapPort())
                        .onOpen(link -> link.down(Relay.copy((b, len, passed) -> Thread.sleep(len / 1024)))).start()) {
            session.setRunSettings(before.withAllowPlaintext(true));
            String server = Dovecot.HOST + ":" + d.imapPort();
            String throttled = Dovecot.HOST + ":" + slow.port();
            StringBuilder csv = new StringBuilder();
            for (int i = 0; i < 2; i++) {
                TestMailboxes.fillFolders(d, "pt-s" + i, FOLDERS, PER_FOLDER, 6_000);
                csv.append(throttled).append(";pt-s").append(i).append(";").append(Dovecot.PASSWORD).append(";").append(server)
                        .append(";pt-d").append(i).append(";").append(Dovecot.PASSWORD).append(";;\n");
            }
            Path file = dir.resolve("truth-" + System.nanoTime() + ".txt");
            Files.writeString(file, csv);
            BatchesViewPage batches = BatchesViewPage.open();
            String name = batches.importAndSelect(file);
            MigrationsViewPage migrations = MigrationsViewPage.open();
            List<Sample> samples = new ArrayList<>();
            List<String> statusBar = new ArrayList<>();
            List<String> batchRows = new ArrayList<>();

            migrations.selectAll();
            migrations.run("Start");
            sample(migrations, batches, name, samples, statusBar, batchRows, () -> samples.stream()
                    .anyMatch(s -> s.status().equals("Running") && s.done() >= TOTAL / 4), Duration.ofSeconds(90));
            migrations.selectAll();
            migrations.run("Pause");
            sample(migrations, batches, name, samples, statusBar, batchRows, () -> migrations.column("Status").stream()
                    .allMatch(s -> s.equals("Paused") || s.equals("Synced")), Duration.ofSeconds(60));
            List<String> statuses = migrations.column("Status");
            assertTrue(statuses.contains("Paused"), "pausing caught a running row: " + statuses);
            long doneAtPause = 0;
            for (int r = 0; r < statuses.size(); r++) {
                if (statuses.get(r).equals("Paused")) {
                    assertEquals("", migrations.cell(r, "Msg/s"), "a paused row has no rate");
                    assertEquals("", migrations.cell(r, "MB/s"), "a paused row has no byte rate");
                    assertEquals("", migrations.cell(r, "ETA"), "a paused row has no ETA");
                }
            }
            for (Sample s : samples) {
                doneAtPause = Math.max(doneAtPause, s.done());
            }

            long resumedAt = System.currentTimeMillis();
            int beforeResume = samples.size();
            migrations.selectAll();
            migrations.run("Resume");
            sample(migrations, batches, name, samples, statusBar, batchRows,
                    () -> migrations.column("Status").stream().allMatch("Synced"::equals), Duration.ofSeconds(180));

            // every row: total known from the start, monotone, never past 100 %
            for (int r = 0; r < 2; r++) {
                int row = r;
                List<Sample> mine = samples.stream().filter(s -> s.row() == row).toList();
                Sample prev = null;
                for (Sample s : mine) {
                    String where = "row " + row + " at " + s;
                    assertTrue(s.total() == 0 || s.total() == TOTAL, "the total is the mailbox's count from the start: " + where);
                    assertTrue(s.done() <= Math.max(s.total(), 0) || s.total() == 0, "done never past the total: " + where);
                    assertTrue(s.percent() <= 100, "never past 100 %: " + where);
                    if (prev != null) {
                        assertTrue(s.done() >= prev.done(), "done never goes backwards: " + prev + " then " + s);
                        assertTrue(s.percent() >= prev.percent(), "the percentage never goes backwards: " + prev + " then " + s);
                    }
                    prev = s;
                }
                assertEquals(TOTAL + " / " + TOTAL, mine.get(mine.size() - 1).messages());
                assertEquals("100 %", mine.get(mine.size() - 1).progress());
            }
            // after Resume, no rate that would mean more messages than were left
            for (Sample s : samples.subList(beforeResume, samples.size())) {
                double seconds = Math.max(0.25, (s.atMs() - resumedAt) / 1000.0);
                assertTrue(s.rate() * seconds <= 2 * TOTAL - doneAtPause + 50, "absurd rate after resume: " + s);
            }
            // an ETA needs a rate, and a rate two seconds of a pass (ProgressTrackerTest checks the figures on a
            // clock of its own); on a fast machine a row can finish sooner, so only rows seen running beyond that
            // must have shown one
            for (int r = 0; r < 2; r++) {
                int row = r;
                Sample stretchStart = null;
                boolean etaInStretch = false;
                for (Sample s : samples.stream().filter(x -> x.row() == row).toList()) {
                    if (!s.status().equals("Running")) {
                        stretchStart = null; // a pause ends the pass; its rate starts again
                        continue;
                    }
                    if (stretchStart == null) {
                        stretchStart = s;
                        etaInStretch = false;
                    }
                    etaInStretch |= !s.eta().isEmpty();
                    if (s.atMs() - stretchStart.atMs() > 4_000) {
                        assertTrue(etaInStretch, "an ETA was shown while row " + row + " ran for more than 4 s: " + s);
                    }
                }
            }
            assertFalse(samples.stream().anyMatch(s -> !s.status().equals("Running") && !(s.eta().isEmpty() && s.rateText().isEmpty())),
                    "only running rows show a rate or an ETA");
            Pattern bar = Pattern.compile("messages (\\d+) / (\\d+) \\((\\d+) %\\)");
            for (String line : statusBar) {
                Matcher m = bar.matcher(line);
                if (m.find()) {
                    assertTrue(Long.parseLong(m.group(1)) <= Long.parseLong(m.group(2)), "status bar: " + line);
                    assertTrue(Integer.parseInt(m.group(3)) <= 100, "status bar: " + line);
                }
            }
            assertTrue(batchRows.stream().anyMatch(l -> l.contains("%")), "the Batches view showed the batch's progress: "
                    + batchRows.subList(0, Math.min(5, batchRows.size())));
            UiTestSupport.waitUntil(() -> batches.progress(name).get(0).startsWith("100 % (" + 2 * TOTAL + " / " + 2 * TOTAL),
                    Duration.ofSeconds(5), () -> batches.progress(name).toString());
            for (int i = 0; i < 2; i++) {
                for (int f = 0; f < FOLDERS; f++) {
                    assertEquals(PER_FOLDER, TestMailboxes.count(d, "pt-d" + i, "F" + f), "every message once in F" + f);
                }
            }
        } finally {
            session.setRunSettings(before);
        }
    }

    private static void sample(MigrationsViewPage migrations, BatchesViewPage batches, String name, List<Sample> out,
            List<String> statusBar, List<String> batchRows, BooleanSupplier until, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!until.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not reached within " + timeout + ": " + migrations.column("Status"));
            }
            UiTestSupport.processEvents();
            long now = System.currentTimeMillis();
            for (int r = 0; r < migrations.rowCount(); r++) {
                out.add(new Sample(now, r, migrations.cell(r, "Status"), migrations.cell(r, "Progress"),
                        migrations.cell(r, "Messages"), migrations.cell(r, "Msg/s"), migrations.cell(r, "ETA")));
            }
            statusBar.add(migrations.statusText());
            List<String> row = batches.progress(name);
            if (!row.isEmpty()) {
                batchRows.add(String.join(" | ", row));
            }
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }
}
