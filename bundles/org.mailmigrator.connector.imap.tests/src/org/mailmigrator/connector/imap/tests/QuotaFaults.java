package org.mailmigrator.connector.imap.tests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.engine.SkippedItem;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.DovecotOptions;

/**
 * The quota and APPENDLIMIT part of the fault suite (issue 11): a destination Dovecot with a storage quota and an
 * announced APPENDLIMIT, mostly filled by someone else's mail; every connection through a {@link LimitRelay} that
 * answers now and then like a provider past its limits ({@code [THROTTLED]}, bandwidth {@code [OVERQUOTA]},
 * {@code BYE Session expired}, Microsoft's suggested backoff). Each cycle runs a pass, checks that every message
 * not copied is a listed skip for the full mailbox or the APPENDLIMIT (and that each message over the limit is
 * one), then frees some space; the last pass has room for everything. Then the destination is compared with the
 * source message by message: lost, duplicated and unexpected skips must be zero. {@code main} is the long form
 * ({@code benchmarks/faults/quota.sh}); {@link FaultSuiteTest} runs a short one.
 */
public final class QuotaFaults {
    static final long APPEND_LIMIT = 60_000;
    private final Random random;
    private final Path work;
    private final Map<String, Integer> totals = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    QuotaFaults(long seed, Path work) {
        this.random = new Random(seed);
        this.work = work;
        for (String k : List.of("quota cycles", "full stops", "limit answers", "over APPENDLIMIT listed",
                "lost", "duplicated", "unexpected skips")) {
            totals.put(k, 0);
        }
    }

    private void add(String key, int n) {
        totals.merge(key, n, Integer::sum);
    }

    List<String> notes() {
        return notes;
    }

    /** {@code messages} in two folders (a few over the APPENDLIMIT in a third), freed in {@code cycles} steps. */
    Map<String, Integer> run(int cycles, int messages) throws Exception {
        try (Dovecot src = Dovecot.start(Dovecot.Layout.SLASH)) {
            int big = Math.max(2, messages / 20);
            long sourceBytes = fill(src, messages, big);
            long quotaKib = sourceBytes / 1024 + 64;
            try (Dovecot dst = Dovecot.start(DovecotOptions.of(Dovecot.Layout.SLASH).withAppendLimit(APPEND_LIMIT)
                    .withQuotaKib(quotaKib));
                    LimitRelay relay = new LimitRelay(dst.imapPort(), List.of("APPEND", "UID FETCH", "SELECT", "STATUS"),
                            11 + random.nextInt(7), cycles * 2, List.of(LimitRelay.Answer.values()))) {
                // someone else's mail fills most of the quota; each cycle frees a part of it
                int perCycle = (int) Math.max(1, (sourceBytes / cycles + 39_999) / 40_000); // each under the limit
                int filler = cycles * perCycle;
                try (ImapProbe p = ImapProbe.login(dst, "q-dst")) {
                    p.create("Filler", true);
                    for (int i = 0; i < filler; i++) {
                        p.append("Filler", message(100_000 + i, (int) (sourceBytes / filler)), Set.of(),
                                Instant.parse("2022-01-01T00:00:00Z"));
                    }
                }
                Path state = work.resolve("quota-state");
                for (int cycle = 1; cycle <= cycles + 1; cycle++) {
                    add("quota cycles", 1);
                    MigrationReport r = pass(src, relay.port(), state);
                    check(r, big);
                    if (r.skipped().stream().anyMatch(s -> s.reason().contains("OVERQUOTA"))) {
                        add("full stops", 1);
                    }
                    if (cycle <= cycles) { // space is made: a part of the filler goes
                        dst.doveadm("expunge", "-u", "q-dst", "mailbox", "Filler", "uid",
                                (cycle - 1) * perCycle + 1 + ":" + cycle * perCycle);
                    }
                }
                add("limit answers", relay.injected.get());
                compare(src, dst);
                notes.add("quota: " + quotaKib + " KiB, filler " + filler + " messages, " + relay.injected.get()
                        + " limit answers injected (" + relay.said + ")");
            }
        }
        return totals;
    }

    private MigrationReport pass(Dovecot src, int dstPort, Path state) throws Exception {
        List<String> log = new ArrayList<>();
        try (StateStore store = StateStore.openEmbedded(state, "quota")) {
            return new MigrationEngine(
                    Pair.factory(Pair.account(src, "q-src", "plain", Map.of()), Role.SOURCE, Dovecot.PASSWORD),
                    Pair.factory(Pair.account(src, "q-dst", "plain", Map.of("port", String.valueOf(dstPort))),
                            Role.DESTINATION, Dovecot.PASSWORD),
                    store, Pair.fast(), new MigrationListener() {
                        @Override
                        public synchronized void info(String message) {
                            log.add(message);
                        }
                    }).run();
        }
    }

    /** Every message not copied is a listed skip for a full mailbox or the APPENDLIMIT; each big one is listed. */
    private void check(MigrationReport r, int big) {
        if (r.outcome() != Outcome.COMPLETED && r.outcome() != Outcome.ITEMS_SKIPPED) {
            add("unexpected skips", 1);
            notes.add("a pass ended " + r.outcome() + ": " + r.failure());
            return;
        }
        int overLimit = 0;
        for (SkippedItem s : r.skipped()) {
            if (s.reason().contains("APPENDLIMIT") && s.folder().equals("Big")) {
                overLimit++;
            } else if (!s.reason().contains("OVERQUOTA")) {
                add("unexpected skips", 1);
                notes.add("unexpected skip: " + s);
            }
        }
        if (overLimit != big) {
            add("unexpected skips", 1);
            notes.add(overLimit + " of the " + big + " messages over the APPENDLIMIT listed");
        }
        add("over APPENDLIMIT listed", overLimit);
    }

    /** Lost: source messages (under the limit) not on the destination; duplicated: destination messages too many. */
    private void compare(Dovecot src, Dovecot dst) throws Exception {
        Map<String, List<String>> expected;
        Map<String, List<String>> actual;
        try (ImapProbe s = ImapProbe.login(src, "q-src")) {
            expected = s.snapshot();
        }
        try (ImapProbe d = ImapProbe.login(dst, "q-dst")) {
            actual = d.snapshot();
        }
        expected.put("Big", List.of()); // over the APPENDLIMIT: listed, never copied
        actual.remove("Filler");
        for (var e : expected.entrySet()) {
            List<String> rest = new ArrayList<>(actual.getOrDefault(e.getKey(), List.of()));
            for (String line : e.getValue()) {
                if (!rest.remove(line)) {
                    add("lost", 1);
                }
            }
            add("duplicated", rest.size());
        }
    }

    private long fill(Dovecot d, int messages, int big) throws Exception {
        long bytes = 0;
        try (ImapProbe p = ImapProbe.login(d, "q-src")) {
            p.create("Archive", true);
            p.create("Big", true);
            for (int i = 0; i < messages; i++) {
                byte[] m = message(i, 2_000 + random.nextInt(20_000));
                bytes += m.length;
                p.append(i % 3 == 0 ? "Archive" : "INBOX", m, i % 4 == 0 ? Set.of("\\Seen") : Set.of(),
                        Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i * 60L));
            }
            for (int i = 0; i < big; i++) {
                p.append("Big", message(50_000 + i, (int) APPEND_LIMIT + 1_000 + random.nextInt(20_000)), Set.of(),
                        Instant.parse("2024-02-01T00:00:00Z").plusSeconds(i));
            }
        }
        return bytes;
    }

    private static byte[] message(int n, int size) {
        StringBuilder sb = new StringBuilder("From: q@example.org\r\nSubject: quota " + n + "\r\nMessage-ID: <q" + n
                + "@example.org>\r\n\r\n");
        Random r = new Random(n);
        while (sb.length() < size) {
            sb.append(Long.toHexString(r.nextLong())).append(Long.toHexString(r.nextLong())).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static String print(Map<String, Integer> t) {
        StringBuilder sb = new StringBuilder();
        t.forEach((k, v) -> sb.append(String.format("%-24s %d%n", k, v)));
        return sb.toString();
    }

    static boolean passed(Map<String, Integer> t) {
        return t.get("lost") == 0 && t.get("duplicated") == 0 && t.get("unexpected skips") == 0;
    }

    /** The long form: {@code [CYCLES [MESSAGES [SEED [WORKDIR]]]]}, default 12 600 11. */
    public static void main(String[] args) throws Exception {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 600;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 11;
        Path work = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("mailmigrator-quota-faults");
        long start = System.nanoTime();
        QuotaFaults q = new QuotaFaults(seed, work);
        Map<String, Integer> t = q.run(cycles, messages);
        System.out.print(print(t));
        q.notes().forEach(n -> System.out.println("note: " + n));
        System.out.printf("elapsed %d s, work folder %s%n", (System.nanoTime() - start) / 1_000_000_000L, work);
        System.out.println(passed(t) ? "PASSED" : "FAILED");
        System.exit(passed(t) ? 0 : 1);
    }
}
