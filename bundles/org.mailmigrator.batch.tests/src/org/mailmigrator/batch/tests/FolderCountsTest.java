package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.jobs.Completeness;
import org.mailmigrator.batch.jobs.ProgressTracker.Counted;
import org.mailmigrator.batch.jobs.SourceCount;
import org.mailmigrator.batch.preflight.Preflight;
import org.mailmigrator.batch.preflight.PreflightResult;
import org.mailmigrator.batch.report.PassLog.FolderCount;
import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.engine.SessionFactory;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.Relay;

/**
 * The folder counts a pass makes around its copy — before it, the total a batch row and {@code migrate} show from the
 * start ({@link SourceCount}); after a batch row's pass, the completeness check of both sides ({@link Completeness})
 * — are every folder's messages as the server has them, asked in one burst of STATUS commands a side, not one round
 * trip per folder: over a 40 ms link a no-op pass of 18 folders spent 0.8 s counting before its engine started. A
 * pre-flight ({@link Preflight}) counts the same way and lists each folder's sizes, not its messages' details.
 * Against Dovecot through a relay that counts the client's turns (a turn: the client speaks after the server did;
 * answers held 50 ms, as a network would, so that loopback does not answer a command before the burst is written).
 */
class FolderCountsTest {
    private static final int FOLDERS = 24;
    private static Dovecot dovecot;
    private static Map<String, Long> expected;
    private static long bytes;
    private static long largest;
    private final AtomicInteger turns = new AtomicInteger();

    @BeforeAll
    static void fill() throws Exception {
        dovecot = Dovecot.start(Dovecot.Layout.SLASH);
        expected = new LinkedHashMap<>();
        try (ConnectorSession s = session(dovecot.imapPort(), "count-src", Role.DESTINATION)) {
            MailStore store = s.capability(MailStore.class).orElseThrow();
            List<String> folders = new ArrayList<>(List.of("INBOX"));
            for (int i = 1; i < FOLDERS; i++) {
                folders.add("Folder " + i);
            }
            store.createAll(folders.subList(1, folders.size()));
            for (int i = 0; i < folders.size(); i++) {
                try (Mailbox box = store.open(folders.get(i), true)) {
                    for (int m = 0; m < i % 4; m++) {
                        byte[] mail = ("Subject: " + i + "." + m + "\r\nMessage-ID: <c" + i + "." + m + "@count>\r\n\r\n"
                                + "body\r\n".repeat(1 + i * m)).getBytes(StandardCharsets.US_ASCII);
                        box.append(Mailboxes.body(mail), Set.of(), Instant.parse("2024-01-02T03:04:05Z"));
                        bytes += mail.length;
                        largest = Math.max(largest, mail.length);
                    }
                }
                expected.put(folders.get(i), (long) (i % 4));
            }
        }
    }

    @AfterAll
    static void stop() {
        dovecot.close();
    }

    @Test
    void theCountBeforeAPassAsksEveryFolderInOneBurst(@TempDir Path dir) throws Exception {
        try (Relay relay = turnCounter()) {
            SessionFactory source = () -> session(relay.port(), "count-src", Role.SOURCE);
            SessionFactory destination = () -> session(dovecot.imapPort(), "count-dst", Role.DESTINATION);
            try (StateStore state = StateStore.openEmbedded(dir, "state")) {
                int before = turns.get();
                List<Counted> counted = SourceCount.count(source, destination, MigrationSettings.defaults(), state)
                        .orElseThrow();
                int took = turns.get() - before;
                Map<String, Long> got = new LinkedHashMap<>();
                counted.forEach(c -> got.put(c.folder(), c.messages()));
                assertEquals(expected, got);
                assertTrue(counted.stream().allMatch(c -> c.copiedBefore() == 0), counted::toString);
                // the plan's listing (login, NAMESPACE, LIST, LSUB, LOGOUT) and the count's session (login, the
                // STATUS burst, LOGOUT): at most 14 turns, where one STATUS per folder took 33
                assertTrue(took <= 14, "counting " + FOLDERS + " folders took " + took + " round trips on the source");
            }
        }
    }

    @Test
    void theCompletenessCheckAsksEachSideInOneBurst(@TempDir Path dir) throws Exception {
        try (Relay relay = turnCounter()) {
            // the same mailbox on both sides, so that both counts are known
            SessionFactory source = () -> session(relay.port(), "count-src", Role.SOURCE);
            SessionFactory destination = () -> session(relay.port(), "count-src", Role.DESTINATION);
            var plan = MigrationEngine.plan(source, destination, MigrationSettings.defaults());
            try (StateStore state = StateStore.openEmbedded(dir, "state")) {
                int before = turns.get();
                List<FolderCount> counts = Completeness.check(plan, source, destination, state).orElseThrow();
                int took = turns.get() - before;
                Map<String, Long> sources = new LinkedHashMap<>();
                counts.forEach(c -> sources.put(c.source(), c.sourceMessages()));
                assertEquals(expected, sources);
                assertTrue(counts.stream().allMatch(c -> c.destinationMessages() == c.sourceMessages()), counts::toString);
                // two sessions, each a login, the burst and a LOGOUT; one STATUS per folder: over 50
                assertTrue(took <= 10, "checking " + FOLDERS + " folders on both sides took " + took + " round trips");
            }
        }
    }

    @Test
    void thePreflightScanListsSizesWithoutDetails() throws Exception {
        try (Relay relay = turnCounter()) {
            SessionFactory source = () -> session(relay.port(), "count-src", Role.SOURCE);
            SessionFactory destination = () -> session(dovecot.imapPort(), "count-dst", Role.DESTINATION);
            int before = turns.get();
            PreflightResult r = Preflight.check("00001-count", source, destination);
            int took = turns.get() - before;
            assertEquals(List.of(), r.fixes());
            assertEquals(FOLDERS, r.folders());
            assertEquals(expected.values().stream().mapToLong(Long::longValue).sum(), r.messages());
            assertEquals(bytes, r.bytes());
            assertEquals(largest, r.largest());
            assertEquals("Folder 23", r.largestFolder());
            // login, LIST, one STATUS burst, then for each of the 18 folders that hold mail its EXAMINE and one
            // listing of sizes (and its close), LOGOUT: at most 64 turns, where a STATUS per folder, the sizes, a
            // flags listing and the details of every message took 121
            assertTrue(took <= 64, "the pre-flight of " + FOLDERS + " folders took " + took + " round trips");
        }
    }

    private Relay turnCounter() throws Exception {
        return Relay.countingTurns(dovecot.imapPort(), turns, 50);
    }

    private static ConnectorSession session(int port, String user, Role role) throws ConnectorException {
        Account a = new Account("imap", Map.of("host", Dovecot.HOST, "port", String.valueOf(port), "security", "plain",
                "login", user), new CredentialRef(user));
        return new ImapConnector().open(a, role, ConnectContext.of(Secret.of(Dovecot.PASSWORD)));
    }
}
