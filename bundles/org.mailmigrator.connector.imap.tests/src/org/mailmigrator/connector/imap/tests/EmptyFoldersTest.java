package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.testing.Cyrus;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.ImapServer;
import org.mailmigrator.testing.Relay;
import org.mailmigrator.testing.SharedDovecot;

/**
 * A first pass settles the folders the source holds no message in from one STATUS burst a side, without opening them:
 * of 8 folders, 3 holding mail, only those 3 are selected on the source (SELECT and EXAMINE counted by a relay); over
 * a 40 ms link each empty folder opened cost six round trips and more. A message delivered afterwards to one of the
 * empty folders is copied by the next pass (the position recorded with the STATUS answer is below it). Sources: Dovecot
 * and Cyrus IMAP; the destination the shared Dovecot; every folder's messages compared at the end.
 */
@ExtendWith(SharedDovecot.class)
class EmptyFoldersTest {
    private static final List<String> WITH_MAIL = List.of("INBOX", "Sent", "Archive");
    private static final List<String> EMPTY = List.of("Junk", "Drafts", "Trash", "Archive/2019", "Projects");

    @Test
    void fromDovecot(Dovecot dovecot, @TempDir Path dir) throws Exception {
        check(dovecot, "ef-src", dovecot, "ef-dst", dir);
    }

    @Test
    void fromCyrus(Dovecot dovecot, @TempDir Path dir) throws Exception {
        try (Cyrus cyrus = Cyrus.start(Cyrus.Layout.SLASH, List.of("ef-cyrus"))) {
            check(cyrus, "ef-cyrus", dovecot, "ef-cyrus-dst", dir);
        }
    }

    private static void check(ImapServer source, String srcUser, Dovecot dst, String dstUser, Path dir) throws Exception {
        try (ImapProbe p = ImapProbe.login(source, srcUser)) {
            int n = 0;
            for (String folder : concat(WITH_MAIL, EMPTY)) {
                if (!folder.equals("INBOX")) {
                    p.create(folder, true);
                }
            }
            for (String folder : WITH_MAIL) {
                for (int i = 0; i < 4; i++) {
                    n++;
                    p.append(folder, MatrixCorpus.text(n, folder, true), Set.of(), Instant.parse("2024-05-06T07:08:09Z")
                            .plusSeconds(n));
                }
            }
        }
        AtomicInteger opened = new AtomicInteger();
        try (Relay relay = WatchedSource.relay(source.imapPort(), words -> {
            if (WatchedSource.opens(words)) {
                opened.incrementAndGet();
            }
        })) {
            Account from = WatchedSource.account(source.host(), relay.port(), srcUser);
            Account to = WatchedSource.account(Dovecot.HOST, dst.imapPort(), dstUser);
            MigrationReport first = WatchedSource.run(dir, from, to, source.password(), Pair.fast());
            assertEquals(Outcome.COMPLETED, first.outcome(), first.failure());
            assertEquals(12, first.copied());
            assertEquals(WITH_MAIL.size(), opened.get(), "source folders opened by a first pass (" + EMPTY.size()
                    + " of " + (WITH_MAIL.size() + EMPTY.size()) + " empty)");

            try (ImapProbe p = ImapProbe.login(source, srcUser)) {
                p.append("Junk", MatrixCorpus.text(99, "Junk", true), Set.of("\\Seen"), Instant.parse("2024-07-08T09:10:11Z"));
            }
            opened.set(0);
            MigrationReport next = WatchedSource.run(dir, from, to, source.password(), Pair.fast());
            assertEquals(Outcome.COMPLETED, next.outcome(), next.failure());
            assertEquals(1, next.copied(), "the message delivered to a folder settled empty");
            assertEquals(12, next.alreadyPresent());
            assertEquals(1, opened.get(), "only Junk was opened on the source by the second pass");
            try (ImapProbe s = ImapProbe.login(source, srcUser); ImapProbe d = ImapProbe.login(dst, dstUser)) {
                for (String folder : concat(WITH_MAIL, EMPTY)) {
                    assertEquals(s.messages(folder), d.messages(folder), folder);
                }
            }
        }
        if (source instanceof Dovecot d) {
            Verify.sameMail(d, srcUser, dst, dstUser, Map.of());
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
