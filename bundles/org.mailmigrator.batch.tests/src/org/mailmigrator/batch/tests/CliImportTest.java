package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code batch import} as an administrator meets it: problems on stderr, exit codes, nothing half-stored. */
class CliImportTest {

    @Test
    void aBadFileImportsNothingThenBadRowsCanBeSkipped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("team.csv");
        Files.writeString(file, """
                # imapsync
                imap.old.example;alice;pw;imap.new.example;alice;pw;;
                imap.old.example;bob;pw;imap.new.example:0;bob;pw;;
                imap.old.example;carol;pw;imap.new.example;carol;pw;--bogus;
                """);
        String ws = dir.resolve("ws").toString();
        CliRun bad = CliRun.of("batch", "import", file.toString(), "--workspace", ws);
        assertEquals(1, bad.code(), bad.toString());
        assertTrue(bad.err().contains("team.csv: line 3, column 4 (host2): 'imap.new.example:0': the port '0'"), bad.err());
        assertTrue(bad.err().contains("team.csv: line 4, column 7 (options): imapsync option '--bogus' is not supported"),
                bad.err());
        assertTrue(bad.err().contains("nothing was imported"), bad.err());
        CliRun none = CliRun.of("batch", "status", "--workspace", ws);
        assertEquals("", none.out().trim(), none.toString());

        CliRun skipped = CliRun.of("batch", "import", file.toString(), "--workspace", ws, "--skip-bad-rows", "--name",
                "team-2026");
        assertEquals(0, skipped.code(), skipped.toString());
        assertTrue(skipped.out().contains("imported batch team-2026: 1 migration(s) from team.csv (imapsync, UTF-8), "
                + "2 bad line(s) skipped"), skipped.out());
        CliRun status = CliRun.of("batch", "status", "team-2026", "--workspace", ws);
        assertTrue(status.out().contains("alice@imap.old.example") && status.out().contains("Queued"), status.out());
        assertTrue(Files.exists(dir.resolve("ws/secrets.key")), "the key file is created with the first import");

        CliRun again = CliRun.of("batch", "import", file.toString(), "--workspace", ws, "--skip-bad-rows", "--name",
                "team-2026");
        assertEquals(1, again.code(), again.toString());
        assertTrue(again.err().contains("a batch named 'team-2026' exists"), again.err());
        assertEquals(2, CliRun.of("batch", "import", file.toString(), "--workspace", ws, "--format", "csv").code());
        assertEquals(2, CliRun.of("batch", "run", "no-such-batch", "--workspace", ws).code());
    }

    @Test
    void anExchangeCsvWithoutItsOptionsAndAZeroLimitAreCommandLineErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("exchange.csv");
        Files.writeString(file, "EmailAddress,UserName,Password\nalice@contoso.example,alice,Sekr3t-pw\n");
        String ws = dir.resolve("ws").toString();
        CliRun missing = CliRun.of("batch", "import", file.toString(), "--workspace", ws);
        assertEquals(2, missing.code(), missing.toString());
        assertTrue(missing.err().startsWith("mailmigrator batch import: an Exchange Online CSV does not name the source "
                + "server: give --source-server HOST|URL"), missing.err());
        assertTrue(!missing.err().contains("exchange.csv: line 1"), "not reported as a problem of the file: " + missing.err());
        assertTrue(!missing.err().contains("Sekr3t"), missing.err());

        Path team = dir.resolve("team.txt");
        Files.writeString(team, "h1.example;alice;pw;h2.example;alice;pw;\n");
        CliRun zero = CliRun.of("batch", "import", team.toString(), "--workspace", ws, "--parallel", "0");
        assertEquals(2, zero.code(), zero.toString());
        assertTrue(zero.err().contains("--parallel 0: must be 1 or more"), zero.err());
        CliRun run = CliRun.of("batch", "run", team.toString(), "--workspace", ws, "--per-host", "0");
        assertEquals(2, run.code(), run.toString());
        CliRun sha = CliRun.of("batch", "run", team.toString(), "--workspace", ws, "--trust-sha256", "abc");
        assertEquals(2, sha.code(), sha.toString());
        assertTrue(sha.err().contains("--trust-sha256 'abc' is not a SHA-256 fingerprint"), sha.err());
        assertEquals("", CliRun.of("batch", "status", "--workspace", ws).out().trim(), "nothing was imported");
    }
}
