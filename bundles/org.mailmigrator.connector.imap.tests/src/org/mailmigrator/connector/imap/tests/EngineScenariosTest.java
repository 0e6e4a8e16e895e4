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
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.SharedDovecot;

/**
 * The engine against a real Dovecot, verified message by message: per folder the multiset of exact bytes,
 * flags and INTERNALDATE must be the source's.
 */
@ExtendWith(SharedDovecot.class)
class EngineScenariosTest {
    /** The run's shared Dovecot ({@link SharedDovecot}): this class's tests use accounts of their own on it. */
    private static Dovecot dovecot;

    @BeforeAll
    static void start(Dovecot shared) throws Exception {
        dovecot = shared;
    }

    @Test
    void fullCopyIsExactAndASecondRunCopiesNothing(@TempDir Path state) throws Exception {
        List<TestCorpus.Mail> mails = Corpus.load(dovecot, "full-src", 9);
        Pair pair = new Pair(dovecot, "full-src", dovecot, "full-dst", state);
        MigrationReport first = pair.run();
        assertEquals(Outcome.COMPLETED, first.outcome(), first.failure());
        assertEquals(mails.size(), first.copied());
        Verify.sameMail(dovecot, "full-src", dovecot, "full-dst", Map.of());
        Verify.sameFolders(dovecot, "full-src", dovecot, "full-dst");

        MigrationReport second = pair.run();
        assertEquals(Outcome.COMPLETED, second.outcome(), second.failure());
        assertEquals(0, second.copied());
        assertEquals(0, second.flagsUpdated());
        assertEquals(mails.size(), second.alreadyPresent());
        Verify.sameMail(dovecot, "full-src", dovecot, "full-dst", Map.of());
    }

    @Test
    void flagChangesAndNewMessagesPropagate(@TempDir Path state) throws Exception {
        Corpus.load(dovecot, "flags-src", 4);
        Pair pair = new Pair(dovecot, "flags-src", dovecot, "flags-dst", state);
        assertEquals(Outcome.COMPLETED, pair.run().outcome());
        try (ImapProbe src = ImapProbe.login(dovecot, "flags-src")) {
            src.command("INBOX", "UID STORE 1:3 +FLAGS (\\Seen $Important)");
            src.command("INBOX", "UID STORE 4 -FLAGS (\\Seen \\Answered $Forwarded)");
            src.command("Work/Projects", "UID STORE 1:* +FLAGS (\\Flagged)");
            src.append("INBOX", "Subject: new after first run\r\n\r\nhi\r\n".getBytes(), java.util.Set.of("Later"),
                    java.time.Instant.parse("2025-01-02T03:04:05Z"));
            src.append("Drafts", "Subject: another\r\n\r\nhi\r\n".getBytes(), java.util.Set.of(),
                    java.time.Instant.parse("2025-01-02T03:04:06Z"));
        }
        MigrationReport second = pair.run();
        assertEquals(Outcome.COMPLETED, second.outcome(), second.failure());
        assertEquals(2, second.copied());
        assertTrue(second.flagsUpdated() >= 5, "flags updated: " + second.flagsUpdated());
        Verify.sameMail(dovecot, "flags-src", dovecot, "flags-dst", Map.of());
        MigrationReport third = pair.run();
        assertEquals(0, third.copied());
        assertEquals(0, third.flagsUpdated());
    }

    @Test
    void uidValidityResetOnTheDestinationRebuildsTheMapWithoutDuplicates(@TempDir Path state) throws Exception {
        Corpus.load(dovecot, "uv-src", 3);
        Pair pair = new Pair(dovecot, "uv-src", dovecot, "uv-dst", state);
        assertEquals(Outcome.COMPLETED, pair.run().outcome());
        dovecot.doveadm("mailbox", "update", "--uid-validity", "12345", "-u", "uv-dst", "INBOX");
        dovecot.doveadm("mailbox", "update", "--uid-validity", "12346", "-u", "uv-dst", "Sent");
        try (ImapProbe src = ImapProbe.login(dovecot, "uv-src")) {
            src.append("INBOX", "Subject: after reset\r\n\r\nhi\r\n".getBytes(), java.util.Set.of("\\Seen"),
                    java.time.Instant.parse("2025-05-05T05:05:05Z"));
            src.command("Sent", "UID STORE 1 +FLAGS (\\Flagged)");
        }
        MigrationReport again = pair.run();
        assertEquals(Outcome.COMPLETED, again.outcome(), again.failure());
        assertEquals(1, again.copied(), "only the new message is copied");
        Verify.sameMail(dovecot, "uv-src", dovecot, "uv-dst", Map.of());
    }

    @Test
    void anOverSizeMessageIsSkippedAndReportedAndTheRunGoesOn(@TempDir Path state) throws Exception {
        try (Dovecot small = Dovecot.start(Dovecot.Layout.SLASH, 1_000_000)) {
            List<TestCorpus.Mail> mails = Corpus.load(dovecot, "big-src", 2);
            Pair pair = new Pair(dovecot, "big-src", small, "big-dst", state);
            MigrationReport report = pair.run();
            assertEquals(Outcome.ITEMS_SKIPPED, report.outcome(), report.failure());
            assertEquals(1, report.skipped().size(), report.skipped().toString());
            var skipped = report.skipped().get(0);
            assertEquals("INBOX", skipped.folder());
            assertEquals("big attachment", skipped.subject());
            assertTrue(skipped.size() > 3_000_000, skipped.toString());
            assertTrue(skipped.reason().contains("LIMIT") || skipped.reason().contains("size"), skipped.reason());
            assertEquals(mails.size() - 1, report.copied());
            Verify.sameMailExcept(dovecot, "big-src", small, "big-dst", "INBOX", 1);
            MigrationReport again = pair.run();
            assertEquals(Outcome.ITEMS_SKIPPED, again.outcome());
            assertEquals(0, again.copied());
            assertEquals(1, again.skipped().size());
        }
    }

    @Test
    void messagesRefusedInsideAMultiAppendGroupAreSkippedAndTheRestOfTheGroupIsCopied(@TempDir Path state)
            throws Exception {
        int limit = 2500;
        try (Dovecot small = Dovecot.start(Dovecot.Layout.SLASH, limit)) {
            List<TestCorpus.Mail> mails = Corpus.load(dovecot, "group-src", 8);
            MigrationReport report = new Pair(dovecot, "group-src", small, "group-dst", state).run();
            long tooBig = mails.stream().filter(m -> m.bytes().length > limit).count();
            assertTrue(tooBig > 5 && tooBig < mails.size() - 5, "the corpus mixes sizes around the limit: " + tooBig);
            assertEquals(Outcome.ITEMS_SKIPPED, report.outcome(), report.failure());
            assertEquals(tooBig, report.skipped().size());
            assertEquals(mails.size() - tooBig, report.copied());
            assertTrue(report.skipped().stream().allMatch(s -> s.size() > limit && s.subject() != null), report.skipped().toString());
            java.util.Map<String, List<String>> expected = new java.util.TreeMap<>();
            for (TestCorpus.Mail m : mails) {
                if (m.bytes().length <= limit) {
                    expected.computeIfAbsent(m.folder(), k -> new java.util.ArrayList<>()).add(Verify.line(m));
                }
            }
            try (ImapProbe d = ImapProbe.login(small, "group-dst")) {
                for (var e : expected.entrySet()) {
                    e.getValue().sort(null);
                    assertEquals(e.getValue(), d.messages(e.getKey()), e.getKey());
                }
            }
        }
    }

    @Test
    void deletionsOnTheSourceStayOnTheDestinationUnlessMirrored(@TempDir Path state) throws Exception {
        Corpus.load(dovecot, "mirror-src", 3);
        Pair pair = new Pair(dovecot, "mirror-src", dovecot, "mirror-dst", state);
        assertEquals(Outcome.COMPLETED, pair.run().outcome());
        try (ImapProbe src = ImapProbe.login(dovecot, "mirror-src")) {
            src.command("Sent", "UID STORE 1:2 +FLAGS (\\Deleted)");
            src.command("Sent", "UID EXPUNGE 1:2");
        }
        MigrationReport kept = pair.run();
        assertEquals(Outcome.COMPLETED, kept.outcome(), kept.failure());
        assertEquals(0, kept.removed());
        try (ImapProbe s = ImapProbe.login(dovecot, "mirror-src"); ImapProbe d = ImapProbe.login(dovecot, "mirror-dst")) {
            assertEquals(s.messages("Sent").size() + 2, d.messages("Sent").size());
        }
        MigrationReport mirrored = pair.run(Pair.fast().withMirror(true), org.mailmigrator.core.engine.MigrationListener.NONE);
        assertEquals(Outcome.COMPLETED, mirrored.outcome(), mirrored.failure());
        assertEquals(2, mirrored.removed());
        Verify.sameMail(dovecot, "mirror-src", dovecot, "mirror-dst", Map.of());
    }

    @Test
    void uidValidityResetOnTheSourceRebuildsTheMapWithoutDuplicates(@TempDir Path state) throws Exception {
        List<TestCorpus.Mail> mails = Corpus.load(dovecot, "suv-src", 3);
        Pair pair = new Pair(dovecot, "suv-src", dovecot, "suv-dst", state);
        assertEquals(Outcome.COMPLETED, pair.run().outcome());
        dovecot.doveadm("mailbox", "update", "--uid-validity", "777", "-u", "suv-src", "INBOX");
        try (ImapProbe src = ImapProbe.login(dovecot, "suv-src")) {
            src.command("INBOX", "UID STORE 1:* +FLAGS (Rebuilt)");
        }
        MigrationReport again = pair.run();
        assertEquals(Outcome.COMPLETED, again.outcome(), again.failure());
        assertEquals(0, again.copied(), "every message was matched by fingerprint, none copied twice");
        assertEquals(mails.size(), again.alreadyPresent());
        Verify.sameMail(dovecot, "suv-src", dovecot, "suv-dst", Map.of());
    }
}
