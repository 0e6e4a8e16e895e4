package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.SharedDovecot;

/**
 * {@code mailmigrator migrate} end to end against Dovecot: TLS choices and certificate trust, failures with
 * their exit codes and messages, the statistics block, the dry-run plan and the JSON report.
 */
@ExtendWith(SharedDovecot.class)
class CliMigrateTest {
    /** The run's shared Dovecot ({@link SharedDovecot}): this class's tests use accounts of their own on it. */
    private static Dovecot dovecot;

    @BeforeAll
    static void start(Dovecot shared) throws Exception {
        dovecot = shared;
    }

    private static String imaps(String user) {
        return "imaps://" + user + "@127.0.0.1:" + dovecot.imapsPort();
    }

    private static String imap(String user) {
        return "imap://" + user + "@127.0.0.1:" + dovecot.imapPort();
    }

    @Test
    void selfSignedCertificateIsRefusedByDefaultAndAcceptedWithItsFingerprint(@TempDir Path dir) throws Exception {
        Corpus.load(dovecot, "tls-src", 2);
        String fp = dovecot.certificateSha256();
        CliRun refused = CliRun.of(CliRun.migrate(dir, imaps("tls-src"), imap("tls-dst"), Dovecot.PASSWORD,
                Dovecot.PASSWORD));
        assertEquals(5, refused.code(), refused.toString());
        assertTrue(refused.err().contains("not trusted") && refused.err().contains("--trust-sha256 " + fp), refused.toString());

        CliRun starttlsRefused = CliRun.of(CliRun.migrate(dir, imaps("tls-src"), imap("tls-dst"), Dovecot.PASSWORD,
                Dovecot.PASSWORD, "--trust-sha256", "00".repeat(32)));
        assertEquals(5, starttlsRefused.code(), "a wrong pin is refused too: " + starttlsRefused);

        Path report = dir.resolve("report.json");
        CliRun ok = CliRun.of(CliRun.migrate(dir, imaps("tls-src"), imap("tls-dst"), Dovecot.PASSWORD,
                Dovecot.PASSWORD, "--trust-sha256", fp, "--report", report.toString()));
        assertEquals(0, ok.code(), ok.toString());
        assertTrue(ok.out().contains("Migration completed"), ok.out());
        assertTrue(ok.out().contains("msgs/s"), ok.out());
        assertTrue(ok.err().lines().anyMatch(l -> l.startsWith("folders ") && l.contains(" messages ") && l.contains(" MB ")
                && l.contains("msg/s") && l.contains("ETA")), "progress line: " + ok.err());
        // a rate is shown once measured over two seconds of copying, blank before and on the last line (not "0 msg/s")
        assertTrue(ok.err().lines().filter(l -> l.startsWith("folders ")).noneMatch(l -> l.contains(" 0 msg/s")),
                "no zero rate: " + ok.err());
        assertTrue(ok.err().lines().filter(l -> l.startsWith("folders ")).reduce((a, b) -> b).orElseThrow()
                .contains(" - msg/s  - MB/s  ETA -"), "the last line: " + ok.err());
        // the total is counted before copying: every progress line shows the whole mailbox as its total
        int corpus = TestCorpus.generate(2, 42).size();
        assertTrue(ok.err().contains("counted ") && ok.err().contains(corpus + " message(s) on the source"), ok.err());
        assertTrue(ok.err().lines().filter(l -> l.startsWith("folders ")).allMatch(l -> l.contains("/" + corpus + " (")),
                "progress lines with the counted total: " + ok.err());
        Verify.sameMail(dovecot, "tls-src", dovecot, "tls-dst", Map.of());
        String json = Files.readString(report);
        assertTrue(json.contains("\"outcome\": \"completed\"") && json.contains("\"exitCode\": 0"), json);
        assertTrue(json.contains("\"copied\": " + (TestCorpus.generate(2, 42).size())), json);
        for (String text : List.of(ok.out(), ok.err(), json, refused.out(), refused.err())) {
            assertFalse(text.contains(Dovecot.PASSWORD), "the password must never be printed: " + text);
        }
        CliRun again = CliRun.of(CliRun.migrate(dir, imaps("tls-src"), imap("tls-dst"), Dovecot.PASSWORD,
                Dovecot.PASSWORD, "--trust-sha256", fp));
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.out().contains("copied           0 message(s)"), again.out());
    }

    @Test
    void wrongPasswordStopsWithTheAuthenticationExitCode(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of(CliRun.migrate(dir, imap("pw-src"), imap("pw-dst"), "not-the-password",
                Dovecot.PASSWORD, "--allow-plaintext"));
        assertEquals(4, run.code(), run.toString());
        assertTrue(run.err().contains("login refused for pw-src@127.0.0.1:" + dovecot.imapPort()), run.toString());
        assertFalse(run.toString().contains("not-the-password"), run.toString());
    }

    @Test
    void aClosedPortIsAConnectionFailure(@TempDir Path dir) throws Exception {
        int closed;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        CliRun run = CliRun.of(CliRun.migrate(dir, "imap://x@127.0.0.1:" + closed, imap("cp-dst"), Dovecot.PASSWORD,
                Dovecot.PASSWORD, "--allow-plaintext"));
        assertEquals(3, run.code(), run.toString());
        assertTrue(run.err().contains("cannot connect to x@127.0.0.1:" + closed), run.toString());
    }

    // imap:// (STARTTLS) on the implicit-TLS port used to wait minutes for a greeting that never comes (four
    // attempts x the server's idle timeout); imaps:// on the plain port failed with a TLS error: both now stop
    // within seconds with exit 3 and say which scheme the port speaks.
    @Test
    void starttlsOnTheTlsPortFailsFastAndSaysImaps(@TempDir Path dir) throws Exception {
        long start = System.nanoTime();
        CliRun run = CliRun.of(CliRun.migrate(dir, "imap://wp-src@127.0.0.1:" + dovecot.imapsPort(),
                "imap://wp-dst@127.0.0.1:" + dovecot.imapPort(), Dovecot.PASSWORD, Dovecot.PASSWORD,
                "--trust-sha256", dovecot.certificateSha256()));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(3, run.code(), run.toString());
        assertTrue(run.err().contains("this port speaks TLS; use imaps://"), run.toString());
        assertTrue(seconds < 20, "took " + seconds + " s");
    }

    @Test
    void tlsOnThePlainPortFailsFastAndSaysImap(@TempDir Path dir) throws Exception {
        long start = System.nanoTime();
        CliRun run = CliRun.of(CliRun.migrate(dir, "imaps://wp-src@127.0.0.1:" + dovecot.imapPort(),
                "imap://wp-dst@127.0.0.1:" + dovecot.imapPort(), Dovecot.PASSWORD, Dovecot.PASSWORD,
                "--trust-sha256", dovecot.certificateSha256()));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(3, run.code(), run.toString());
        assertTrue(run.err().contains("this port speaks plain IMAP; use imap:// (STARTTLS)"), run.toString());
        assertTrue(seconds < 20, "took " + seconds + " s");
    }

    @Test
    void dryRunPrintsThePlanAndWritesNothing(@TempDir Path dir) throws Exception {
        Corpus.load(dovecot, "dry-src", 1);
        CliRun run = CliRun.of(CliRun.migrate(dir, imap("dry-src"), imap("dry-dst"), Dovecot.PASSWORD, Dovecot.PASSWORD,
                "--allow-plaintext", "--dry-run", "--exclude", "^Old"));
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("SOURCE") && run.out().contains("Work/Projects/v2.0 release"), run.out());
        assertTrue(run.out().contains("Dry run:") && !run.out().contains("Old Mail"), run.out());
        try (ImapProbe p = ImapProbe.login(dovecot, "dry-dst")) {
            assertEquals(List.of("INBOX"), new ArrayList<>(p.folders().keySet()));
        }
    }

    @Test
    void sinceBeforeAndMaxSizeLimitWhatIsCopiedAndTheBigMessageIsReported(@TempDir Path dir) throws Exception {
        List<TestCorpus.Mail> mails = Corpus.load(dovecot, "lim-cli-src", 3);
        java.time.Instant since = java.time.Instant.parse("2015-01-01T00:00:00Z");
        java.time.Instant before = java.time.Instant.parse("2024-01-01T00:00:00Z");
        long inside = mails.stream().filter(m -> !m.date().isBefore(since) && m.date().isBefore(before)).count();
        long small = mails.stream().filter(m -> !m.date().isBefore(since) && m.date().isBefore(before)
                && m.bytes().length <= 1 << 20).count();
        assertTrue(inside > small && small > 0 && inside < mails.size(), "the corpus has messages on every side of the limits");
        CliRun run = CliRun.of(CliRun.migrate(dir, imap("lim-cli-src"), imap("lim-cli-dst"), Dovecot.PASSWORD,
                Dovecot.PASSWORD, "--allow-plaintext", "--since", "2015-01-01", "--before", "2024-01-01", "--max-size", "1M"));
        assertEquals(6, run.code(), "a skipped item: " + run);
        assertTrue(run.out().contains("copied           " + small + " message(s)"), run.out());
        assertTrue(run.out().contains("larger than the migration's size limit of 1048576 bytes"), run.out());
        try (ImapProbe p = ImapProbe.login(dovecot, "lim-cli-dst")) {
            assertEquals(small, p.snapshot().values().stream().mapToLong(List::size).sum());
        }
        CliRun size = CliRun.of(CliRun.migrate(dir, imap("a"), imap("b"), "p", "p", "--max-size", "lots"));
        assertEquals(2, size.code(), size.toString());
        assertTrue(size.err().contains("--max-size: 'lots' is not a size like 25M"), size.toString());
        CliRun date = CliRun.of(CliRun.migrate(dir, imap("a"), imap("b"), "p", "p", "--since", "31/01/2024"));
        assertEquals(2, date.code(), date.toString());
        assertTrue(date.err().contains("--since: '31/01/2024' is not a date (2024-01-31)"), date.toString());
        CliRun empty = CliRun.of(CliRun.migrate(dir, imap("a"), imap("b"), "p", "p", "--since", "2024-01-01", "--before",
                "2015-01-01"));
        assertEquals(2, empty.code(), empty.toString());
        assertTrue(empty.err().contains("the date limits select nothing"), empty.toString());
    }

    @Test
    void badOptionsAreUsageErrorsNamingTheOption(@TempDir Path dir) throws Exception {
        CliRun url = CliRun.of(CliRun.migrate(dir, "pop3://a@b", imap("x"), "p", "p"));
        assertEquals(2, url.code(), url.toString());
        assertTrue(url.err().contains("--source 'pop3://a@b' must start with imaps://"), url.toString());
        CliRun map = CliRun.of(CliRun.migrate(dir, imap("a"), imap("b"), "p", "p", "--map", "nodest"));
        assertEquals(2, map.code(), map.toString());
        assertTrue(map.err().contains("--map 'nodest' must be SOURCE=DESTINATION"), map.toString());
    }

    @Test
    void starttlsIsRequiredUnlessPlaintextIsAllowedExplicitly(@TempDir Path dir) throws Exception {
        try (Dovecot clear = Dovecot.start(Dovecot.Layout.SLASH, 0, false)) {
            Corpus.load(clear, "clear-src", 1);
            String src = "imap://clear-src@127.0.0.1:" + clear.imapPort();
            String dst = "imap://clear-dst@127.0.0.1:" + clear.imapPort();
            CliRun refused = CliRun.of(CliRun.migrate(dir, src, dst, Dovecot.PASSWORD, Dovecot.PASSWORD));
            assertEquals(3, refused.code(), refused.toString());
            assertTrue(refused.err().contains("does not offer STARTTLS, which is required"), refused.toString());
            CliRun allowed = CliRun.of(CliRun.migrate(dir, src, dst, Dovecot.PASSWORD, Dovecot.PASSWORD,
                    "--allow-plaintext"));
            assertEquals(0, allowed.code(), allowed.toString());
            Verify.sameMail(clear, "clear-src", clear, "clear-dst", Map.of());
        }
    }

    @Test
    void aTrustStoreHoldingTheServerCertificateIsAccepted(@TempDir Path dir) throws Exception {
        Corpus.load(dovecot, "pem-src", 1);
        CliRun run = CliRun.of(CliRun.migrate(dir, imaps("pem-src"), imaps("pem-dst"), Dovecot.PASSWORD,
                Dovecot.PASSWORD, "--trust-store", dovecot.certificate().toString()));
        assertEquals(0, run.code(), run.toString());
        Verify.sameMail(dovecot, "pem-src", dovecot, "pem-dst", Map.of());
        CliRun missing = CliRun.of(CliRun.migrate(dir, imaps("pem-src"), imaps("pem-dst"), Dovecot.PASSWORD,
                Dovecot.PASSWORD, "--trust-store", dir.resolve("nope.pem").toString()));
        assertEquals(2, missing.code(), missing.toString());
        assertTrue(missing.err().contains("--trust-store") && missing.err().contains("cannot be read"), missing.toString());
    }
}
