package org.mailmigrator.connector.imap.bench;

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

import org.mailmigrator.testing.Dovecot;

/**
 * The IMAP benchmark (a program, not a test): starts Dovecot, loads a deterministic corpus into "src", then
 * times Dovecot's own migration path ({@code doveadm backup -R} with an {@code imapc:} source: the anchor)
 * and this migrator (a separate JVM with -Xmx128m) into fresh destinations, then the migrator's no-op
 * resync. Prints msgs/s, MB/s, the ratio to the anchor, the resync time and the peak heap.
 * Arguments: [messages (default 20000)] [seed (default 42)] [parallelism (default 3)].
 */
public final class ImapBenchmark {
    private ImapBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        int parallel = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try (Dovecot dovecot = Dovecot.start(Dovecot.Layout.SLASH)) {
            long t0 = System.nanoTime();
            CorpusLoader.Loaded corpus = CorpusLoader.load(dovecot, "src", BenchCorpus.plan(n, seed));
            System.out.printf(Locale.ROOT, "corpus: n=%d seed=%d -> %d messages, %.1f MB, %d folders, loaded in %.1f s%n",
                    n, seed, corpus.messages(), corpus.bytes() / 1e6, corpus.folders(), (System.nanoTime() - t0) / 1e9);

            double anchor = time(() -> dovecot.doveadm("-o", "imapc_host=" + Dovecot.HOST, "-o",
                    "imapc_port=" + dovecot.imapPort(), "-o", "imapc_user=src", "-o", "imapc_password=" + Dovecot.PASSWORD,
                    "-o", "imapc_features=rfc822.size fetch-headers", "-o", "mail_prefetch_count=20", "-o",
                    "mail_fsync=never", "backup", "-R", "-u", "anchor", "imapc:"));
            double anchorNoop = time(() -> dovecot.doveadm("-o", "imapc_host=" + Dovecot.HOST, "-o",
                    "imapc_port=" + dovecot.imapPort(), "-o", "imapc_user=src", "-o", "imapc_password=" + Dovecot.PASSWORD,
                    "-o", "imapc_features=rfc822.size fetch-headers", "-o", "mail_fsync=never", "backup", "-R", "-u",
                    "anchor", "imapc:"));
            Path state = Files.createTempDirectory("mailmigrator-bench-state");
            Map<String, String> first = child(dovecot, state, parallel);
            Map<String, String> second = child(dovecot, state, parallel);
            deleteTree(state);
            Checks.sameCounts(dovecot, "src", "anchor");
            Checks.sameCounts(dovecot, "src", "mig");

            double mb = corpus.bytes() / 1e6;
            double wall = Double.parseDouble(first.get("wall"));
            System.out.println();
            System.out.printf(Locale.ROOT, "%-34s %9s %10s %9s %s%n", "run", "wall s", "msgs/s", "MB/s", "notes");
            System.out.printf(Locale.ROOT, "%-34s %9.2f %10.1f %9.1f %s%n", "anchor: doveadm backup -R imapc:", anchor,
                    corpus.messages() / anchor, mb / anchor, "");
            System.out.printf(Locale.ROOT, "%-34s %9.2f %10.1f %9.1f %s%n", "anchor no-op resync", anchorNoop,
                    corpus.messages() / anchorNoop, 0.0, "");
            System.out.printf(Locale.ROOT, "%-34s %9.2f %10.1f %9.1f copied=%s skipped=%s peak heap %s MB of %s MB%n",
                    "mailmigrator (-Xmx128m, p=" + parallel + ")", wall, corpus.messages() / wall, mb / wall,
                    first.get("copied"), first.get("skipped"), first.get("peakHeapMB"), first.get("maxHeapMB"));
            System.out.printf(Locale.ROOT, "%-34s %9.3f %10.1f %9.1f copied=%s present=%s%n", "mailmigrator no-op resync",
                    Double.parseDouble(second.get("wall")), corpus.messages() / Double.parseDouble(second.get("wall")), 0.0,
                    second.get("copied"), second.get("present"));
            System.out.printf(Locale.ROOT, "ratio msgs/s mailmigrator / anchor: %.2f (target >= 0.6)%n", anchor / wall);
            System.out.printf(Locale.ROOT, "no-op resync of %d messages: %.3f s in the engine, %.3f s with opening the"
                    + " state store (target <= 0.5 s; JVM start not included)%n", corpus.messages(),
                    Double.parseDouble(second.get("engine")), Double.parseDouble(second.get("wall")));
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    interface Timed {
        Object run() throws Exception;
    }

    private static double time(Timed t) throws Exception {
        long start = System.nanoTime();
        t.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static Map<String, String> child(Dovecot d, Path state, int parallel) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseG1GC", "-cp", System.getProperty("java.class.path"), BenchMigration.class.getName(),
                Dovecot.HOST, String.valueOf(d.imapPort()), "src", "mig", state.toString(), Dovecot.PASSWORD,
                String.valueOf(parallel)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Map<String, String> result = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                System.out.println("  [migrator] " + line);
                if (line.startsWith("RESULT ")) {
                    for (String kv : line.substring(7).split(" ")) {
                        int eq = kv.indexOf('=');
                        result.put(kv.substring(0, eq), kv.substring(eq + 1));
                    }
                }
            }
        }
        if (p.waitFor() != 0 || !result.containsKey("wall")) {
            throw new IllegalStateException("the migrator run failed (exit " + p.exitValue() + ")");
        }
        return result;
    }
}
