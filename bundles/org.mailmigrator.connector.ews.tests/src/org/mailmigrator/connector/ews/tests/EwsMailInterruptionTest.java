package org.mailmigrator.connector.ews.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.engine.RunInterrupted;
import org.mailmigrator.testing.ChildJvm;
import org.mailmigrator.testing.Dovecot;

/**
 * Dovecot → Exchange (the EWS PROTOCOL FAKE) cut short, then resumed: Exchange ends with exactly the source's
 * messages, none lost, none twice, duplicates and messages without Message-ID included. Two ways to cut: the run
 * stops at a chosen step as a crash would (no clean-up code runs after the throw), or the fake stores a
 * CreateItem's messages and closes the connection without answering, so the client cannot know they exist.
 */
class EwsMailInterruptionTest extends DovecotIntoEws {
    @TempDir
    Path state;

    @ParameterizedTest(name = "stop at {0} #{1}")
    @CsvSource({ "journal-written, 1", "journal-written, 3", "appended, 1", "appended, 3", "appended, 10", "recorded, 2" })
    void resumedAfterACrashAtAStep(String step, int occurrence) throws Exception {
        String user = "crash-" + step + "-" + occurrence;
        List<MailCorpus.Mail> mails = MailCorpus.standard();
        MailCorpus.load(dovecot, user, mails);
        EwsMailRun pair = new EwsMailRun(dovecot, user, fake, state);
        AtomicInteger seen = new AtomicInteger();
        MigrationListener stopper = new MigrationListener() {
            @Override
            public void checkpoint(String reached, String folder) {
                if (reached.equals(step) && seen.incrementAndGet() == occurrence) {
                    throw new RunInterrupted("test stops the run at " + step + " #" + occurrence);
                }
            }
        };
        MigrationReport stopped = pair.run(EwsMailRun.fast().withParallelism(1), stopper, EwsRun.PASSWORD);
        assertEquals(Outcome.INTERRUPTED, stopped.outcome(), stopped.failure());
        MigrationReport resumed = pair.run();
        assertEquals(Outcome.COMPLETED, resumed.outcome(), resumed.failure());
        assertSameMail(mails);
        MigrationReport again = pair.run();
        assertEquals(0, again.copied());
        assertEquals(0, again.flagsUpdated(), "recovered messages carry the flags last written");
        assertEquals(mails.size(), again.alreadyPresent());
    }

    @ParameterizedTest(name = "connection cut after message {0}")
    @ValueSource(ints = { 1, 3, 9 })
    void aConnectionCutAfterCreateItemIsRetriedWithoutDuplicates(int message) throws Exception {
        String user = "drop-" + message;
        List<MailCorpus.Mail> mails = MailCorpus.standard();
        MailCorpus.load(dovecot, user, mails);
        fake.dropAfterMessage(message);
        MigrationReport r = new EwsMailRun(dovecot, user, fake, state).run();
        assertEquals(Outcome.COMPLETED, r.outcome(), r.failure());
        assertTrue(r.alreadyPresent() >= 1, "the messages stored before the cut are recognised: " + r);
        assertSameMail(mails);
    }

    @Test
    void killedWithSigkillWhileExchangeStoresThenResumedEndsExact() throws Exception {
        List<MailCorpus.Mail> mails = MailCorpus.standard();
        MailCorpus.load(dovecot, "kill", mails);
        for (int at : new int[] { 3, 9 }) {
            AtomicReference<Process> child = new AtomicReference<>();
            // killed while Exchange holds the CreateItem's messages and has not answered: the child never learns
            fake.cutAfterMessage(at, () -> {
                child.get().destroyForcibly();
                try {
                    child.get().waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            ProcessBuilder pb = ChildJvm.command(EwsChildMigration.BUNDLES, EwsChildMigration.class, List.of("-Xmx128m"),
                    List.of(String.valueOf(dovecot.imapPort()), "kill", fake.url(), state.toString(), Dovecot.PASSWORD,
                            EwsRun.LOGIN, EwsRun.PASSWORD));
            pb.redirectErrorStream(true);
            child.set(pb.start());
            String output = new String(child.get().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(child.get().waitFor(60, TimeUnit.SECONDS), output);
            assertEquals(137, child.get().exitValue(), "killed by SIGKILL:\n" + output);
            assertTrue(fake.mail.messages.size() >= at, "the fake stored up to the kill:\n" + output);
        }
        int stored = fake.mail.messages.size();
        MigrationReport resumed = new EwsMailRun(dovecot, "kill", fake, state).run();
        assertEquals(Outcome.COMPLETED, resumed.outcome(), resumed.failure());
        assertEquals(mails.size() - stored, resumed.copied(), "what the killed runs stored is recognised, not copied again");
        assertSameMail(mails);
    }

    private void assertSameMail(List<MailCorpus.Mail> mails) {
        for (var e : MailCorpus.EXCHANGE_FOLDER.entrySet()) {
            assertEquals(EwsMailRun.mimeOf(mails, e.getKey()), EwsMailRun.mimeIn(fake, e.getValue()), "MIME bytes in " + e.getValue());
        }
        assertEquals(mails.size(), fake.mail.messages.size());
        assertEquals(List.of(), fake.violations);
    }
}
