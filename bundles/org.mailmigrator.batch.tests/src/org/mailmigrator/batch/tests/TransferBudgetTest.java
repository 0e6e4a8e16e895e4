package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.testing.Dovecot;

/**
 * Issue 14's daily transfer budget through the command line: a one-off {@code migrate} whose target budget runs
 * out exits 10 with "waiting for quota until HH:MM", and a run after the window copies the rest; a batch row
 * with a budget ({@code destination.dailyUploadMb}) has its own status "Waiting for quota (until HH:MM)" (not
 * Queued) in {@code batch status} while
 * {@code batch run} keeps it scheduled, and it resumes by itself when the window opens. The window is shortened
 * to seconds with the test property {@code mailmigrator.budget.window}.
 */
class TransferBudgetTest {
    private static final Pattern WAITING = Pattern.compile("waiting for quota until \\d\\d:\\d\\d");
    /** The row's own status in {@code batch status}, not Queued with a text beside it. */
    private static final Pattern WAITING_STATUS = Pattern.compile(" Waiting for quota \\(until \\d\\d:\\d\\d\\) ");

    @BeforeEach
    void shortWindow() {
        System.setProperty("mailmigrator.budget.window", "PT6S");
    }

    @AfterEach
    void dayWindow() {
        System.clearProperty("mailmigrator.budget.window");
    }

    @Test
    void migrateExitsTenWhileWaitingAndARunAfterTheWindowGoesOn(@TempDir Path dir) throws Exception {
        try (Dovecot d = Dovecot.start(Dovecot.Layout.SLASH)) {
            Mailboxes.fillSized(d, "tb-src", 10, 150_000); // 1.5 MB against 1 MB a window
            Path pw = dir.resolve("pw");
            Files.writeString(pw, Dovecot.PASSWORD + "\n");
            String[] args = { "migrate", "--source", "imap://tb-src@127.0.0.1:" + d.imapPort(), "--target",
                    "imap://tb-dst@127.0.0.1:" + d.imapPort(), "--allow-plaintext", "--source-password-file", pw.toString(),
                    "--target-password-file", pw.toString(), "--state", dir.resolve("state").toString(),
                    "--target-daily-mb", "1" };
            CliRun first = CliRun.of(args);
            assertEquals(10, first.code(), first.toString());
            assertTrue(WAITING.matcher(first.err()).find(), first.toString());
            int copied = Mailboxes.count(d, "tb-dst");
            assertTrue(copied > 0 && copied <= 6, "1 MB of 150 KB messages: " + copied);
            CliRun again = CliRun.of(args);
            assertEquals(10, again.code(), "nothing more before the window opens: " + again);
            assertEquals(copied, Mailboxes.count(d, "tb-dst"));
            CliRun last = again;
            for (int i = 0; i < 6 && last.code() == 10; i++) {
                Thread.sleep(6_500);
                last = CliRun.of(args);
            }
            assertEquals(0, last.code(), last.toString());
            Mailboxes.assertSame(d, "tb-src", "tb-dst");
        }
    }

    @Test
    void aBatchRowWaitsForQuotaInStatusAndResumesByItself(@TempDir Path dir) throws Exception {
        try (Dovecot d = Dovecot.start(Dovecot.Layout.SLASH)) {
            Mailboxes.fillSized(d, "tbb-src", 10, 150_000);
            Path file = dir.resolve("budget.csv");
            Files.writeString(file, "source.server,source.login,source.password,destination.server,destination.login,"
                    + "destination.password,destination.dailyUploadMb\nimap://127.0.0.1:" + d.imapPort()
                    + ",tbb-src,testpass,imap://127.0.0.1:" + d.imapPort() + ",tbb-dst,testpass,1\n");
            String ws = dir.resolve("ws").toString();
            CliRun imported = CliRun.of("batch", "import", file.toString(), "--workspace", ws, "--name", "budget");
            assertEquals(0, imported.code(), imported.toString());
            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(
                    () -> CliRun.of("batch", "run", "budget", "--workspace", ws, "--allow-plaintext"));
            String seen = null;
            long deadline = System.currentTimeMillis() + 60_000;
            while (seen == null && !run.isDone() && System.currentTimeMillis() < deadline) {
                CliRun status = CliRun.of("batch", "status", "budget", "--workspace", ws);
                if (WAITING_STATUS.matcher(status.out()).find()) {
                    seen = status.out();
                }
                Thread.sleep(300);
            }
            assertTrue(seen != null, "batch status said the row waits for quota");
            assertTrue(WAITING.matcher(seen).find(), seen);
            assertTrue(seen.contains("1 Waiting for quota") && !seen.contains("Queued"), seen);
            CliRun done = run.get(120, TimeUnit.SECONDS);
            assertEquals(0, done.code(), done.toString());
            CliRun status = CliRun.of("batch", "status", "budget", "--workspace", ws);
            assertTrue(status.out().contains("Synced"), status.toString());
            Mailboxes.assertSame(d, "tbb-src", "tbb-dst");
        }
    }

    /**
     * With one row at a time (--parallel 1), a row waiting for quota gives its slot back: the next row runs and is
     * Synced while the first still waits, and the first resumes by itself when its window opens.
     */
    @Test
    void aRowWaitingForQuotaGivesItsSlotToTheNextRow(@TempDir Path dir) throws Exception {
        System.setProperty("mailmigrator.budget.window", "PT15S"); // the next row's whole run fits in one wait
        try (Dovecot d = Dovecot.start(Dovecot.Layout.SLASH)) {
            Mailboxes.fillSized(d, "slow-src", 10, 150_000); // 1.5 MB against 1 MB a window
            Mailboxes.fillSized(d, "next-src", 3, 2_000);
            Path file = dir.resolve("slots.csv");
            Files.writeString(file, "source.server,source.login,source.password,destination.server,destination.login,"
                    + "destination.password,destination.dailyUploadMb\nimap://127.0.0.1:" + d.imapPort()
                    + ",slow-src,testpass,imap://127.0.0.1:" + d.imapPort() + ",slow-dst,testpass,1\n"
                    + "imap://127.0.0.1:" + d.imapPort() + ",next-src,testpass,imap://127.0.0.1:" + d.imapPort()
                    + ",next-dst,testpass,\n");
            String ws = dir.resolve("ws").toString();
            CliRun imported = CliRun.of("batch", "import", file.toString(), "--workspace", ws, "--name", "slots");
            assertEquals(0, imported.code(), imported.toString());
            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(
                    () -> CliRun.of("batch", "run", "slots", "--workspace", ws, "--allow-plaintext", "--parallel", "1"));
            String both = null;
            String last = "";
            long deadline = System.currentTimeMillis() + 90_000;
            while (both == null && !run.isDone() && System.currentTimeMillis() < deadline) {
                last = CliRun.of("batch", "status", "slots", "--workspace", ws).out();
                if (WAITING_STATUS.matcher(line(last, "slow-src")).find() && line(last, "next-src").contains(" Synced ")) {
                    both = last;
                }
                Thread.sleep(300);
            }
            assertTrue(both != null, "the next row was Synced while the first waited for quota:\n" + last);
            CliRun done = run.get(120, TimeUnit.SECONDS);
            assertEquals(0, done.code(), done.toString());
            String status = CliRun.of("batch", "status", "slots", "--workspace", ws).out();
            assertTrue(line(status, "slow-src").contains(" Synced ") && line(status, "next-src").contains(" Synced "), status);
            Mailboxes.assertSame(d, "slow-src", "slow-dst");
            Mailboxes.assertSame(d, "next-src", "next-dst");
        }
    }

    /** The line of {@code batch status} naming {@code login}, or "". */
    private static String line(String status, String login) {
        return status.lines().filter(l -> l.contains(login)).findFirst().orElse("");
    }
}
