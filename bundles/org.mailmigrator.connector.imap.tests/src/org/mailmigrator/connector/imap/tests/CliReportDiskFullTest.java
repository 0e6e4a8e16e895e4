package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.SharedDovecot;

/**
 * Issue 11 item 3: {@code --report} on a full disk. {@code /dev/full} is the kernel's own full device (every
 * write fails with ENOSPC, as on a full file system), available to any user in CI without mounting anything.
 */
@ExtendWith(SharedDovecot.class)
class CliReportDiskFullTest {

    @Test
    void aReportOnAFullDiskIsOneClearLineAndTheRunKeepsItsExitCode(Dovecot dovecot,
            @TempDir Path dir) throws Exception {
        Path full = Path.of("/dev/full");
        assertTrue(Files.exists(full), "/dev/full is part of every Linux system");
        Corpus.load(dovecot, "full-disk-src", 1);
        String src = "imap://full-disk-src@127.0.0.1:" + dovecot.imapPort();
        String dst = "imap://full-disk-dst@127.0.0.1:" + dovecot.imapPort();
        CliRun run = CliRun.of(CliRun.migrate(dir, src, dst, Dovecot.PASSWORD, Dovecot.PASSWORD,
                "--allow-plaintext", "--report", full.toString()));
        assertEquals(0, run.code(), "the migration's own exit code: " + run);
        assertTrue(run.out().contains("Migration completed"), run.toString());
        assertTrue(run.err().contains("disk full writing /dev/full"), run.toString());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), "no stack trace: " + run);
        Verify.sameMail(dovecot, "full-disk-src", dovecot, "full-disk-dst", Map.of());
    }
}
