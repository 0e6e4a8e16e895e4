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
import org.mailmigrator.connector.imap.internal.HeldBodies;
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
            // no memory for big messages: the 2.5 MB one goes to the temporary folder (else it stays in memory)
            System.setProperty(HeldBodies.PROPERTY, "0");
            try {
                report = run(dovecot, dir.resolve("state"));
            } finally {
                System.setProperty("java.io.tmpdir", tmpdir);
                System.clearProperty(HeldBodies.PROPERTY);
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

    /**
     * Big messages within the connector's memory for them ({@link HeldBodies}) do not touch the temporary folder: with
     * a folder that does not exist, messages of 1.5 and 3 MB copy whole; with no memory for them (the setting at 0)
     * the same copy needs the folder and does not get them across.
     */
    @Test
    void bigMessagesWithinTheMemoryForThemNeedNoTemporaryFolder(@TempDir Path dir) throws Exception {
        String tmpdir = System.getProperty("java.io.tmpdir");
        try (Dovecot dovecot = Dovecot.start(Dovecot.Layout.SLASH)) {
            try (ImapProbe probe = ImapProbe.login(dovecot, "held-src")) {
                probe.append("INBOX", big(1_500_000), Set.of("\\Seen"), Instant.parse("2024-05-01T10:00:00Z"));
                probe.append("INBOX", big(3_000_000), Set.of(), Instant.parse("2024-05-02T10:00:00Z"));
            }
            MigrationReport spooled;
            MigrationReport held;
            System.setProperty("java.io.tmpdir", dir.resolve("no-such-folder").toString());
            try {
                System.setProperty(HeldBodies.PROPERTY, "0");
                try {
                    spooled = run(dovecot, "held-src", "held-dst-spooled", dir.resolve("state-spooled"));
                } finally {
                    System.clearProperty(HeldBodies.PROPERTY);
                }
                held = run(dovecot, "held-src", "held-dst", dir.resolve("state-held"));
            } finally {
                System.setProperty("java.io.tmpdir", tmpdir);
            }
            assertEquals(Outcome.COMPLETED, held.outcome(), held.failure());
            assertEquals(2, held.copied());
            Verify.sameMail(dovecot, "held-src", dovecot, "held-dst", Map.of());
            assertTrue(spooled.copied() < 2 && spooled.outcome() != Outcome.COMPLETED,
                    "without memory for them the big messages need the (missing) temporary folder: " + spooled.outcome()
                            + ", " + spooled.copied() + " copied, " + spooled.failure());
        }
    }

    private static MigrationReport run(Dovecot dovecot, Path state) throws Exception {
        return run(dovecot, "spool-src", "spool-dst", state);
    }

    private static MigrationReport run(Dovecot dovecot, String source, String target, Path state) throws Exception {
        try (StateStore store = StateStore.openEmbedded(state, "pair")) {
            return new MigrationEngine(Pair.factory(Pair.account(dovecot, source, "plain", Map.of()), Role.SOURCE,
                    Dovecot.PASSWORD), Pair.factory(Pair.account(dovecot, target, "plain", Map.of()),
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
