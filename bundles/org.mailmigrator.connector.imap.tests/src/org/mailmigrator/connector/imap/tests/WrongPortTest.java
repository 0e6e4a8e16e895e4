package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.testing.Dovecot;

/**
 * imap:// (STARTTLS) on Dovecot's implicit-TLS port used to wait for a greeting that never comes (minutes,
 * four attempts × the server's idle timeout); imaps:// on the plain port failed with a TLS error. Both now stop
 * within seconds with exit 3 and say which scheme the port speaks.
 */
class WrongPortTest {
    private static Dovecot dovecot;

    @BeforeAll
    static void start() throws Exception {
        dovecot = Dovecot.start(Dovecot.Layout.SLASH);
    }

    @AfterAll
    static void stop() {
        dovecot.close();
    }

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
}
