package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.Dovecot;

/**
 * Issue 11 item 6: a full temporary folder (where big messages are spooled) is a full disk with its path and
 * remedy, stopping the pair — not a "connection" failure retried four times. The full folder is a 64 KiB tmpfs
 * (smaller than one 1 MiB chunk), mounted by the test: tests run as root here and in CI.
 */
class FullTempFolderTest {

    @Test
    void aFullTempFolderSaysDiskFullWithThePathAndARerunWithSpaceCopiesAll(@TempDir Path dir) throws Exception {
        Path tiny = dir.resolve("tiny-tmp");
        java.nio.file.Files.createDirectories(tiny);
        sh("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", tiny.toString());
        String tmpdir = System.getProperty("java.io.tmpdir");
        try (Dovecot dovecot = Dovecot.start(Dovecot.Layout.SLASH)) {
            try (ImapProbe probe = ImapProbe.login(dovecot, "spool-src")) {
                probe.append("INBOX", big(2_500_000), Set.of("\\Seen"), Instant.parse("2024-05-01T10:00:00Z"));
            }
            MigrationReport report;
            System.setProperty("java.io.tmpdir", tiny.toString());
            try {
                report = run(dovecot, dir.resolve("state"));
            } finally {
                System.setProperty("java.io.tmpdir", tmpdir);
            }
            assertEquals(Outcome.ACCOUNT_FAILED, report.outcome(), report.failure());
            assertTrue(report.failure().contains("disk full writing " + tiny + "/mailmigrator-"), report.failure());
            assertTrue(report.failure().contains("(temporary folder; set java.io.tmpdir or free space)"), report.failure());
            assertFalse(report.failure().contains("Exception"), report.failure());

            MigrationReport again = run(dovecot, dir.resolve("state")); // space made: the rerun copies it
            assertEquals(Outcome.COMPLETED, again.outcome(), again.failure());
            assertEquals(1, again.copied());
            Verify.sameMail(dovecot, "spool-src", dovecot, "spool-dst", Map.of());
        } finally {
            sh("umount", tiny.toString());
        }
    }

    private static MigrationReport run(Dovecot dovecot, Path state) throws Exception {
        try (StateStore store = StateStore.openEmbedded(state, "pair")) {
            return new MigrationEngine(Pair.factory(Pair.account(dovecot, "spool-src", "plain", Map.of()), Role.SOURCE,
                    Dovecot.PASSWORD), Pair.factory(Pair.account(dovecot, "spool-dst", "plain", Map.of()),
                            Role.DESTINATION, Dovecot.PASSWORD), store, Pair.fast(), MigrationListener.NONE).run();
        }
    }

    private static void sh(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + " (the tests run as root): " + out);
    }

    private static byte[] big(int size) {
        StringBuilder sb = new StringBuilder("From: a@example.org\r\nSubject: big\r\nMessage-ID: <big@example.org>\r\n\r\n");
        while (sb.length() < size) {
            sb.append("0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
