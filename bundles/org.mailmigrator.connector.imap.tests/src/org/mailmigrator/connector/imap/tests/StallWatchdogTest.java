package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.engine.SessionFactory;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.SharedDovecot;

/**
 * The IMAP step watchdog (issue 11): a link that goes silent without closing, on the source side in the middle
 * of a download or on the destination side in the middle of an upload, ends that step after the stall limit
 * with a message that names the step and the folder; the step is retried and the run completes, or, when the
 * link stays dead, the run ends. Without the watchdog the first hangs for the 5 min read timeout and the
 * second for ever (a blocked write has no timeout).
 */
@ExtendWith(SharedDovecot.class)
class StallWatchdogTest {
    private static final Map<String, String> STALL_2S = Map.of("stallSeconds", "2");
    /** The run's shared Dovecot ({@link SharedDovecot}): this class's tests use accounts of their own on it. */
    private static Dovecot dovecot;

    @BeforeAll
    static void start(Dovecot shared) throws Exception {
        dovecot = shared;
        try (ImapProbe probe = ImapProbe.login(dovecot, "stall-src")) {
            probe.create("Archive", true);
            for (int i = 1; i <= 4; i++) {
                probe.append("Archive", TestCorpus.big(new java.util.Random(i), 1_500_000), Set.of("\\Seen"),
                        Instant.parse("2024-03-01T10:00:00Z").plusSeconds(i));
            }
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aSourceThatGoesSilentIsEndedRetriedAndTheRunCompletes(@TempDir Path state) throws Exception {
        try (StallingRelay relay = new StallingRelay(dovecot.imapPort(), StallingRelay.Direction.DOWN, 3_000, 1)) {
            List<String> log = new CopyOnWriteArrayList<>();
            long start = System.nanoTime();
            MigrationReport report = run(relay.port(), dovecot.imapPort(), "stall-down", state, log);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("StallWatchdogTest: source stalled %d time(s), run %s in %.1f s%n", relay.stalls(),
                    report.outcome(), seconds);
            assertEquals(1, relay.stalls());
            assertEquals(Outcome.COMPLETED, report.outcome(), report.failure() + "\n" + log);
            assertEquals(4, report.copied());
            assertTrue(log.stream().noneMatch(l -> l.contains("Exception")), "words for a person: " + log);
            assertTrue(seconds < 60, "ended after the limit, not after the server's idle timeout: " + seconds);
        }
        Verify.sameMail(dovecot, "stall-src", dovecot, "stall-down", Map.of());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aBigMessageWhoseDownloadGoesSilentIsFetchedAgainFromWhereItStopped(@TempDir Path state) throws Exception {
        try (StallingRelay relay = new StallingRelay(dovecot.imapPort(), StallingRelay.Direction.DOWN, 2_000_000, 1)) {
            long start = System.nanoTime();
            List<String> log = new CopyOnWriteArrayList<>();
            MigrationReport report = run(relay.port(), dovecot.imapPort(), "stall-big", state, log);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(1, relay.stalls());
            assertEquals(Outcome.COMPLETED, report.outcome(), report.failure());
            assertEquals(4, report.copied());
            // the admin sees in the log that a download was cut and resumed, not only a slower run
            assertTrue(log.stream().anyMatch(l -> l.contains("the download stopped at byte") && l.contains("stalled")
                    && l.contains("goes on from there")), "the resumed download is in the log: " + log);
            assertTrue(seconds < 60, "ended after the limit, not after the server's idle timeout: " + seconds);
        }
        Verify.sameMail(dovecot, "stall-src", dovecot, "stall-big", Map.of());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aDestinationThatStaysSilentMidUploadEndsTheRunWithTheStepNamed(@TempDir Path state) throws Exception {
        try (StallingRelay relay = new StallingRelay(dovecot.imapPort(), StallingRelay.Direction.UP, 600_000, 1000)) {
            List<String> log = new CopyOnWriteArrayList<>();
            long start = System.nanoTime();
            MigrationReport report = run(dovecot.imapPort(), relay.port(), "stall-up", state, log);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("StallWatchdogTest: destination stalled %d time(s), run %s in %.1f s: %s%n", relay.stalls(),
                    report.outcome(), seconds, report.failure());
            assertTrue(relay.stalls() >= 1, "stalls: " + relay.stalls());
            assertNotEquals(Outcome.COMPLETED, report.outcome());
            String all = report.failure() + "\n" + String.join("\n", log);
            assertTrue(all.contains("stalled, no data moved for 2 s") && all.contains("Archive"), all);
            assertTrue(!all.contains("Exception"), "words for a person: " + all);
            assertTrue(seconds < 90, "the run ends: " + seconds);
        }
    }

    private static MigrationReport run(int srcPort, int dstPort, String dst, Path state, List<String> log) throws Exception {
        SessionFactory source = Pair.factory(Pair.account(dovecot, "stall-src", "plain",
                Map.of("port", String.valueOf(srcPort), "stallSeconds", "2")), Role.SOURCE, Dovecot.PASSWORD);
        SessionFactory destination = Pair.factory(Pair.account(dovecot, dst, "plain",
                Map.of("port", String.valueOf(dstPort), "stallSeconds", STALL_2S.get("stallSeconds"))), Role.DESTINATION,
                Dovecot.PASSWORD);
        try (StateStore store = StateStore.openEmbedded(state, "pair")) {
            return new MigrationEngine(source, destination, store, Pair.fast(), new MigrationListener() {
                @Override
                public void info(String message) {
                    log.add(message);
                }
            }).run();
        }
    }
}
