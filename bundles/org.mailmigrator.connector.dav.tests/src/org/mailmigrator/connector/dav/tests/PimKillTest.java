package org.mailmigrator.connector.dav.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.testing.PutCounter;
import org.mailmigrator.testing.Radicale;

/**
 * Calendars and contacts killed at every step: an .ics (events, a recurring event with an override, a task) and a
 * .vcf go to a real Radicale from a child JVM that is SIGKILLed once at each step it reaches (journal entry
 * committed, write accepted but not recorded, copy recorded, journal entry being resolved), each time resumed by a
 * new child, until one finishes. Then every item is on the server once (0 lost, 0 duplicated), the server received
 * exactly one PUT per item (nothing written twice: a crash after a write is resolved by looking, never by writing
 * again), and one more run writes nothing.
 */
class PimKillTest {
    private static final List<String> EVENTS = List.of("standup@kill.test", "weekly@kill.test", "review@kill.test", "task@kill.test");
    private static final List<String> CARDS = List.of("ada@kill.test", "alan@kill.test", "grace@kill.test", "edsger@kill.test");
    private static final Pattern UID = Pattern.compile("(?m)^UID:(.+?)\r?$");

    @TempDir
    Path dir;

    /** Each child's own account of its steps ({@code held}, {@code wrote}, {@code info} lines), for a failure's message. */
    private final List<String> transcript = new ArrayList<>();

    @Test
    void killedAtEveryStepThenResumedLosesNothingDuplicatesNothingAndWritesNothingTwice() throws Exception {
        Path ics = Files.writeString(dir.resolve("kill.ics"), calendar());
        Path vcf = Files.writeString(dir.resolve("people.vcf"), cards());
        Path state = dir.resolve("state");
        try (Radicale server = Radicale.start(dir.resolve("radicale")); PutCounter relay = new PutCounter(server.port())) {
            List<String> args = List.of(state.toString(), relay.url("/"), Radicale.LOGIN, Radicale.PASSWORD, ics.toString(),
                    vcf.toString());
            Set<String> killedAt = new LinkedHashSet<>();
            String finished = null;
            int children = 0;
            while (finished == null) {
                assertTrue(++children <= 60, "still not finished after 60 runs; killed at " + killedAt);
                finished = run(args, killedAt, true);
            }
            for (String phase : List.of("journaled ", "written ", "recorded ", "looking ")) {
                assertTrue(killedAt.stream().anyMatch(s -> s.startsWith(phase)), "killed at a '" + phase.trim() + "' step: " + killedAt);
            }
            int items = EVENTS.size() + CARDS.size();
            assertTrue(killedAt.size() >= 3 * items, "killed at every step of every item: " + killedAt);

            assertEquals(sorted(EVENTS), uids(Pim.readBack(server, "/alice/kill/")), "every event and task once");
            assertEquals(sorted(CARDS), uids(Pim.readBack(server, "/alice/people/")), "every contact once");
            Map<String, Integer> puts = new TreeMap<>(relay.putsByPath());
            assertEquals(items, puts.size(), "one resource per item: " + puts);
            assertTrue(puts.values().stream().allMatch(n -> n == 1), "each item was written once, never twice: " + puts
                    + " (PUTs answered 5xx, not processed: " + relay.serverErrors() + ")\nwhat each run did (looked, wrote, recovered):\n" + String.join("\n", transcript));

            String again = run(args, killedAt, false);
            assertEquals("finished created 0 unchanged " + items, again);
            assertEquals(puts, new TreeMap<>(relay.putsByPath()), "a run after the end writes nothing");
            System.out.println("PimKillTest: " + children + " runs, killed at " + killedAt.size() + " steps");
        }
    }

    /**
     * One child: killed at its first step not killed before when {@code kill} (returns null), or its last line when it
     * finishes.
     */
    private String run(List<String> args, Set<String> killedAt, boolean kill) throws Exception {
        ProcessBuilder pb = PimChildJvm.command(PimKillChild.class, List.of("-Xmx128m"), args);
        pb.redirectErrorStream(true);
        Process child = pb.start();
        List<String> seen = new ArrayList<>();
        String result = null;
        boolean killed = false;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter go = new PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                seen.add(line);
                if (line.startsWith("step ")) {
                    if (kill && killedAt.add(line.substring(5))) {
                        child.destroyForcibly();
                        killed = true;
                        break;
                    }
                    go.println("go");
                } else if (line.startsWith("finished ")) {
                    result = line;
                } else if (line.startsWith("failed ")) {
                    throw new AssertionError(String.join("\n", seen));
                }
            }
        }
        transcript.add("run " + (transcript.size() + 1) + (killed ? " (killed at its last step)" : "") + ": " + String.join(" | ",
                seen.stream().filter(l -> !l.startsWith("step ") || l.equals(seen.get(seen.size() - 1))).toList()));
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), String.join("\n", seen));
        if (killed) {
            assertEquals(137, child.exitValue(), "killed by SIGKILL:\n" + String.join("\n", seen));
            return null;
        }
        assertEquals(0, child.exitValue(), String.join("\n", seen));
        assertTrue(result != null, String.join("\n", seen));
        return result;
    }

    private static List<String> uids(Map<String, String> resources) {
        List<String> out = new ArrayList<>();
        for (String body : resources.values()) {
            Matcher m = UID.matcher(body);
            assertTrue(m.find(), body);
            out.add(m.group(1).trim());
        }
        return sorted(out);
    }

    private static List<String> sorted(List<String> l) {
        return l.stream().sorted().toList();
    }

    private static String calendar() {
        StringBuilder s = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//kill//EN\r\n");
        s.append(event("standup@kill.test", "DTSTART:20260105T090000Z", "SUMMARY:Standup"));
        s.append(event("weekly@kill.test", "DTSTART:20260106T100000Z", "RRULE:FREQ=WEEKLY;COUNT=8\r\nSUMMARY:Weekly"));
        s.append(event("weekly@kill.test", "DTSTART:20260113T110000Z", "RECURRENCE-ID:20260113T100000Z\r\nSUMMARY:Weekly (moved)"));
        s.append(event("review@kill.test", "DTSTART;VALUE=DATE:20260120", "SUMMARY:Review"));
        s.append("BEGIN:VTODO\r\nUID:task@kill.test\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:File the report\r\nDUE:20260130T170000Z\r\n"
                + "END:VTODO\r\n");
        return s.append("END:VCALENDAR\r\n").toString();
    }

    private static String event(String uid, String start, String rest) {
        return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20260101T000000Z\r\n" + start + "\r\n" + rest + "\r\nEND:VEVENT\r\n";
    }

    private static String cards() {
        StringBuilder s = new StringBuilder();
        for (String uid : CARDS) {
            String name = uid.substring(0, uid.indexOf('@'));
            s.append("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:").append(uid).append("\r\nFN:").append(name).append("\r\nN:").append(name)
                    .append(";;;;\r\nEMAIL:").append(name).append("@example.test\r\nEND:VCARD\r\n");
        }
        return s.toString();
    }
}
