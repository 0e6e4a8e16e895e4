package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.SharedDovecot;

/**
 * Issue 11 item 1: what a rerun calls "already present" is checked on the destination. Messages expunged there
 * with a plain IMAP client (a whole folder, and part of another) are copied again, with and without --mirror.
 */
@ExtendWith(SharedDovecot.class)
class DestinationExpungedTest {
    /** The run's shared Dovecot ({@link SharedDovecot}): this class's tests use accounts of their own on it. */
    private static Dovecot dovecot;

    @BeforeAll
    static void start(Dovecot shared) throws Exception {
        dovecot = shared;
    }

    /** Expunges all of Drafts and the first two messages of Sent on the destination; returns how many. */
    private static int expungeOnDestination(String user) throws Exception {
        try (ImapProbe d = ImapProbe.login(dovecot, user)) {
            int drafts = d.messages("Drafts").size();
            d.command("Drafts", "UID STORE 1:* +FLAGS.SILENT (\\Deleted)");
            d.command("Drafts", "EXPUNGE");
            // UID EXPUNGE: a copied message may carry \Deleted from the source and must stay
            d.command("Sent", "UID STORE 1:2 +FLAGS.SILENT (\\Deleted)");
            d.command("Sent", "UID EXPUNGE 1:2");
            assertEquals(0, d.messages("Drafts").size());
            return drafts + 2;
        }
    }

    @Test
    void messagesExpungedOnTheDestinationAreCopiedAgain(@TempDir Path state) throws Exception {
        List<TestCorpus.Mail> mails = Corpus.load(dovecot, "gone-src", 5);
        Pair pair = new Pair(dovecot, "gone-src", dovecot, "gone-dst", state);
        assertEquals(Outcome.COMPLETED, pair.run().outcome());
        int expunged = expungeOnDestination("gone-dst");
        assertTrue(expunged >= 4, "the test removed something: " + expunged);

        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        MigrationReport again = pair.run(Pair.fast(), new MigrationListener() {
            @Override
            public void info(String message) {
                log.add(message);
            }
        });
        assertEquals(Outcome.COMPLETED, again.outcome(), again.failure());
        assertEquals(expunged, again.copied(), "exactly the expunged messages are copied again: " + log);
        assertEquals(mails.size() - expunged, again.alreadyPresent());
        Verify.sameMail(dovecot, "gone-src", dovecot, "gone-dst", Map.of());

        MigrationReport third = pair.run();
        assertEquals(0, third.copied());
        assertEquals(mails.size(), third.alreadyPresent());
    }

    /**
     * Found by the fault suite: a pass that forgot the expunged copies and was stopped before copying them again must
     * not leave the next pass trusting its CONDSTORE "changed since" listing, which does not show them.
     */
    @Test
    void aPassInterruptedWhileCopyingThemAgainIsFinishedByTheNext(@TempDir Path state) throws Exception {
        List<TestCorpus.Mail> mails = Corpus.load(dovecot, "gonek-src", 5);
        Pair pair = new Pair(dovecot, "gonek-src", dovecot, "gonek-dst", state);
        assertEquals(Outcome.COMPLETED, pair.run().outcome());
        int expunged = expungeOnDestination("gonek-dst");
        // a pass stopped right after it noticed the missing copies, before copying them again
        MigrationEngine[] engine = new MigrationEngine[1];
        MigrationListener stopAfterCheck = new MigrationListener() {
            @Override
            public void info(String message) {
                if (message.startsWith("Drafts: ") && message.contains("no longer on the destination")) {
                    engine[0].cancel();
                }
            }
        };
        try (StateStore store = StateStore.openEmbedded(state, "pair")) {
            engine[0] = new MigrationEngine(
                    Pair.factory(Pair.account(dovecot, "gonek-src", "plain", Map.of()), Role.SOURCE, Dovecot.PASSWORD),
                    Pair.factory(Pair.account(dovecot, "gonek-dst", "plain", Map.of()), Role.DESTINATION, Dovecot.PASSWORD),
                    store, Pair.fast().withParallelism(1), stopAfterCheck);
            MigrationReport cut = engine[0].run();
            assertEquals(Outcome.INTERRUPTED, cut.outcome(), cut.failure());
        }
        MigrationReport resumed = pair.run();
        assertEquals(Outcome.COMPLETED, resumed.outcome(), resumed.failure());
        Verify.sameMail(dovecot, "gonek-src", dovecot, "gonek-dst", Map.of());
        assertEquals(mails.size(), pair.run().alreadyPresent());
        assertTrue(expunged > 2);
    }

    @Test
    void theMirrorOptionCopiesExpungedMessagesAgainToo(@TempDir Path state) throws Exception {
        List<TestCorpus.Mail> mails = Corpus.load(dovecot, "gonem-src", 5);
        Pair pair = new Pair(dovecot, "gonem-src", dovecot, "gonem-dst", state);
        var mirror = Pair.fast().withMirror(true);
        assertEquals(Outcome.COMPLETED, pair.run(mirror, MigrationListener.NONE).outcome());
        int expunged = expungeOnDestination("gonem-dst");

        MigrationReport again = pair.run(mirror, MigrationListener.NONE);
        assertEquals(Outcome.COMPLETED, again.outcome(), again.failure());
        assertEquals(expunged, again.copied());
        assertEquals(0, again.removed());
        assertEquals(mails.size() - expunged, again.alreadyPresent());
        Verify.sameMail(dovecot, "gonem-src", dovecot, "gonem-dst", Map.of());
    }
}
