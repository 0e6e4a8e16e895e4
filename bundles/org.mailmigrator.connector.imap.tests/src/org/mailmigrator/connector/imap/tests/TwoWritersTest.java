package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.SharedDovecot;

/**
 * Issue 11 item 2: two writers, one mailbox. Two runs with different state folders on one destination make no
 * duplicate: on one machine the second waits for the first (and says why); a writer the lock cannot see
 * (another machine) is noticed while copying and the folder stops without a duplicate.
 */
@ExtendWith(SharedDovecot.class)
class TwoWritersTest {
    /** The run's shared Dovecot ({@link SharedDovecot}): this class's tests use accounts of their own on it. */
    private static Dovecot dovecot;

    @BeforeAll
    static void start(Dovecot shared) throws Exception {
        dovecot = shared;
    }

    /** A listener that keeps the log and lets a test act at checkpoints. */
    static class Log implements MigrationListener {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void info(String message) {
            lines.add(message);
        }
    }

    private static MigrationReport run(String src, String dst, Path state, MigrationSettings settings,
            MigrationListener listener, boolean lock) throws Exception {
        try (StateStore store = StateStore.openEmbedded(state, "pair")) {
            MigrationEngine engine = new MigrationEngine(
                    Pair.factory(Pair.account(dovecot, src, "plain", Map.of()), Role.SOURCE, Dovecot.PASSWORD),
                    Pair.factory(Pair.account(dovecot, dst, "plain", Map.of()), Role.DESTINATION, Dovecot.PASSWORD),
                    store, settings, listener);
            return (lock ? engine.lockingDestination(Dovecot.HOST, dst) : engine).run();
        }
    }

    @Test
    void twoConcurrentRunsOnOneDestinationMakeNoDuplicateAndTheSecondSaysWhyItWaits(@TempDir Path a, @TempDir Path b)
            throws Exception {
        Corpus.load(dovecot, "tw-src", 8);
        CountDownLatch firstWrote = new CountDownLatch(1);
        Log first = new Log() {
            @Override
            public void checkpoint(String step, String folder) {
                if (step.equals("appended")) {
                    firstWrote.countDown();
                    pause(15); // keeps the first run busy while the second starts
                }
            }
        };
        Log second = new Log();
        CompletableFuture<MigrationReport> one = CompletableFuture.supplyAsync(
                () -> unchecked(() -> run("tw-src", "tw-dst", a, Pair.fast(), first, true)));
        assertTrue(firstWrote.await(60, TimeUnit.SECONDS));
        MigrationReport two = run("tw-src", "tw-dst", b, Pair.fast(), second, true);
        MigrationReport r1 = one.get(120, TimeUnit.SECONDS);
        assertEquals(Outcome.COMPLETED, r1.outcome(), r1.failure());
        assertEquals(Outcome.COMPLETED, two.outcome(), two.failure());
        assertTrue(second.lines.stream().anyMatch(l -> l.startsWith("waiting: another run is writing to the destination "
                + "tw-dst@" + Dovecot.HOST) && l.contains("process ")), "the second run says why it waits: " + second.lines);
        assertEquals(0, two.copied(), "the second run found everything on the destination");
        assertEquals(r1.copied(), two.alreadyPresent());
        Verify.sameMail(dovecot, "tw-src", dovecot, "tw-dst", Map.of()); // the multisets: no duplicate
    }

    @Test
    void aWriterTheLockCannotSeeStopsTheFolderWithoutADuplicate(@TempDir Path a, @TempDir Path b) throws Exception {
        List<TestCorpus.Mail> mails = Corpus.load(dovecot, "fw-src", 15);
        AtomicBoolean done = new AtomicBoolean();
        // another machine's run (no shared lock) copies the whole mailbox while this one is in its first batches
        Log log = new Log() {
            @Override
            public void checkpoint(String step, String folder) {
                lines.add(step + " " + folder);
                if (step.equals("recorded") && folder.equals("INBOX") && done.compareAndSet(false, true)) {
                    MigrationReport other = unchecked(() -> run("fw-src", "fw-dst", b, Pair.fast(), NONE, false));
                    assertEquals(Outcome.COMPLETED, other.outcome(), other.failure());
                }
            }
        };
        MigrationSettings oneFolderAtATime = Pair.fast().withParallelism(1).withMirror(false);
        MigrationReport r = run("fw-src", "fw-dst", a, oneFolderAtATime, log, false);
        assertTrue(done.get(), "the other writer ran");
        assertEquals(Outcome.ITEMS_SKIPPED, r.outcome(), r.failure() + " " + log.lines + " copied " + r.copied());
        assertEquals(1, r.skipped().size(), r.skipped().toString());
        assertEquals("INBOX", r.skipped().get(0).folder());
        assertTrue(r.skipped().get(0).reason().contains("another program is copying the same messages into the "
                + "destination folder 'INBOX'"), r.skipped().get(0).reason());
        Verify.sameMail(dovecot, "fw-src", dovecot, "fw-dst", Map.of()); // no duplicate anywhere

        MigrationReport again = run("fw-src", "fw-dst", a, Pair.fast(), MigrationListener.NONE, false);
        assertEquals(Outcome.COMPLETED, again.outcome(), again.failure());
        assertEquals(0, again.copied());
        assertEquals(mails.size(), again.alreadyPresent());
    }

    @Test
    void newMailArrivingOnTheDestinationDuringARunIsNotTakenForAWriter(@TempDir Path a) throws Exception {
        List<TestCorpus.Mail> mails = Corpus.load(dovecot, "nm-src", 15);
        AtomicBoolean delivered = new AtomicBoolean();
        Log log = new Log() {
            @Override
            public void checkpoint(String step, String folder) {
                if (step.equals("recorded") && folder.equals("INBOX") && delivered.compareAndSet(false, true)) {
                    unchecked(() -> {
                        try (ImapProbe d = ImapProbe.login(dovecot, "nm-dst")) {
                            d.append("INBOX", "Subject: new mail delivered to the new server\r\n\r\nhello\r\n".getBytes(),
                                    java.util.Set.of(), java.time.Instant.parse("2026-12-01T10:00:00Z"));
                        }
                        return null;
                    });
                }
            }
        };
        MigrationReport r = run("nm-src", "nm-dst", a, Pair.fast().withParallelism(1), log, true);
        assertTrue(delivered.get());
        assertEquals(Outcome.COMPLETED, r.outcome(), r.failure() + " " + r.skipped());
        assertEquals(mails.size(), r.copied());
        try (ImapProbe s = ImapProbe.login(dovecot, "nm-src"); ImapProbe d = ImapProbe.login(dovecot, "nm-dst")) {
            assertEquals(s.messages("INBOX").size() + 1, d.messages("INBOX").size());
        }
    }

    interface Body<T> {
        T run() throws Exception;
    }

    static <T> T unchecked(Body<T> body) {
        try {
            return body.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One migration remembers the flags it wrote; a second one (its own state folder) changes them on the
     * destination after the source changed; the source changes back: the first migration's next pass must
     * bring the destination back to the source's flags, not trust the flags it remembers (found by the fault
     * suite's two-writer trial).
     */
    @Test
    void flagsAnotherMigrationChangedOnTheDestinationFollowTheSourceAgain(@TempDir Path a, @TempDir Path b)
            throws Exception {
        String src = "tw-flags-src";
        String dst = "tw-flags-dst";
        Corpus.load(dovecot, src, 4);
        Pair first = new Pair(dovecot, src, dovecot, dst, a);
        Pair second = new Pair(dovecot, src, dovecot, dst, b);
        assertEquals(Outcome.COMPLETED, first.run().outcome());
        try (ImapProbe p = ImapProbe.login(dovecot, src)) {
            p.command("INBOX", "UID STORE 1:* +FLAGS (\\Answered)");
        }
        assertEquals(Outcome.COMPLETED, second.run().outcome());
        try (ImapProbe p = ImapProbe.login(dovecot, src)) {
            p.command("INBOX", "UID STORE 1:* -FLAGS (\\Answered)");
        }
        Log log = new Log();
        MigrationReport again = first.run(Pair.fast(), log);
        assertEquals(Outcome.COMPLETED, again.outcome(), again.failure());
        Verify.sameMail(dovecot, src, dovecot, dst, Map.of());
        assertTrue(log.lines.stream().anyMatch(l -> l.contains("were changed there since the last pass")), log.lines::toString);
    }
}
