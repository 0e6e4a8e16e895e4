package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.DovecotOptions;

/**
 * Issue 11 item 6, the batch side of a full destination mailbox: {@code batch run}, {@code batch status} and the
 * report's text say "destination mailbox full (used X of Y): N message(s) not copied" once per migration, as
 * {@code migrate} does, instead of one {@code [OVERQUOTA]} line per refused message; {@code skipped.csv} still
 * lists each one. Two Dovecots: the source without quota, the destination with 64 KiB.
 */
class BatchQuotaTest {

    @Test
    void aFullDestinationIsOneLinePerMigrationInStatusAndReport(@TempDir Path dir) throws Exception {
        try (Dovecot src = Dovecot.start(Dovecot.Layout.SLASH);
                Dovecot dst = Dovecot.start(DovecotOptions.of(Dovecot.Layout.SLASH).withQuotaKib(64))) {
            Mailboxes.fillSized(src, "bq", 30, 8_000);
            Path file = dir.resolve("full.csv");
            Files.writeString(file, "source.server,source.login,source.password,destination.server,destination.login,"
                    + "destination.password\nimap://127.0.0.1:" + src.imapPort() + ",bq,testpass,imap://127.0.0.1:"
                    + dst.imapPort() + ",bq,testpass\n");
            String ws = dir.resolve("ws").toString();
            CliRun imported = CliRun.of("batch", "import", file.toString(), "--workspace", ws, "--name", "full");
            assertEquals(0, imported.code(), imported.toString());
            Path reports = dir.resolve("reports");
            CliRun run = CliRun.of("batch", "run", "full", "--workspace", ws, "--allow-plaintext", "--report",
                    reports.toString());
            String all = run.out() + run.err();
            assertTrue(count(all, "OVERQUOTA") <= 1, "at most the first refusal is shown: " + run);

            CliRun status = CliRun.of("batch", "status", "full", "--workspace", ws);
            assertEquals(0, status.code(), status.toString());
            Matcher m = Pattern.compile("destination mailbox full \\(used ([0-9.]+) MB of 0\\.1 MB\\): (\\d+) message\\(s\\)")
                    .matcher(status.out());
            assertTrue(m.find(), status.toString());
            int notCopied = Integer.parseInt(m.group(2));
            assertTrue(notCopied >= 20 && notCopied < 30, status.toString());

            String summary = Files.readString(reports.resolve("summary.txt"), StandardCharsets.UTF_8);
            assertEquals(0, count(summary, "OVERQUOTA"), summary);
            assertEquals(1, count(summary, "destination mailbox full (used "), summary);
            assertEquals(1, count(summary, notCopied + " message(s) not copied: the destination mailbox is full"), summary);
            String skipped = Files.readString(reports.resolve("skipped.csv"), StandardCharsets.UTF_8);
            assertEquals(notCopied, count(skipped, "OVERQUOTA"), "every one stays listed: " + skipped);
        }
    }

    private static long count(String text, String what) {
        return Pattern.compile(Pattern.quote(what)).matcher(text).results().count();
    }
}
