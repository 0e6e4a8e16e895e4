package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailmigrator.core.engine.AlteredItem;
import org.mailmigrator.core.engine.FolderPlan;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.engine.RunInterrupted;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.ImapServer;

/**
 * The engine scenarios against every server of {@link MatrixServers}, each as destination (from Dovecot) and as
 * source (to Dovecot): full copy verified byte-exact per planned folder pair (messages the destination rewrote
 * must be exactly those the report names as altered), a second run copies nothing, a flag change and a new
 * message propagate, a run interrupted after its second APPEND resumes with nothing lost or duplicated, and a
 * run with a lost state recognises every copy (none duplicated). One server of each kind for the whole class.
 */
class ScenarioMatrixTest {
    private static final Map<String, ImapServer> SERVERS = new ConcurrentHashMap<>();
    private static Dovecot dovecot;

    @BeforeAll
    static void startDovecot() throws Exception {
        dovecot = Dovecot.start(Dovecot.Layout.SLASH);
    }

    @AfterAll
    static void stopAll() {
        SERVERS.values().forEach(ImapServer::close);
        SERVERS.clear();
        dovecot.close();
    }

    static Stream<Arguments> pairs() {
        return MatrixServers.ALL.stream().flatMap(k -> Stream.of(Arguments.of(k, "destination"), Arguments.of(k, "source")));
    }

    private static ImapServer server(MatrixServers.Kind kind, String role) throws Exception {
        String key = kind.onePerRole() ? kind.name() + "/" + role : kind.name();
        ImapServer s = SERVERS.get(key);
        if (s == null) {
            s = kind.starter().start(MatrixServers.USERS);
            SERVERS.put(key, s);
        }
        return s;
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("pairs")
    void scenarios(MatrixServers.Kind kind, String role, @TempDir Path state) throws Exception {
        boolean asDestination = role.equals("destination");
        ImapServer other = server(kind, role);
        MatrixPair pair = asDestination
                ? new MatrixPair(dovecot, "to-" + kind.name(), other, "xdst", state)
                : new MatrixPair(other, "xsrc", dovecot, "from-" + kind.name(), state);
        List<MatrixCorpus.Mail> mails = MatrixCorpus.load(pair.source(), pair.sourceUser());
        List<AlteredItem> altered = new ArrayList<>();

        MigrationReport first = pair.run();
        assertEquals(Outcome.COMPLETED, first.outcome(), first.failure() + " " + first.skipped() + "\n" + other.log());
        assertEquals(mails.size(), first.copied(), first.plan().toString());
        altered.addAll(first.altered());
        pair.verify(first.plan(), altered);
        try (ImapProbe src = ImapProbe.login(pair.source(), pair.sourceUser())) {
            // Cyrus does not list a parent that was never created; the others show it as \Noselect
            boolean listed = src.folders().values().stream().anyMatch(a -> a.startsWith("noselect"));
            assertEquals(listed, first.plan().stream().anyMatch(p -> !p.selectable()), "\\Noselect parent: " + first.plan());
        }

        MigrationReport second = pair.run();
        assertEquals(Outcome.COMPLETED, second.outcome(), second.failure());
        assertEquals(0, second.copied(), "the second run copies nothing");
        assertEquals(0, second.flagsUpdated());

        try (ImapProbe src = ImapProbe.login(pair.source(), pair.sourceUser())) {
            src.command("INBOX", "UID STORE 1:2 +FLAGS (\\Answered $Label2)");
            src.append("INBOX", MatrixCorpus.text(101, "INBOX", true), java.util.Set.of("\\Seen"),
                    java.time.Instant.parse("2025-02-03T04:05:06Z"));
        }
        MigrationReport third = pair.run();
        assertEquals(Outcome.COMPLETED, third.outcome(), third.failure());
        assertEquals(1, third.copied(), "the new message");
        assertTrue(third.flagsUpdated() >= 2, "flags updated: " + third.flagsUpdated());
        pair.verify(third.plan(), altered);

        try (ImapProbe src = ImapProbe.login(pair.source(), pair.sourceUser())) {
            for (int i = 0; i < 4; i++) {
                src.append("INBOX", i == 1 ? MatrixCorpus.eightBit() : MatrixCorpus.text(110 + i, "INBOX", i != 2),
                        java.util.Set.of(), java.time.Instant.parse("2025-03-01T00:00:00Z").plusSeconds(i));
            }
        }
        AtomicInteger appended = new AtomicInteger();
        MigrationReport stopped = pair.run(Pair.fast().withParallelism(1), new MigrationListener() {
            @Override
            public void checkpoint(String step, String folder) {
                if (step.equals("appended") && appended.incrementAndGet() == 2) {
                    throw new RunInterrupted("the test stops the run after its second APPEND");
                }
            }
        });
        assertEquals(Outcome.INTERRUPTED, stopped.outcome(), stopped.failure());
        altered.addAll(stopped.altered());
        MigrationReport resumed = pair.run();
        assertEquals(Outcome.COMPLETED, resumed.outcome(), resumed.failure());
        altered.addAll(resumed.altered());
        // whatever the stopped run appended (one MULTIAPPEND may have carried all 4) is found, the rest copied
        assertEquals(mails.size() + 5, resumed.copied() + resumed.alreadyPresent(), "copied " + resumed.copied()
                + ", present " + resumed.alreadyPresent());
        pair.verify(resumed.plan(), altered);

        MatrixPair lost = pair.withState(state.resolve("lost"));
        MigrationReport recovered = lost.run();
        assertEquals(Outcome.COMPLETED, recovered.outcome(), recovered.failure());
        assertEquals(0, recovered.copied(), "with the state lost every copy is recognised: " + recovered.altered());
        pair.verify(recovered.plan(), altered);
        if (asDestination && kind.name().startsWith("cyrus")) {
            assertFalse(altered.isEmpty(), "Cyrus rewrites 8-bit headers: the report names those messages");
        }
        if (asDestination && kind.name().equals("courier")) {
            FolderPlan photos = first.plan().stream().filter(p -> p.source().equals("Photos 📷")).findFirst().orElseThrow();
            assertFalse(photos.destination().codePoints().anyMatch(Character::isSupplementaryCodePoint), photos.toString());
            assertTrue(photos.reason().contains("Basic Multilingual Plane"), photos.reason());
            assertTrue(LegacyList.lists(other, "xdst"), "a client without UTF-8 can still LIST the folders");
        }
    }
}
