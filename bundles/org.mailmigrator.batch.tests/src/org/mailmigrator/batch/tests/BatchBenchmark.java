package org.mailmigrator.batch.tests;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.mailmigrator.testing.Dovecot;

/**
 * The batch benchmark (a program, not a test): a private Dovecot with N small mailboxes, some holding a
 * 20 MB message; the same pairs run once on a bare engine thread pool (the anchor) and once through the
 * batch manager, each in a JVM with -Xmx256m and 8 in parallel, after an untimed warm-up pass. Prints
 * total time, the manager's overhead per migration, the ratio to the anchor and the peak heap, then checks
 * every destination's message count.
 * Arguments: [pairs (default 200)] [parallel (default 8)] [mailboxes with a 20 MB message (default 8)].
 */
public final class BatchBenchmark {
    private BatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int parallel = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int big = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Path work = Files.createTempDirectory("mailmigrator-batch-bench");
        try (Dovecot d = Dovecot.start(Dovecot.Layout.SLASH)) {
            long t0 = System.nanoTime();
            ExecutorService loaders = Executors.newFixedThreadPool(4);
            List<Future<?>> loads = new ArrayList<>();
            for (int i = 0; i < pairs; i++) {
                int n = i;
                loads.add(loaders.submit(() -> {
                    Mailboxes.fill(d, "b" + n, 9, n, n < big ? 20_000_000 : 0);
                    return null;
                }));
            }
            for (Future<?> f : loads) {
                f.get();
            }
            loaders.shutdown();
            System.out.printf(Locale.ROOT, "corpus: %d mailboxes of 9 small messages, %d with a 20 MB message, loaded in %.1f s%n",
                    pairs, big, (System.nanoTime() - t0) / 1e9);
            // an untimed first pass: Dovecot builds the source mailboxes' index files on first access, which
            // would otherwise favour whichever timed run comes second
            child("warm-up", csv(work, d, pairs, "wu"), work.resolve("warm-up"), parallel);
            Map<String, String> plain = child("plain", csv(work, d, pairs, "pl"), work.resolve("plain"), parallel);
            Map<String, String> managed = child("manager", csv(work, d, pairs, "mg"), work.resolve("manager"), parallel);
            for (int i = 0; i < pairs; i++) {
                int expected = Mailboxes.count(d, "b" + i);
                if (Mailboxes.count(d, "pl" + i) != expected || Mailboxes.count(d, "mg" + i) != expected) {
                    throw new IllegalStateException("pair " + i + ": destination counts differ from " + expected);
                }
            }
            double pw = Double.parseDouble(plain.get("wall"));
            double mw = Double.parseDouble(managed.get("wall"));
            System.out.println();
            System.out.printf(Locale.ROOT, "%-36s %8s %10s %12s %s%n", "run", "wall s", "pairs/s", "peak heap", "copied");
            System.out.printf(Locale.ROOT, "%-36s %8.2f %10.1f %9s MB %s%n", "anchor: engine on a thread pool", pw,
                    pairs / pw, plain.get("peakHeapMB"), plain.get("copied"));
            System.out.printf(Locale.ROOT, "%-36s %8.2f %10.1f %9s MB %s%n", "batch manager (Jobs, limits, store)", mw,
                    pairs / mw, managed.get("peakHeapMB"), managed.get("copied"));
            System.out.printf(Locale.ROOT, "ratio wall manager / anchor: %.2f%n", mw / pw);
            System.out.printf(Locale.ROOT, "manager overhead per migration: %.1f ms (wall difference x %d slots / %d pairs)%n",
                    (mw - pw) * parallel * 1000 / pairs, parallel, pairs);
            System.out.printf(Locale.ROOT, "peak heap used with %d in parallel and 20 MB messages: %s MB in a -Xmx256m JVM that completed (target <= 256 MB)%n",
                    parallel, managed.get("peakHeapMB"));
        }
    }

    private static Path csv(Path work, Dovecot d, int pairs, String prefix) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pairs; i++) {
            sb.append("127.0.0.1:").append(d.imapPort()).append(";b").append(i).append(";").append(Dovecot.PASSWORD)
                    .append(";127.0.0.1:").append(d.imapPort()).append(";").append(prefix).append(i).append(";")
                    .append(Dovecot.PASSWORD).append(";;\n");
        }
        Path f = work.resolve(prefix + ".csv");
        Files.writeString(f, sb);
        return f;
    }

    private static Map<String, String> child(String mode, Path csv, Path dir, int parallel) throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:+UseG1GC", "-cp", System.getProperty("java.class.path"), BenchChild.class.getName(),
                mode.equals("warm-up") ? "plain" : mode,
                csv.toString(), dir.toString(), String.valueOf(parallel));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Map<String, String> result = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                System.out.println("  [" + mode + "] " + line);
                if (line.startsWith("RESULT ")) {
                    for (String kv : line.substring(7).split(" ")) {
                        result.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
                    }
                }
            }
        }
        if (p.waitFor() != 0 || !result.containsKey("wall")) {
            throw new IllegalStateException("the " + mode + " run failed (exit " + p.exitValue() + ")");
        }
        return result;
    }
}
