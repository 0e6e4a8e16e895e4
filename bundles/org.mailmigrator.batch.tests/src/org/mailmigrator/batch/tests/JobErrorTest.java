package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.connectors.ErrorConnector;

/**
 * A row whose connector throws a {@link java.lang.Error} (not an exception) ends Failed with the error named, not
 * left Running until the next start; it gives its connections back (one row's worth per host here: the rows after it
 * would wait forever otherwise) and the other rows go on. {@code batch status} shows every last error whole: the
 * certificate sentence of a refused server, fingerprint and flag included, is longer than the table's column.
 */
class JobErrorTest {

    @Test
    void anErrorFailsItsRowNamedAndTheOthersGoOn(@TempDir Path dir) throws Exception {
        try (Dovecot d = Dovecot.start(Dovecot.Layout.SLASH)) {
            Mailboxes.fill(d, "ok", 40, 7, 0);
            Mailboxes.fill(d, "tls", 4, 8, 0);
            String imap = "127.0.0.1," + d.imapPort() + ",plain,";
            Path csv = Files.writeString(dir.resolve("rows.csv"), "source.connector,source.host,source.port,"
                    + "source.security,source.login,source.password,destination.host,destination.port,"
                    + "destination.security,destination.login,destination.password\n"
                    + "test.error,127.0.0.1,993,tls,broken,pw," + imap + "broken-copy," + Dovecot.PASSWORD + "\n"
                    + "imap," + imap + "ok," + Dovecot.PASSWORD + "," + imap + "ok-copy," + Dovecot.PASSWORD + "\n"
                    + "imap,127.0.0.1," + d.imapsPort() + ",tls,tls," + Dovecot.PASSWORD + "," + imap + "tls-copy,"
                    + Dovecot.PASSWORD + "\n");
            Path ws = dir.resolve("ws");
            // three at once, but 4 connections per host: exactly one row's (2 per side), so the rows take turns
            CliRun run = assertTimeoutPreemptively(Duration.ofMinutes(3), () -> CliRun.of("batch", "run", csv.toString(),
                    "--workspace", ws.toString(), "--allow-plaintext", "--parallel", "3", "--per-host", "4"),
                    "a row that threw kept its connections: the others wait for them");
            assertFalse(run.toString().contains("\tat "), "no stack trace for the user: " + run);

            CliRun status = CliRun.of("batch", "status", "rows", "--workspace", ws.toString());
            assertEquals(0, status.code(), status.toString());
            String broken = row(status.out(), "broken@127.0.0.1");
            assertTrue(broken.contains("Failed") && broken.contains("internal error: java.util.ServiceConfigurationError"),
                    "Failed, the error named: " + broken);
            String below = status.out().substring(status.out().indexOf("last errors in full:"));
            String unwrapped = below.replaceAll("\n {4}", " ");
            assertTrue(unwrapped.contains("internal error: java.util.ServiceConfigurationError: " + ErrorConnector.MESSAGE
                    + " for broken"), "the whole message: " + below);
            assertTrue(row(status.out(), "ok@127.0.0.1").contains("Synced"), status.out());
            Mailboxes.assertSame(d, "ok", "ok-copy");

            // the refused certificate: cut in the table, whole below it with the fingerprint on one line
            String sha = d.certificateSha256();
            String refused = row(status.out(), "tls@127.0.0.1");
            assertTrue(refused.contains("Failed") && refused.contains("the certificate of 127.0.0.1 is not trusted")
                    && refused.endsWith("… (in full below)"), refused);
            assertTrue(unwrapped.contains("SHA-256 " + sha + "): if it is your server's, trust it in the workbench or run"
                    + " with --trust-sha256 " + sha), below);
            assertTrue(below.lines().anyMatch(l -> l.contains(sha)), below);
            assertTrue(below.lines().allMatch(l -> l.length() <= 100), "wrapped: " + below);
        }
    }

    private static String row(String out, String account) {
        return out.lines().filter(l -> l.contains(account)).findFirst()
                .orElseThrow(() -> new AssertionError("no row of " + account + " in:\n" + out));
    }
}
