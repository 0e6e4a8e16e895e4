package org.mailmigrator.connector.imap.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Stream;

import org.mailmigrator.testing.Dovecot;

/**
 * The fault-injection suite of issue 11: SIGKILL at random points of first and later passes, each resumed by
 * the next; every connection through a relay that cuts or stalls it every 1-6 MB; the source changed during
 * runs (new messages, flag changes, expunges); destination messages expunged between runs; two runs with
 * different state folders on one destination at once. A last clean pass, then the destination is compared with
 * the source message by message. Prints cycles, lost, duplicated, modified, hangs and secrets found: all zero
 * to pass. {@code main} is the long form (benchmarks/faults/run.sh); {@link FaultSuiteTest} the short one.
 */
public final class FaultSuite {
    /** The figures that must be zero to pass. */
    static final List<String> ZEROS = List.of("lost", "duplicated", "modified", "hangs", "secrets found",
            "wrong ports unclear", "full disk unclear");

    /** A run that takes longer than this is a hang: killed and counted. */
    static final long WATCHDOG_SECONDS = 180;

    /** Builds the command of a child JVM running {@link FaultChild} with these arguments. */
    private final Function<List<String>, ProcessBuilder> launcher;
    private final Random random;
    private final Path work;
    private final Map<String, Map<String, Integer>> everMax = new HashMap<>();
    private final Map<String, Integer> totals = new java.util.LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    /** The latest moment of a kill after a child's start (the short form's small corpus copies in ~2 s). */
    int maxKillMillis = 6000;

    FaultSuite(Function<List<String>, ProcessBuilder> launcher, long seed, Path work) {
        this.launcher = launcher;
        this.random = new Random(seed);
        this.work = work;
        for (String k : List.of("cycles", "killed", "completed", "ended early", "two-writer trials", "waits said",
                "source changes", "destination expunges", "lost", "duplicated", "modified", "hangs", "secrets found",
                "wrong-port cases", "wrong ports unclear", "full-disk cases", "full disk unclear")) {
            totals.put(k, 0);
        }
    }

    private void add(String key, int n) {
        totals.merge(key, n, Integer::sum);
    }

    /** Runs the suite; returns the figures (the last five must be zero). */
    Map<String, Integer> run(int cycles, int perFolder, int bigMessages) throws Exception {
        try (Dovecot dovecot = Dovecot.start(Dovecot.Layout.SLASH);
                FaultRelay relay = new FaultRelay(dovecot.imapPort(), random.nextLong(), 0.25)) {
            Corpus.load(dovecot, "f-src", perFolder);
            try (ImapProbe p = ImapProbe.login(dovecot, "f-src")) {
                p.create("Big", true);
                for (int i = 0; i < bigMessages; i++) {
                    p.append("Big", TestCorpus.big(random, 400_000 + random.nextInt(3_600_000)), Set.of(),
                            Instant.parse("2024-06-01T00:00:00Z").plusSeconds(i));
                }
            }
            remember(dovecot);
            Path state = work.resolve("state");
            for (int cycle = 1; cycle <= cycles; cycle++) {
                add("cycles", 1);
                if (cycle % 10 == 5) {
                    twoWriters(relay, cycle);
                    continue;
                }
                if (random.nextDouble() < 0.3) {
                    expungeOnDestination(dovecot);
                }
                boolean kill = random.nextDouble() < 0.8;
                long killAfter = 300 + random.nextInt(cycle == 1 ? 1500 : maxKillMillis);
                AtomicBoolean running = new AtomicBoolean(true);
                Thread mutator = random.nextDouble() < 0.4 ? mutate(dovecot, running) : null;
                Outcome o = child(relay.port(), state, "f-dst", "cycle-" + cycle, kill ? killAfter : -1);
                running.set(false);
                if (mutator != null) {
                    mutator.join();
                }
                add(o.killed ? "killed" : o.completed ? "completed" : "ended early", 1);
                remember(dovecot);
            }
            // the last pass: no fault, straight to the server
            Outcome last = child(dovecot.imapPort(), state, "f-dst", "final", -1);
            if (!last.completed) {
                notes.add("the final clean pass did not complete: " + last.tail);
            }
            compare(dovecot);
            secrets();
            notes.add("relay: " + relay.connections.get() + " connections, " + relay.cuts.get() + " cut, "
                    + relay.stalls.get() + " stalled, " + relay.bytes.get() / 1_000_000 + " MB relayed");
        }
        return totals;
    }

    List<String> notes() {
        return notes;
    }

    /**
     * The full-file-system cases ({@link FullDiskCases}: state and temporary folders; with {@code workspace}, also
     * the first import into a full workspace through the command line, which needs OSGi): each must say "disk
     * full" with the path and complete after the space is freed, with nothing lost; else "full disk unclear".
     */
    Map<String, Integer> fullDisk(boolean workspace) throws Exception {
        List<FullDiskCases.Result> results = new ArrayList<>();
        try (Dovecot dovecot = Dovecot.start(Dovecot.Layout.SLASH)) {
            results.addAll(FullDiskCases.run(dovecot, work));
        }
        if (workspace) {
            results.add(FullWorkspaceCase.run(work));
        }
        for (FullDiskCases.Result r : results) {
            add("full-disk cases", 1);
            add("full disk unclear", r.ok() ? 0 : 1);
            notes.add("full disk: " + r);
        }
        return totals;
    }

    /**
     * The wrong-port cases ({@link WrongPorts}) against a Dovecot of its own and a Courier: each must end within
     * seconds with a message naming the fix; an unclear or slow one counts in "wrong ports unclear".
     */
    Map<String, Integer> wrongPorts() throws Exception {
        try (Dovecot dovecot = Dovecot.start(Dovecot.Layout.SLASH);
                org.mailmigrator.testing.Courier courier = org.mailmigrator.testing.Courier.start(List.of("wp-user"))) {
            for (WrongPorts.Result r : WrongPorts.run(WrongPorts.cases(dovecot, courier), "wp-user")) {
                add("wrong-port cases", 1);
                add("wrong ports unclear", r.ok() ? 0 : 1);
                notes.add("wrong port: " + r);
            }
        }
        return totals;
    }

    private record Outcome(boolean killed, boolean completed, String tail) {
    }

    private Outcome child(int port, Path state, String dst, String name, long killAfterMs) throws Exception {
        Path log = work.resolve("logs").resolve(name + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = launcher.apply(List.of(Dovecot.HOST, String.valueOf(port), "f-src", dst, state.toString()));
        pb.environment().put("FAULT_PASSWORD", Dovecot.PASSWORD);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        checkCommandLine(p);
        boolean killed = false;
        if (killAfterMs >= 0 && !p.waitFor(killAfterMs, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            killed = true;
        }
        if (!p.waitFor(WATCHDOG_SECONDS, TimeUnit.SECONDS)) {
            add("hangs", 1);
            notes.add("hang: " + name + " ran over " + WATCHDOG_SECONDS + " s; its log: " + log);
            p.destroyForcibly();
            p.waitFor();
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        String tail = text.length() > 600 ? text.substring(text.length() - 600) : text;
        if (text.contains("waiting: another run is writing")) {
            add("waits said", 1);
        }
        if (!killed && (text.contains("Exception") && !text.contains("finished "))) {
            notes.add(name + " ended without its result: " + tail);
        }
        return new Outcome(killed, text.contains("finished COMPLETED"), tail);
    }

    /** The password must not be on a child's command line (ps shows it to every user). */
    private void checkCommandLine(Process p) {
        try {
            Path cmdline = Path.of("/proc", String.valueOf(p.pid()), "cmdline");
            if (Files.exists(cmdline) && new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).contains(Dovecot.PASSWORD)) {
                add("secrets found", 1);
                notes.add("the password is on a command line");
            }
        } catch (IOException gone) {
            // the process already ended
        }
    }

    private void twoWriters(FaultRelay relay, int cycle) throws Exception {
        add("two-writer trials", 1);
        // two state folders that never saw this destination: both must find what the other copied
        Path a = work.resolve("writers-" + cycle + "-a");
        Path b = work.resolve("writers-" + cycle + "-b");
        Thread other = new Thread(() -> {
            try {
                child(relay.port(), b, "f-dst", "cycle-" + cycle + "-b", -1);
            } catch (Exception e) {
                notes.add("second writer: " + e);
            }
        });
        other.start();
        child(relay.port(), a, "f-dst", "cycle-" + cycle + "-a", -1);
        other.join();
    }

    /** Changes the source while a run goes on: new messages, flags set and cleared, messages expunged. */
    private Thread mutate(Dovecot dovecot, AtomicBoolean running) {
        long seed = random.nextLong();
        Thread t = new Thread(() -> {
            Random r = new Random(seed);
            try (ImapProbe p = ImapProbe.login(dovecot, "f-src")) {
                while (running.get()) {
                    String folder = List.of("INBOX", "Sent", "Drafts", "Old Mail").get(r.nextInt(4));
                    try {
                        switch (r.nextInt(3)) {
                            case 0 -> {
                                byte[] m = ("Subject: arrived during a run " + r.nextLong() + "\r\nMessage-ID: <"
                                        + r.nextLong() + "@fault.example>\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8);
                                p.append(folder, m, Set.of(), Instant.parse("2025-01-01T00:00:00Z"));
                                synchronized (everMax) {
                                    everMax.computeIfAbsent(folder, k -> new HashMap<>()).merge(sha(m), 1, Math::max);
                                }
                            }
                            case 1 -> p.command(folder, "STORE 1:3 " + (r.nextBoolean() ? "+" : "-") + "FLAGS ($Fault \\Seen)");
                            default -> {
                                p.command(folder, "STORE 1 +FLAGS.SILENT (\\Deleted)");
                                p.command(folder, "EXPUNGE");
                            }
                        }
                        add("source changes", 1);
                    } catch (Exception emptyFolder) {
                        // "no such message" in an emptied folder: the next change picks another
                    }
                    Thread.sleep(150 + r.nextInt(400));
                }
            } catch (Exception e) {
                notes.add("source mutator: " + e.getMessage());
            }
        }, "fault-mutator");
        t.start();
        return t;
    }

    private void expungeOnDestination(Dovecot dovecot) throws Exception {
        try (ImapProbe p = ImapProbe.login(dovecot, "f-dst")) {
            String folder = List.of("INBOX", "Drafts", "Big", "Work/Projects").get(random.nextInt(4));
            try {
                p.command(folder, random.nextBoolean() ? "STORE 1:* +FLAGS.SILENT (\\Deleted)"
                        : "STORE 1:2 +FLAGS.SILENT (\\Deleted)");
                p.command(folder, "EXPUNGE");
                add("destination expunges", 1);
            } catch (Exception notYetThere) {
                // the folder is not on the destination yet, or empty
            }
        } catch (Exception noAccountYet) {
            // nothing copied yet
        }
    }

    /** Adds the source's current multiplicities to the most ever seen, per folder and message. */
    private void remember(Dovecot dovecot) throws Exception {
        try (ImapProbe p = ImapProbe.login(dovecot, "f-src")) {
            for (var e : p.snapshot().entrySet()) {
                Map<String, Integer> counts = counts(e.getValue());
                synchronized (everMax) {
                    Map<String, Integer> max = everMax.computeIfAbsent(e.getKey(), k -> new HashMap<>());
                    counts.forEach((sha, n) -> max.merge(sha, n, Math::max));
                }
            }
        }
    }

    private void compare(Dovecot dovecot) throws Exception {
        Map<String, List<String>> src;
        Map<String, List<String>> dst;
        try (ImapProbe s = ImapProbe.login(dovecot, "f-src"); ImapProbe d = ImapProbe.login(dovecot, "f-dst")) {
            src = s.snapshot();
            dst = d.snapshot();
        }
        for (var e : src.entrySet()) {
            String folder = e.getKey();
            List<String> dstLines = dst.getOrDefault(folder, List.of());
            Map<String, Integer> s = counts(e.getValue());
            Map<String, Integer> d = counts(dstLines);
            Map<String, Integer> ever = everMax.getOrDefault(folder, Map.of());
            s.forEach((sha, n) -> add("lost", Math.max(0, n - d.getOrDefault(sha, 0))));
            for (var c : d.entrySet()) {
                Integer max = ever.get(c.getKey());
                if (max == null) {
                    add("modified", c.getValue()); // bytes that never were on the source
                } else {
                    add("duplicated", Math.max(0, c.getValue() - max));
                }
                if (s.getOrDefault(c.getKey(), 0).equals(c.getValue())) {
                    // as many copies as originals: flags and dates must be the source's
                    List<String> a = e.getValue().stream().filter(l -> l.startsWith(c.getKey())).sorted().toList();
                    List<String> b = dstLines.stream().filter(l -> l.startsWith(c.getKey())).sorted().toList();
                    if (!a.equals(b)) {
                        add("modified", 1);
                        notes.add("flags or date differ in " + folder + ": " + a + " vs " + b);
                    }
                }
            }
        }
        if (totals.get("lost") + totals.get("duplicated") + totals.get("modified") > 0) {
            notes.add("source: " + src + "\ndestination: " + dst);
        }
    }

    /** The password canary: no file the runs wrote (state, logs, locks' notes) may hold it. */
    private void secrets() throws IOException {
        byte[] canary = Dovecot.PASSWORD.getBytes(StandardCharsets.UTF_8);
        List<Path> files;
        try (Stream<Path> all = Files.walk(work)) {
            files = all.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            byte[] content = Files.readAllBytes(f);
            if (indexOf(content, canary) >= 0) {
                add("secrets found", 1);
                notes.add("the password is in " + f);
            }
        }
        notes.add("files checked for the password: " + files.size());
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static Map<String, Integer> counts(List<String> lines) {
        Map<String, Integer> m = new HashMap<>();
        lines.forEach(l -> m.merge(l.substring(0, 16), 1, Integer::sum));
        return m;
    }

    static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when every fault figure is zero. */
    static boolean passed(Map<String, Integer> t) {
        return ZEROS.stream().allMatch(k -> t.get(k) == 0);
    }

    static String print(Map<String, Integer> t) {
        StringBuilder sb = new StringBuilder();
        t.forEach((k, v) -> sb.append(String.format("%-22s %d%n", k, v)));
        return sb.toString();
    }

    /** The long form: {@code FaultSuite CYCLES SEED PER_FOLDER BIG_MESSAGES WORKDIR}, plain JVM, class path as given. */
    public static void main(String[] args) throws Exception {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 11;
        int perFolder = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        int big = args.length > 3 ? Integer.parseInt(args[3]) : 12;
        Path work = args.length > 4 ? Path.of(args[4]) : Files.createTempDirectory("mailmigrator-faults");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        FaultSuite suite = new FaultSuite(a -> {
            List<String> cmd = new ArrayList<>(List.of(java, "-Xmx160m", "-cp", cp, FaultChild.class.getName()));
            cmd.addAll(a);
            return new ProcessBuilder(cmd);
        }, seed, work);
        long start = System.nanoTime();
        Map<String, Integer> t = suite.run(cycles, perFolder, big);
        suite.wrongPorts();
        suite.fullDisk(false); // the workspace case runs the command line, in OSGi: FaultSuiteTest
        System.out.print(print(t));
        suite.notes().forEach(n -> System.out.println("note: " + n));
        System.out.printf("elapsed %d s, work folder %s%n", (System.nanoTime() - start) / 1_000_000_000L, work);
        System.out.println(passed(t) ? "PASSED" : "FAILED");
        System.exit(passed(t) ? 0 : 1);
    }
}
