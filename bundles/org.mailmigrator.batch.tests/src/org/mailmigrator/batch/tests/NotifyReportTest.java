package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.notify.SmtpSettings;
import org.mailmigrator.testing.Dovecot;

import jakarta.mail.internet.MimeMessage;

/**
 * An Exchange Online CSV run against two Dovecots (the destination refuses big messages), with a
 * failing row: pre-flight fix list, notification mails received by a real SMTP server and read back,
 * and reports listing the skipped item.
 */
class NotifyReportTest {

    @Test
    void preflightNotificationsAndReports(@TempDir Path dir) throws Exception {
        try (Dovecot src = Dovecot.start(Dovecot.Layout.SLASH);
                Dovecot dst = Dovecot.start(Dovecot.Layout.SLASH, 100_000);
                SmtpServer smtp = SmtpServer.start(dir)) {
            Mailboxes.fill(src, "n1", 6, 7, 300_000);
            Mailboxes.fill(src, "n2", 6, 8, 0);
            Path file = dir.resolve("exchange.csv");
            Files.writeString(file, "EmailAddress,UserName,Password\n"
                    + "n1@example.org,n1,testpass\n"
                    + "n2@example.org,n2,wrong-password\n");
            Path pw = dir.resolve("admin.pw");
            Files.writeString(pw, "testpass\n");
            Path ws = dir.resolve("ws");
            new SmtpSettings("127.0.0.1", smtp.port(), "none", "mailmigrator@example.org", Optional.empty())
                    .save(new Workspace(ws));
            List<String> common = List.of("--workspace", ws.toString(), "--allow-plaintext");

            CliRun imported = CliRun.of("batch", "import", file.toString(), "--workspace", ws.toString(), "--name", "exo",
                    "--source-server", "imap://127.0.0.1:" + src.imapPort(), "--destination-server",
                    "imap://127.0.0.1:" + dst.imapPort(), "--destination-password-file", pw.toString(), "--notify",
                    "admin@example.org");
            assertEquals(0, imported.code(), imported.toString());
            assertTrue(imported.out().contains("exchange"), imported.out());

            var pre = CliRun.args("batch", "run", "exo", "--preflight-only");
            pre.addAll(common);
            CliRun preflight = CliRun.of(pre);
            assertEquals(9, preflight.code(), preflight.toString());
            assertTrue(preflight.out().contains("fix: source: login refused"), preflight.out());
            System.out.println(preflight.out());
            assertTrue(preflight.out().matches("(?s).*00002-n1: ready - 3 folder\\(s\\), 7 message\\(s\\), \\d+ bytes, "
                    + "largest 300\\d{3} bytes.*"), preflight.out());

            Path reports = dir.resolve("reports");
            var runArgs = CliRun.args("batch", "run", "exo", "--report", reports.toString());
            runArgs.addAll(common);
            CliRun run = CliRun.of(runArgs);
            assertEquals(8, run.code(), "a failed migration: " + run);

            List<MimeMessage> mails = List.of();
            for (int i = 0; i < 300 && mails.size() < 5; i++) { // up to 30 s: the SMTP server is a Python process
                Thread.sleep(100);
                mails = smtp.received();
            }
            List<String> subjects = mails.stream().map(m -> {
                try {
                    return m.getSubject();
                } catch (Exception e) {
                    return e.toString();
                }
            }).toList();
            // two runs: the pre-flight only checks (started, finished: it fails no row, so no failure mail), the
            // copy sends started, failed, finished
            assertEquals(5, mails.size(), subjects.toString());
            assertEquals(1, subjects.stream().filter(t -> t.contains("migration 00003-n2 failed")).count(), subjects.toString());
            assertTrue(subjects.contains("[mailmigrator] batch exo started"), subjects.toString());
            assertTrue(subjects.contains("[mailmigrator] exo: migration 00003-n2 failed"), subjects.toString());
            assertTrue(subjects.contains("[mailmigrator] batch exo finished: 1 failure(s)"), subjects.toString());
            MimeMessage digest = mails.get(mails.size() - 1);
            assertEquals("admin@example.org", digest.getAllRecipients()[0].toString());
            String body = (String) digest.getContent();
            assertTrue(body.contains("00003-n2") && body.contains("Synced with errors"), body);

            String skipped = Files.readString(reports.resolve("skipped.csv"));
            assertTrue(skipped.contains("big one of n1") && skipped.contains("INBOX"), skipped);
            String summary = Files.readString(reports.resolve("summary.txt"));
            assertTrue(summary.contains("1 Synced with errors") && summary.contains("1 Failed"), summary);
            assertTrue(Files.readString(reports.resolve("migrations/00003-n2.json")).contains("login"), "last error kept");
            for (Path f : List.of(reports.resolve("batch.json"), reports.resolve("migrations.csv"), reports.resolve("summary.txt"))) {
                assertFalse(Files.readString(f).contains("testpass"), "no password in " + f);
                assertFalse(Files.readString(f).contains("wrong-password"), "no password in " + f);
            }
        }
    }
}
