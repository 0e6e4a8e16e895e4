package org.mailmigrator.connector.dav.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.pim.PimState;

/**
 * The calendar/contacts state store under SIGKILL at random moments, as {@code StateStoreFaultsTest} does it for the
 * mail tables: child JVMs ({@link PimStateFaultsChild}) record items leg after leg, each leg with its own
 * {@link PimState} on the pair's one file, and are killed after a random number of records (while committing the
 * next journal entry or record, closing the store, compacting the file, or starting). Every opening of the store —
 * each leg of the next child, and the test's own at the end — must hold every record a child said it had committed,
 * at least as new as it said (never an earlier version: nothing lost), and no journal entry that a record had
 * already cleared (nothing resurrected). Before the fix (H2 reusing space in the middle of the file), the store
 * opened at an earlier version within a few runs (docs/calendars-contacts.md, "State durability").
 */
class PimStateFaultsTest {
    private static final int ITEMS = 20;
    private static final int KILLED_RUNS = 10;

    @TempDir
    Path dir;

    /** Per key, the newest fingerprint a child said it had recorded (committed). */
    private final Map<String, String> committed = new TreeMap<>();

    @Test
    void killedAtRandomMomentsTheStoreNeverOpensAtAnEarlierVersion() throws Exception {
        long seed = Long.getLong("mailmigrator.test.seed", System.nanoTime());
        Random random = new Random(seed);
        List<String> runs = new ArrayList<>();
        for (int run = 1; run <= KILLED_RUNS; run++) {
            // lines counted: ITEMS "recorded" and one "closing" per leg; killed after a random number of them
            runs.add(run + ": " + child(run, 1 + random.nextInt(2 * ITEMS + 1), seed));
        }
        assertEquals("finished", child(KILLED_RUNS + 1, Integer.MAX_VALUE, seed), "the last run finishes: " + runs);
        String last = String.format("r%03d", KILLED_RUNS + 1);
        try (PimState pim = PimState.openEmbedded(dir, "pair")) {
            for (ItemKind kind : new ItemKind[] {ItemKind.CALENDAR, ItemKind.CONTACTS}) {
                for (int i = 0; i < ITEMS; i++) {
                    String key = PimStateFaultsChild.item(kind, i, last).key();
                    assertEquals(last, pim.find(key).orElseThrow(() -> new AssertionError("no record of " + key)).fingerprint(),
                            key + " recorded by the last run; seed " + seed);
                }
            }
            assertEquals(List.of(), pim.journal().stream().map(PimState.Journaled::key).toList(), "no journal entry left");
        }
        System.out.println("PimStateFaultsTest: seed " + seed + ", runs " + runs);
    }

    /**
     * One child, killed once it has printed {@code killAfter} records or closings; checks each view it prints against
     * what earlier children committed. Returns how it ended.
     */
    private String child(int run, int killAfter, long seed) throws Exception {
        ProcessBuilder pb = PimChildJvm.command(PimStateFaultsChild.class, List.of("-Xmx64m", "-XX:TieredStopAtLevel=1"),
                List.of(dir.toString(), String.valueOf(run), String.valueOf(ITEMS)));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        List<String> seen = new ArrayList<>();
        Map<String, String> has = new HashMap<>();
        Map<String, String> journal = new HashMap<>();
        int counted = 0;
        String end = "exited";
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                seen.add(line);
                String[] w = line.split(" ");
                switch (w[0]) {
                    case "has" -> has.put(w[1], w[2]);
                    case "journal" -> journal.put(w[1], w[2]);
                    case "viewed" -> {
                        check(run, has, journal, seed);
                        has.clear();
                        journal.clear();
                    }
                    case "recorded" -> committed.put(w[1], w[2]);
                    case "finished" -> end = "finished";
                    default -> { }
                }
                if ((w[0].equals("recorded") || w[0].equals("closing")) && ++counted >= killAfter) {
                    p.destroyForcibly();
                    end = "killed after " + line;
                    break;
                }
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "run " + run + " ends: " + seen);
        if (!end.startsWith("killed")) {
            assertEquals(0, p.exitValue(), "run " + run + ": " + String.join("\n", seen));
        }
        return end;
    }

    private void check(int run, Map<String, String> has, Map<String, String> journal, long seed) {
        List<String> lost = new ArrayList<>();
        List<String> resurrected = new ArrayList<>();
        committed.forEach((key, fp) -> {
            String found = has.get(key);
            if (found == null || found.compareTo(fp) < 0) {
                lost.add(key + " recorded at " + fp + ", store has " + found);
            }
            String entry = journal.get(key);
            if (entry != null && entry.compareTo(fp) <= 0) {
                resurrected.add(key + " journal entry " + entry + " though recorded at " + fp);
            }
        });
        assertEquals(List.of(), lost, "run " + run + " opened the store at an earlier version (seed " + seed + ")");
        assertEquals(List.of(), resurrected, "run " + run + " found cleared journal entries again (seed " + seed + ")");
    }
}
