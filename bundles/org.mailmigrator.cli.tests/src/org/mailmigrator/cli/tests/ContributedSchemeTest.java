package org.mailmigrator.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate}'s URLs are read by the connectors' declarations: the test-only connector test.addressed
 * (bundle org.mailmigrator.testing.connectors) declares the scheme echo:// with settings named unlike IMAP's,
 * and the command line hands it the account the URL names. The connector refuses every account, repeating
 * the settings it was given.
 */
class ContributedSchemeTest {

    private static CliRun migrate(Path dir, String source, String target, String... extra) throws Exception {
        Path pw = Files.writeString(dir.resolve("pw"), "secret\n");
        var args = new java.util.ArrayList<>(java.util.List.of("migrate", "--source", source, "--target", target,
                "--source-password-file", pw.toString(), "--target-password-file", pw.toString(), "--state",
                dir.resolve("state").toString()));
        args.addAll(java.util.List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aContributedSchemeIsAcceptedAndItsConnectorGetsTheAccountTheUrlNames(@TempDir Path dir) throws Exception {
        CliRun run = migrate(dir, "echo://alice%40example.org@mail.example.test", "echo://bob@other.example.test:2525");
        assertEquals(8, run.code(), "the connector refused the account (not a wrong command line): " + run);
        assertTrue(run.err().contains("test connector test.addressed opened as source with "
                + "{mode=loud, server=mail.example.test, tcpPort=7, user=alice@example.org}"), run.toString());
    }

    @Test
    void aContributedSourceIntoAnEwsTargetIsMailNotACalendarFile(@TempDir Path dir) throws Exception {
        // ews+ targets are calendars/contacts for file sources and mail for URL sources of any connector; no
        // ews connector is installed in this test runtime, so the mail path names the targets it accepts
        CliRun run = migrate(dir, "echo://alice@h", "ews+https://bob@h/EWS/Exchange.asmx");
        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("--target 'ews+https://bob@h/EWS/Exchange.asmx' must start with imaps:// (TLS), "
                + "imap:// (STARTTLS) or echo:// (test)"), run.toString());
    }

    @Test
    void anUnknownSchemeListsTheInstalledOnesWithTlsAndAPasswordInTheUrlIsNeverQuoted(@TempDir Path dir) throws Exception {
        CliRun pop = migrate(dir, "pop3://a@b", "echo://bob@h");
        assertEquals(2, pop.code(), pop.toString());
        assertTrue(pop.err().contains("--source 'pop3://a@b' must start with imaps:// (TLS), imap:// (STARTTLS) or echo:// (test)"),
                pop.toString());
        CliRun secret = migrate(dir, "echo://alice:hunter2@h", "echo://bob@h");
        assertEquals(2, secret.code(), secret.toString());
        assertTrue(secret.err().contains("--source: do not put the password in the URL"), secret.toString());
        assertFalse(secret.err().contains("hunter2"), secret.toString());
        CliRun noLogin = migrate(dir, "echo://h", "echo://bob@h");
        assertEquals(2, noLogin.code(), noLogin.toString());
        assertTrue(noLogin.err().contains("--source 'echo://h' needs a login and a host: echo://LOGIN@HOST[:PORT]"),
                noLogin.toString());
    }
}
