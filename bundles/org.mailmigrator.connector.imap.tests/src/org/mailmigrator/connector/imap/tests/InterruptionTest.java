package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.engine.RunInterrupted;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.SharedDovecot;

/**
 * A run stopped at a chosen step (as a crash would stop it: no clean-up code runs after the throw), then
 * resumed: the destination ends with exactly the source's messages, nothing lost, nothing duplicated.
 */
@ExtendWith(SharedDovecot.class)
class InterruptionTest {
    /** The run's shared Dovecot ({@link SharedDovecot}): this class's tests use accounts of their own on it. */
    private static Dovecot dovecot;

    @BeforeAll
    static void start(Dovecot shared) throws Exception {
        dovecot = shared;
    }

    @ParameterizedTest(name = "stop at {0} #{1}")
    @CsvSource({ "journal-written, 1", "journal-written, 3", "appended, 1", "appended, 9", "appended, 20",
            "recorded, 2", "flags-stored, 1" })
    void resumedAfterAnInterruption(String step, int occurrence, @TempDir Path state) throws Exception {
        String src = "int-" + step + "-" + occurrence + "-src";
        String dst = "int-" + step + "-" + occurrence + "-dst";
        List<TestCorpus.Mail> mails = Corpus.load(dovecot, src, 6);
        Pair pair = new Pair(dovecot, src, dovecot, dst, state);
        if (step.equals("flags-stored")) {
            assertEquals(Outcome.COMPLETED, pair.run().outcome());
            try (ImapProbe p = ImapProbe.login(dovecot, src)) {
                p.command("INBOX", "UID STORE 1:* +FLAGS (\\Answered)");
                p.append("INBOX", "Subject: late\r\n\r\nx\r\n".getBytes(), java.util.Set.of(),
                        java.time.Instant.parse("2024-04-04T04:04:04Z"));
            }
        }
        AtomicInteger seen = new AtomicInteger();
        MigrationListener stopper = new MigrationListener() {
            @Override
            public void checkpoint(String reached, String folder) {
                if (reached.equals(step) && seen.incrementAndGet() == occurrence) {
                    throw new RunInterrupted("test stops the run at " + step + " #" + occurrence);
                }
            }
        };
        MigrationReport stopped = pair.run(Pair.fast().withParallelism(1), stopper);
        assertEquals(Outcome.INTERRUPTED, stopped.outcome(), stopped.failure());
        MigrationReport resumed = pair.run();
        assertEquals(Outcome.COMPLETED, resumed.outcome(), resumed.failure());
        Verify.sameMail(dovecot, src, dovecot, dst, Map.of());
        MigrationReport again = pair.run();
        assertEquals(0, again.copied());
        assertEquals(0, again.flagsUpdated());
        if (!step.equals("flags-stored")) {
            assertEquals(mails.size(), again.alreadyPresent());
        }
    }

    /**
     * A crash after the flags were stored on the destination but before the state recorded them, then the
     * source changes back: the destination must follow the source again (the state must not keep claiming
     * the old flags, which would make the flip back look like "no change").
     */
    @org.junit.jupiter.api.Test
    void aFlagChangeInterruptedAfterTheStoreIsWrittenAgainWhenTheSourceChangesBack(@TempDir Path state)
            throws Exception {
        String src = "int-flags-sent-src";
        String dst = "int-flags-sent-dst";
        Corpus.load(dovecot, src, 4);
        Pair pair = new Pair(dovecot, src, dovecot, dst, state);
        assertEquals(Outcome.COMPLETED, pair.run().outcome());
        try (ImapProbe p = ImapProbe.login(dovecot, src)) {
            p.command("INBOX", "UID STORE 1:* +FLAGS (\\Answered)");
        }
        MigrationListener stopper = new MigrationListener() {
            @Override
            public void checkpoint(String reached, String folder) {
                if (reached.equals("flags-sent")) {
                    throw new RunInterrupted("test stops the run after the flags were stored");
                }
            }
        };
        assertEquals(Outcome.INTERRUPTED, pair.run(Pair.fast().withParallelism(1), stopper).outcome());
        try (ImapProbe p = ImapProbe.login(dovecot, src)) {
            p.command("INBOX", "UID STORE 1:* -FLAGS (\\Answered)");
        }
        MigrationReport resumed = pair.run();
        assertEquals(Outcome.COMPLETED, resumed.outcome(), resumed.failure());
        Verify.sameMail(dovecot, src, dovecot, dst, Map.of());
    }
}
