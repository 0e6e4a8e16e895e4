package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.engine.SkippedItem;
import org.mailmigrator.core.limits.DailyLimits;
import org.mailmigrator.core.limits.TransferBudget;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.DovecotOptions;

/**
 * Issue 14's "Gmail's limits" and issue 11's full destination, against Dovecot: provider throttling answers
 * injected by a relay ({@link LimitRelay}) pause the row and it resumes with nothing lost or duplicated; a daily
 * transfer budget that runs out mid-row stops it with "waiting for quota until HH:MM" and the next runs go on
 * when the (shortened) window opens; a destination with a quota stops sending at its first "full" answer, lists
 * the rest, and a run after space is made copies them.
 */
class ProviderLimitsTest {
    @AutoClose
    private static Dovecot dovecot;

    @BeforeAll
    static void start() throws Exception {
        dovecot = Dovecot.start(Dovecot.Layout.SLASH);
    }

    /** Every {@code every}-th command answered by the relay, in three spacings: the answers land on other commands. */
    @ParameterizedTest
    @ValueSource(ints = { 5, 9, 13 })
    void throttlingAnswersPauseTheRowWhichResumesWithNothingLostOrDuplicated(int every, @TempDir Path state)
            throws Exception {
        String src = "thr-src" + every;
        String dst = "thr-dst" + every;
        Corpus.load(dovecot, src, 12);
        List<String> log = new CopyOnWriteArrayList<>();
        MigrationReport report;
        long started = System.nanoTime();
        try (LimitRelay relay = new LimitRelay(dovecot.imapPort(),
                List.of("APPEND", "UID FETCH", "FETCH", "SELECT", "EXAMINE", "STATUS"), every, 8,
                List.of(LimitRelay.Answer.values()))) {
            report = run(relay.port(), relay.port(), src, dst, state, log, null);
            assertEquals(EnumSet.allOf(LimitRelay.Answer.class), EnumSet.copyOf(relay.said),
                    "every kind of answer was given: " + relay.said);
            assertEquals(8, relay.injected.get());
        }
        assertEquals(Outcome.COMPLETED, report.outcome(), report.failure() + "\n" + report.skipped() + "\n"
                + String.join("\n", log));
        assertEquals(List.of(), report.skipped());
        assertTrue(log.stream().anyMatch(l -> l.contains("asks to slow down (THROTTLED)")), String.join("\n", log));
        assertTrue(log.stream().anyMatch(l -> l.contains("session expired")), String.join("\n", log));
        assertTrue(log.stream().anyMatch(l -> l.contains("command or bandwidth limits")), String.join("\n", log));
        // Microsoft's suggested wait is honoured: never less than 1200 ms after that answer
        assertTrue(log.stream().filter(l -> l.contains("suggested wait 1200 ms"))
                .allMatch(l -> waited(l) >= 1200), String.join("\n", log));
        assertFalse(log.stream().anyMatch(l -> l.contains("connection lost")), "typed as throttling: " + log);
        Verify.sameMail(dovecot, src, dovecot, dst, Map.of());
        System.out.printf("throttling (every %d): %d answers injected, run %.1f s%n", every, 8, (System.nanoTime() - started) / 1e9);
    }

    @Test
    void aBudgetThatRunsOutMidRowWaitsForItsWindowAndResumes(@TempDir Path state) throws Exception {
        fill("bud-src", 30, 10_000);
        Duration window = Duration.ofSeconds(4);
        DailyLimits upload = new DailyLimits(0, 120_000, window);
        Path file = state.resolve(TransferBudget.FILE);
        int runs = 0;
        int waits = 0;
        long copied = 0;
        MigrationReport r;
        do {
            // a new budget object each run: the count is the file's, across runs
            TransferBudget budget = new TransferBudget(file, null, null, "bud-dst@127.0.0.1", upload, Clock.systemUTC());
            r = run(dovecot.imapPort(), dovecot.imapPort(), "bud-src", "bud-dst", state, new CopyOnWriteArrayList<>(), budget);
            runs++;
            copied += r.copied();
            if (r.outcome() == Outcome.WAITING_FOR_QUOTA) {
                waits++;
                assertTrue(Pattern.compile("^waiting for quota until \\d\\d:\\d\\d \\(daily transfer budget used up: "
                        + "bud-dst@127.0.0.1 uploads 0\\.12 MB per PT4S\\)$").matcher(r.failure()).matches(), r.failure());
                assertTrue(r.copied() <= 12, "at most 120 KB per window: " + r.copied());
                // at once again: still waiting, nothing copied
                if (waits == 1) {
                    MigrationReport again = run(dovecot.imapPort(), dovecot.imapPort(), "bud-src", "bud-dst", state,
                            new CopyOnWriteArrayList<>(), new TransferBudget(file, null, null, "bud-dst@127.0.0.1",
                                    upload, Clock.systemUTC()));
                    assertEquals(Outcome.WAITING_FOR_QUOTA, again.outcome(), again.failure());
                    assertEquals(0, again.copied());
                }
                Instant opens = budget.opensAt(10_000);
                Thread.sleep(Math.max(0, opens.toEpochMilli() - System.currentTimeMillis()) + 100);
            }
        } while (r.outcome() == Outcome.WAITING_FOR_QUOTA && runs < 8);
        assertEquals(Outcome.COMPLETED, r.outcome(), r.failure());
        assertTrue(waits >= 2, "the budget ran out mid-row at least twice: " + waits);
        assertEquals(30, copied, "each message copied once");
        assertTrue(Files.readString(file).contains("upload.bud-dst@127.0.0.1.bytes"), Files.readString(file));
        Verify.sameMail(dovecot, "bud-src", dovecot, "bud-dst", Map.of());
    }

    @Test
    void aFullDestinationStopsSendingListsTheRestAndARunAfterSpaceIsMadeCopiesThem(@TempDir Path state)
            throws Exception {
        fill("full-src", 30, 4_000);
        try (Dovecot full = Dovecot.start(DovecotOptions.of(Dovecot.Layout.SLASH).withQuotaKib(160));
                LimitRelay counting = new LimitRelay(full.imapPort(), List.of(), 1, 0, List.of())) {
            // someone else's mail takes 100 KB of the 160 KiB: room for about half of the source (120 KB)
            try (ImapProbe p = ImapProbe.login(full, "full-dst")) {
                p.create("Old", true);
                for (int i = 0; i < 10; i++) {
                    p.append("Old", message(1000 + i, 10_000), Set.of(), Instant.parse("2023-01-01T00:00:00Z"));
                }
            }
            List<String> log = new CopyOnWriteArrayList<>();
            MigrationReport first = run(dovecot.imapPort(), counting.port(), "full-src", "full-dst", state, log, null);
            assertEquals(Outcome.ITEMS_SKIPPED, first.outcome(), first.failure());
            assertTrue(first.copied() > 0 && first.copied() < 20, "copied " + first.copied());
            assertEquals(30, first.copied() + first.skipped().size(), "each message copied or listed");
            for (SkippedItem s : first.skipped()) {
                assertTrue(s.reason().contains("OVERQUOTA"), s.toString());
            }
            // stopped early: nothing sent after the first refusal (Dovecot has MULTIAPPEND: a refused group of 7
            // is sent again one by one up to the message that does not fit)
            assertTrue(counting.appendsPassed.get() <= first.copied() + 2, "APPENDs sent: " + counting.appendsPassed);
            assertEquals(first.skipped().size() - 1, first.skipped().stream()
                    .filter(s -> s.reason().endsWith("(not sent: the destination is full)")).count());
            // space is made: the old mail goes; the next run copies the rest
            full.doveadm("mailbox", "delete", "-u", "full-dst", "Old");
            MigrationReport second = run(dovecot.imapPort(), full.imapPort(), "full-src", "full-dst", state, log, null);
            assertEquals(Outcome.COMPLETED, second.outcome(), second.failure() + "\n" + second.skipped());
            assertEquals(30 - first.copied(), second.copied());
            Verify.sameMail(dovecot, "full-src", full, "full-dst", Map.of());
        }
    }

    private static long waited(String line) {
        var m = Pattern.compile("waiting (\\d+) ms").matcher(line);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static MigrationReport run(int srcPort, int dstPort, String src, String dst, Path state, List<String> log,
            TransferBudget budget) throws Exception {
        MigrationListener listener = new MigrationListener() {
            @Override
            public void info(String message) {
                log.add(message);
            }
        };
        try (StateStore store = StateStore.openEmbedded(state, "pair")) {
            MigrationEngine engine = new MigrationEngine(
                    Pair.factory(Pair.account(dovecot, src, "plain", Map.of("port", String.valueOf(srcPort))),
                            Role.SOURCE, Dovecot.PASSWORD),
                    Pair.factory(Pair.account(dovecot, dst, "plain", Map.of("port", String.valueOf(dstPort))),
                            Role.DESTINATION, Dovecot.PASSWORD),
                    store, Pair.fast(), listener);
            return engine.withBudget(budget).run();
        }
    }

    private static void fill(String user, int count, int size) throws Exception {
        try (ImapProbe p = ImapProbe.login(dovecot, user)) {
            for (int i = 1; i <= count; i++) {
                p.append("INBOX", message(i, size), Set.of(), Instant.parse("2024-03-01T10:00:00Z").plusSeconds(i));
            }
        }
    }

    private static byte[] message(int n, int size) {
        StringBuilder sb = new StringBuilder("From: a@example.org\r\nSubject: limits " + n + "\r\nMessage-ID: <lim" + n
                + "@example.org>\r\n\r\n");
        Random random = new Random(n);
        while (sb.length() < size) {
            sb.append(Long.toHexString(random.nextLong())).append(Long.toHexString(random.nextLong())).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
