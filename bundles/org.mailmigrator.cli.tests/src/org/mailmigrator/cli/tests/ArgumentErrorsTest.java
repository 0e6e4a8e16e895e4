package org.mailmigrator.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wrong option values are a wrong command line (exit 2, the option named) found before anything connects;
 * and {@code detect --csv} reads the batch files of every import format.
 */
class ArgumentErrorsTest {

    private static CliRun migrate(Path dir, String... extra) throws Exception {
        Path pw = dir.resolve("pw");
        Files.writeString(pw, "secret\n");
        var args = new java.util.ArrayList<>(java.util.List.of("migrate", "--source", "imap://alice@127.0.0.1:1",
                "--target", "imap://bob@127.0.0.1:1", "--source-password-file", pw.toString(), "--target-password-file",
                pw.toString(), "--allow-plaintext", "--state", dir.resolve("state").toString()));
        args.addAll(java.util.List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aBadRegexFingerprintOrParallelIsExitCodeTwo(@TempDir Path dir) throws Exception {
        CliRun regex = migrate(dir, "--include", "([");
        assertEquals(2, regex.code(), regex.toString());
        assertTrue(regex.err().contains("--include '([' is not a regular expression"), regex.err());
        CliRun sha = migrate(dir, "--trust-sha256", "not-hex");
        assertEquals(2, sha.code(), sha.toString());
        assertTrue(sha.err().contains("--trust-sha256 'not-hex' is not a SHA-256 fingerprint"), sha.err());
        CliRun parallel = migrate(dir, "--parallel", "0");
        assertEquals(2, parallel.code(), parallel.toString());
        assertTrue(parallel.err().contains("--parallel 0: must be 1 or more"), parallel.err());
        String ok = "AB:".repeat(31) + "AB";
        CliRun good = migrate(dir, "--trust-sha256", ok);
        assertFalse(good.code() == 2 || good.err().contains("--trust-sha256"), "a good fingerprint passes: " + good);
    }

    @Test
    void theTopLevelHelpDoesNotPromiseExitCodeOneForEveryFailure() {
        CliRun help = CliRun.of("--help");
        assertFalse(help.out().contains("1 failure"), help.out());
        assertTrue(help.out().contains("migrate 3-8") && help.out().contains("docs/cli-exit-codes.md"), help.out());
    }

    @Test
    void detectReadsEveryImportFormat(@TempDir Path dir) throws Exception {
        java.util.Map<String, String> files = java.util.Map.of(
                "omm.csv", "Type source;Serveur source;Login source;Mot de passe source;Type destination;Serveur destination;"
                        + "Login destination;Mot de passe destination\nIMAP;imap.gmail.com;a@gmail.com;Sekr3tPw;IMAP;ssl0.ovh.net;a@x.example;Sekr3tPw\n",
                "file.txt", "# imapsync\nimap.gmail.com;b@gmail.com;Sekr3tPw;ssl0.ovh.net;b@x.example;Sekr3tPw;\n",
                "exchange.csv", "EmailAddress,UserName,Password\nc@contoso.example,c@gmail.com,Sekr3tPw\n",
                "native.csv", "source.server,source.login,source.password,destination.server,destination.login,"
                        + "destination.password\nimaps://imap.gmail.com,d@gmail.com,Sekr3tPw,imaps://ssl0.ovh.net,d@x.example,Sekr3tPw\n");
        for (var f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.writeString(p, f.getValue());
            CliRun run = CliRun.of("detect", "--offline", "--csv", p.toString());
            assertEquals(0, run.code(), f.getKey() + ": " + run);
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith("gmail.com") && l.contains("imap.gmail.com:993 tls")),
                    f.getKey() + ": " + run.out());
            assertFalse(run.out().contains("Sekr3t") || run.err().contains("Sekr3t"), "no password is read: " + run);
        }
    }
}
