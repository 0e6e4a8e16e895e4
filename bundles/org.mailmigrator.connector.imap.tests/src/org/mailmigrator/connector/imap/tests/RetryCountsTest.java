package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.core.engine.FolderProgress;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.engine.ProgressSnapshot;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.SharedDovecot;

/**
 * Issue 11 item 6, "Counts": after a folder is retried (the link dropped), the messages copied by the failed
 * attempt are "copied", not "already present" as well: copied + present is the folder's size, and the progress
 * ends at N of N, not above.
 */
@ExtendWith(SharedDovecot.class)
class RetryCountsTest {

    @Test
    void aRetriedFolderCountsEachMessageOnce(Dovecot dovecot, @TempDir Path state) throws Exception {
        try (ImapProbe probe = ImapProbe.login(dovecot, "count-src")) {
            for (int i = 1; i <= 40; i++) {
                probe.append("INBOX", body(i, 200_000), Set.of(), Instant.parse("2024-01-01T10:00:00Z"));
            }
        }
        AtomicReference<ProgressSnapshot> last = new AtomicReference<>();
        List<String> log = new CopyOnWriteArrayList<>();
        MigrationListener listener = new MigrationListener() {
            @Override
            public void progress(ProgressSnapshot snapshot) {
                last.set(snapshot);
            }

            @Override
            public void info(String message) {
                log.add(message);
            }
        };
        MigrationReport report;
        try (CuttingRelay relay = new CuttingRelay(dovecot.imapPort(), 5_000_000);
                StateStore store = StateStore.openEmbedded(state, "pair")) {
            report = new MigrationEngine(Pair.factory(Pair.account(dovecot, "count-src", "plain",
                    Map.of("port", String.valueOf(relay.port()))), Role.SOURCE, Dovecot.PASSWORD),
                    Pair.factory(Pair.account(dovecot, "count-dst", "plain", Map.of()), Role.DESTINATION,
                            Dovecot.PASSWORD), store, Pair.fast(), listener).run();
            assertTrue(relay.cuts() >= 1, "cuts: " + relay.cuts());
        }
        assertEquals(Outcome.COMPLETED, report.outcome(), report.failure());
        assertTrue(log.stream().anyMatch(l -> l.contains("attempt 2")), "the folder was retried: " + log);
        assertEquals(40, report.copied(), "copied");
        assertEquals(0, report.alreadyPresent(), "nothing was on the destination before this run");
        ProgressSnapshot p = last.get();
        assertEquals(40, p.messagesDone(), p.toString());
        assertEquals(40, p.messagesTotal(), p.toString());
        FolderProgress inbox = p.folders().stream().filter(f -> f.folder().equals("INBOX")).findFirst().orElseThrow();
        assertEquals(40, inbox.messagesDone(), inbox.toString());
        assertEquals(40, inbox.messagesTotal(), inbox.toString());
        Verify.sameMail(dovecot, "count-src", dovecot, "count-dst", Map.of());
    }

    private static byte[] body(int n, int size) {
        StringBuilder sb = new StringBuilder("From: a@example.org\r\nSubject: message " + n + "\r\nMessage-ID: <c" + n
                + "@example.org>\r\n\r\n");
        Random random = new Random(n);
        while (sb.length() < size) {
            sb.append(Long.toHexString(random.nextLong())).append(Long.toHexString(random.nextLong())).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
