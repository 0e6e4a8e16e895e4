package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.testing.Cyrus;
import org.mailmigrator.testing.Dovecot;

/**
 * What an administrator sees when the destination rewrites a message (Cyrus replaces 8-bit header bytes with
 * X): the summary and the --report file name it, and a run with a lost state copies nothing again.
 */
class CliAlteredTest {
    @Test
    void aMessageTheDestinationRewroteIsNamedAndNotCopiedAgainAfterALostState(@TempDir Path dir) throws Exception {
        try (Dovecot dovecot = Dovecot.start(Dovecot.Layout.SLASH); Cyrus cyrus = Cyrus.start(Cyrus.Layout.INBOX_DOT,
                List.of("alt-dst"))) {
            try (ImapProbe p = ImapProbe.login(dovecot, "alt-src")) {
                // raw 8-bit bytes in From (the subject is ASCII: how reports decode raw 8-bit subjects is another matter)
                p.append("INBOX", "From: Jürgen Groß <j@example.org>\r\nSubject: raw 8-bit sender\r\n\r\nhi\r\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8), Set.of(), java.time.Instant.parse("2024-02-02T02:02:02Z"));
                p.append("INBOX", MatrixCorpus.text(1, "INBOX", true), Set.of("\\Seen"),
                        java.time.Instant.parse("2024-02-02T02:02:03Z"));
            }
            String src = "imap://alt-src@127.0.0.1:" + dovecot.imapPort();
            String dst = "imap://alt-dst@127.0.0.1:" + cyrus.imapPort();
            Path report = dir.resolve("report.json");
            CliRun first = CliRun.of(CliRun.migrate(dir, src, dst, Dovecot.PASSWORD, Dovecot.PASSWORD,
                    "--allow-plaintext", "--report", report.toString()));
            assertEquals(0, first.code(), first.toString());
            assertTrue(first.out().contains("altered by the destination: folder 'INBOX' message 1 (copy ")
                    && first.out().contains("raw 8-bit sender"), first.toString());
            String json = Files.readString(report);
            assertTrue(json.contains("\"altered\"") && json.contains("raw 8-bit sender"), json);
            // the items' own string ids, as the connectors give them: no numeric UID fields
            String altered = json.substring(json.indexOf("\"altered\""), json.indexOf("\"pass\""));
            assertTrue(altered.matches("(?s).*\"id\"\\s*:\\s*\"1\".*\"destinationId\"\\s*:\\s*\"\\d+\".*"), altered);
            assertFalse(altered.contains("Uid\"") || altered.contains("\"uid\""), altered);

            Files.walk(dir.resolve("state")).sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            CliRun again = CliRun.of(CliRun.migrate(dir, src, dst, Dovecot.PASSWORD, Dovecot.PASSWORD, "--allow-plaintext"));
            assertEquals(0, again.code(), again.toString());
            assertTrue(again.out().matches("(?s).*copied\\s+0 message.*already present\\s+2.*"), again.toString());
        }
    }
}
