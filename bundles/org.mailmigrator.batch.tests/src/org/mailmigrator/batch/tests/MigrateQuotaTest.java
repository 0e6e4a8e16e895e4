package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.DovecotOptions;

/**
 * {@code migrate} into a destination whose quota fills up (issue 11): the run says "destination mailbox full
 * (used/limit)" once with the count, rather than one {@code [OVERQUOTA]} line per refused message on stdout
 * and stderr. Two Dovecots: the source without quota, the destination with 64 KiB.
 */
class MigrateQuotaTest {

    @Test
    void aFullDestinationIsSummarisedOnceWithUsageAndLimit(@TempDir Path dir) throws Exception {
        try (Dovecot src = Dovecot.start(Dovecot.Layout.SLASH);
                Dovecot dst = Dovecot.start(DovecotOptions.of(Dovecot.Layout.SLASH).withQuotaKib(64))) {
            Mailboxes.fillSized(src, "qa", 30, 8_000);
            Path pw = dir.resolve("pw");
            Files.writeString(pw, Dovecot.PASSWORD + "\n");
            CliRun run = CliRun.of("migrate", "--source", "imap://qa@127.0.0.1:" + src.imapPort(), "--target",
                    "imap://qb@127.0.0.1:" + dst.imapPort(), "--allow-plaintext", "--source-password-file", pw.toString(),
                    "--target-password-file", pw.toString(), "--state", dir.resolve("state").toString());
            assertEquals(6, run.code(), run.toString());
            String all = run.out() + run.err();
            long overquota = Pattern.compile("OVERQUOTA").matcher(all).results().count();
            assertTrue(overquota <= 1, overquota + " OVERQUOTA lines: " + run);
            var m = Pattern.compile("destination mailbox full \\(used ([0-9.]+) MB of 0\\.1 MB\\): (\\d+) message\\(s\\)")
                    .matcher(run.out());
            assertTrue(m.find(), run.toString());
            int notCopied = Integer.parseInt(m.group(2));
            assertTrue(notCopied >= 20 && notCopied < 30, run.toString());
            assertEquals(1, run.out().split("destination mailbox full", -1).length - 1, "said once: " + run.out());
        }
    }
}
