package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.engine.SessionFactory;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.SharedDovecot;

/**
 * A source that changes or breaks during a run: a message expunged between listing and fetching is proven
 * gone (not guessed, not a crash), and a link that drops every few MB still copies everything, big messages
 * resuming where they were cut.
 */
@ExtendWith(SharedDovecot.class)
class UnreliableSourceTest {
    /** The run's shared Dovecot ({@link SharedDovecot}): this class's tests use accounts of their own on it. */
    private static Dovecot dovecot;

    @BeforeAll
    static void start(Dovecot shared) throws Exception {
        dovecot = shared;
    }

    @Test
    void detailsOfAMessageExpungedAfterListingAreLeftOutWithoutACrash() throws Exception {
        load("exp-details", 6, 2_000);
        try (ConnectorSession session = new ImapConnector().open(Pair.account(dovecot, "exp-details", "plain", Map.of()),
                Role.SOURCE, ConnectContext.of(Secret.of(Dovecot.PASSWORD)));
                Mailbox box = session.capability(MailStore.class).orElseThrow().open("INBOX", false)) {
            List<String> uids = box.list(null).stream().map(MessageInfo::id).toList();
            try (ImapProbe other = ImapProbe.login(dovecot, "exp-details")) {
                other.command("INBOX", "UID STORE 2,5 +FLAGS.SILENT (\\Deleted)");
                other.command("INBOX", "UID EXPUNGE 2,5");
            }
            List<MessageInfo> details = box.details(uids);
            assertEquals(List.of("1", "3", "4", "6"), details.stream().map(MessageInfo::id).sorted().toList());
            assertTrue(details.stream().allMatch(m -> m.fingerprint() != null && m.size() > 0), details.toString());
        }
    }

    @Test
    void aMessageExpungedBeforeItsBodyIsFetchedIsProvenGoneNotSkipped(@TempDir Path state) throws Exception {
        load("exp-src", 20, 3_000);
        List<String> log = new CopyOnWriteArrayList<>();
        AtomicBoolean expunged = new AtomicBoolean();
        MigrationListener listener = new MigrationListener() {
            @Override
            public void checkpoint(String step, String folder) {
                if (step.equals("journal-written") && expunged.compareAndSet(false, true)) {
                    try (ImapProbe other = ImapProbe.login(dovecot, "exp-src")) { // after listing, before fetching
                        other.command("INBOX", "UID STORE 3 +FLAGS.SILENT (\\Deleted)");
                        other.command("INBOX", "UID EXPUNGE 3");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }

            @Override
            public void info(String message) {
                log.add(message);
            }
        };
        MigrationReport report = run("exp-src", "exp-dst", dovecot.imapPort(), state, listener);
        assertEquals(Outcome.COMPLETED, report.outcome(), report.failure() + " " + report.skipped());
        assertEquals(19, report.copied());
        assertTrue(log.stream().anyMatch(l -> l.contains("message 3 of INBOX was expunged on the source during the run "
                + "(checked)")), log.toString());
        Verify.sameMail(dovecot, "exp-src", dovecot, "exp-dst", Map.of());
        assertEquals(0, run("exp-src", "exp-dst", dovecot.imapPort(), state, MigrationListener.NONE).copied());
    }

    @Test
    void aLinkThatDropsEveryFewMegabytesStillCopiesEverything(@TempDir Path state) throws Exception {
        load("drop-src", 60, 200_000); // 12 MB in groups of 4 MiB: drops while small messages are fetched
        try (ImapProbe probe = ImapProbe.login(dovecot, "drop-src")) {
            probe.append("INBOX", body(99, 12_000_000), Set.of("\\Seen"), Instant.parse("2024-05-01T10:00:00Z"));
        }
        try (CuttingRelay relay = new CuttingRelay(dovecot.imapPort(), 5_000_000)) {
            long start = System.nanoTime();
            List<String> log = new CopyOnWriteArrayList<>();
            MigrationReport report = run("drop-src", "drop-dst", relay.port(), state, new MigrationListener() {
                @Override
                public void info(String message) {
                    log.add(message);
                }
            });
            System.out.printf("UnreliableSourceTest: 61 messages, 24 MB through a link cut every 5 MB: %d cuts, %.1f s%n",
                    relay.cuts(), (System.nanoTime() - start) / 1e9);
            assertEquals(Outcome.COMPLETED, report.outcome(), report.failure());
            assertEquals(61, report.copied());
            assertTrue(relay.cuts() >= 4, "cuts: " + relay.cuts());
            assertTrue(log.stream().anyMatch(l -> l.contains("connection lost")), log.toString());
            assertTrue(log.stream().noneMatch(l -> l.contains("Exception")), "words for a person: " + log);
        }
        Verify.sameMail(dovecot, "drop-src", dovecot, "drop-dst", Map.of());
    }

    @Test
    void aLinkThatDropsMoreOftenThanAChunkStillCopiesABigMessage(@TempDir Path state) throws Exception {
        try (ImapProbe probe = ImapProbe.login(dovecot, "chunk-src")) {
            probe.append("INBOX", body(98, 3_000_000), Set.of(), Instant.parse("2024-05-01T10:00:00Z"));
        }
        try (CuttingRelay relay = new CuttingRelay(dovecot.imapPort(), 700_000)) { // less than the 1 MiB chunk
            MigrationReport report = run("chunk-src", "chunk-dst", relay.port(), state, MigrationListener.NONE);
            assertEquals(Outcome.COMPLETED, report.outcome(), report.failure());
            assertEquals(1, report.copied());
            assertTrue(relay.cuts() >= 4, "cuts: " + relay.cuts());
        }
        Verify.sameMail(dovecot, "chunk-src", dovecot, "chunk-dst", Map.of());
    }

    /** Two attempts per folder, as the shortest setting: only progress lets a run go on past them. */
    private static MigrationReport run(String src, String dst, int srcPort, Path state, MigrationListener listener)
            throws Exception {
        SessionFactory source = Pair.factory(Pair.account(dovecot, src, "plain", Map.of("port", String.valueOf(srcPort))),
                Role.SOURCE, Dovecot.PASSWORD);
        SessionFactory destination = Pair.factory(Pair.account(dovecot, dst, "plain", Map.of()), Role.DESTINATION,
                Dovecot.PASSWORD);
        try (StateStore store = StateStore.openEmbedded(state, "pair")) {
            return new MigrationEngine(source, destination, store, Pair.fast(), listener).run();
        }
    }

    private static void load(String user, int count, int size) throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            bodies.add(body(i, size));
        }
        try (ImapProbe probe = ImapProbe.login(dovecot, user)) {
            for (byte[] b : bodies) {
                probe.append("INBOX", b, Set.of(), Instant.parse("2024-01-01T10:00:00Z"));
            }
        }
    }

    private static byte[] body(int n, int size) {
        StringBuilder sb = new StringBuilder("From: a@example.org\r\nSubject: message " + n + "\r\nMessage-ID: <u" + n
                + "@example.org>\r\n\r\n");
        Random random = new Random(n);
        byte[] line = new byte[57];
        while (sb.length() < size) {
            random.nextBytes(line);
            sb.append(Base64.getEncoder().encodeToString(line)).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
