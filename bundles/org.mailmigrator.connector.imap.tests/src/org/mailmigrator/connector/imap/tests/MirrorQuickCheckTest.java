package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.testing.Cyrus;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.ImapServer;
import org.mailmigrator.testing.Relay;
import org.mailmigrator.testing.SharedDovecot;

/**
 * The mirror option's second pass costs one STATUS per folder when nothing changed, as a plain pass does: the source's
 * folders are not opened. A removal on the source is still seen (the message count no longer matches the copies
 * recorded) and mirrored, and only that folder is opened and listed by what changed since the last pass, removals
 * included (QRESYNC's VANISHED), not whole. Sources: Dovecot and Cyrus IMAP; the destination the shared
 * Dovecot; the folders the engine opens on the source are counted by a relay (SELECT and EXAMINE commands).
 */
@ExtendWith(SharedDovecot.class)
class MirrorQuickCheckTest {
    private static final List<String> FOLDERS = List.of("INBOX", "Sent", "Archive");

    @Test
    void fromDovecot(Dovecot dovecot, @TempDir Path dir) throws Exception {
        check(dovecot, "mq-src", dovecot, "mq-dst", dir);
    }

    @Test
    void fromCyrus(Dovecot dovecot, @TempDir Path dir) throws Exception {
        try (Cyrus cyrus = Cyrus.start(Cyrus.Layout.SLASH, List.of("mq-cyrus"))) {
            check(cyrus, "mq-cyrus", dovecot, "mq-cyrus-dst", dir);
        }
    }

    private static void check(ImapServer source, String srcUser, Dovecot dst, String dstUser, Path dir) throws Exception {
        try (ImapProbe p = ImapProbe.login(source, srcUser)) {
            int n = 0;
            for (String folder : FOLDERS) {
                if (!folder.equals("INBOX")) {
                    p.create(folder, true);
                }
                for (int i = 0; i < 5; i++) {
                    n++;
                    p.append(folder, MatrixCorpus.text(n, folder, n % 4 != 0), n % 2 == 0 ? Set.of("\\Seen") : Set.of(),
                            Instant.parse("2024-05-06T07:08:09Z").plusSeconds(n));
                }
            }
        }
        AtomicInteger opened = new AtomicInteger();
        List<String> listings = new java.util.concurrent.CopyOnWriteArrayList<>(); // the source's UID FETCH 1:* commands
        try (Relay relay = WatchedSource.relay(source.imapPort(), words -> {
            if (WatchedSource.opens(words)) {
                opened.incrementAndGet();
            }
            if (words.length > 2 && words[1].equals("UID") && words[2].startsWith("FETCH 1:* (UID FLAGS")) {
                listings.add(words[2]);
            }
        })) {
            Account from = WatchedSource.account(source.host(), relay.port(), srcUser);
            Account to = WatchedSource.account(Dovecot.HOST, dst.imapPort(), dstUser);
            MigrationSettings mirror = Pair.fast().withMirror(true);
            MigrationReport first = WatchedSource.run(dir, from, to, source.password(), mirror);
            assertEquals(Outcome.COMPLETED, first.outcome(), first.failure());
            assertEquals(15, first.copied());

            opened.set(0);
            MigrationReport again = WatchedSource.run(dir, from, to, source.password(), mirror);
            assertEquals(Outcome.COMPLETED, again.outcome(), again.failure());
            assertEquals(0, again.copied());
            assertEquals(0, again.removed());
            assertEquals(15, again.alreadyPresent());
            assertEquals(0, opened.get(), "source folders opened by a mirror pass with nothing to do");

            try (ImapProbe p = ImapProbe.login(source, srcUser)) {
                p.command("Sent", "UID STORE 2,4 +FLAGS (\\Deleted)");
                p.command("Sent", "UID EXPUNGE 2,4");
                p.command("Sent", "UID STORE 5 +FLAGS (\\Flagged)");
            }
            opened.set(0);
            listings.clear();
            MigrationReport mirrored = WatchedSource.run(dir, from, to, source.password(), mirror);
            assertEquals(Outcome.COMPLETED, mirrored.outcome(), mirrored.failure());
            assertEquals(2, mirrored.removed(), "the two messages removed on the source are removed from the copy");
            assertEquals(1, mirrored.flagsUpdated(), mirrored.toString());
            assertEquals(1, opened.get(), "only Sent, where a message count changed, was opened on the source");
            // QRESYNC: the changes and the removals since the last pass in one command, not the whole folder
            assertEquals(1, listings.size(), listings::toString);
            assertTrue(listings.get(0).matches("FETCH 1:\\* \\(UID FLAGS MODSEQ\\) \\(CHANGEDSINCE \\d+ VANISHED\\)"),
                    listings::toString);
            try (ImapProbe s = ImapProbe.login(source, srcUser); ImapProbe d = ImapProbe.login(dst, dstUser)) {
                for (String folder : FOLDERS) {
                    assertEquals(s.messages(folder), d.messages(folder), folder);
                }
            }
        }
    }
}
