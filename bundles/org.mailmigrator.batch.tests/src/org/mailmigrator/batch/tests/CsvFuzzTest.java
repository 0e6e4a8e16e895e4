package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSV fuzzer (issue 11): fuzzed batch files of every import format ({@link CsvFuzz}), each with a
 * password canary, go through {@code batch import}, then {@code status}, {@code export} and {@code report} when
 * something was imported. The canary (or any 8 characters of it) must appear nowhere: not in what the
 * commands print, not in the log, not on the JVM's own stdout/stderr, not in any file written (workspace,
 * batch store, export, reports) — passwords are only stored sealed. No command may end in an internal
 * error (a Java exception's name, a stack trace, an exit code other than 0, 1, 2).
 * CI runs 200 files from a fixed seed; {@code benchmarks/faults/csv-fuzz.sh} runs more from a random one
 * ({@code MAILMIGRATOR_CSVFUZZ_FILES}, {@code MAILMIGRATOR_CSVFUZZ_SEED}).
 */
class CsvFuzzTest {
    private static final Pattern JAVA_NAME = Pattern.compile("\\b(?:[a-z]\\w*\\.)+[A-Z]\\w*(?:Exception|Error)\\b|\\tat |internal error");
    private static final int WINDOW = 8;

    @Test
    void fuzzedCsvFilesNeverLeakTheirPasswordNorCrash(@TempDir Path dir) throws Exception {
        int files = Integer.parseInt(System.getenv().getOrDefault("MAILMIGRATOR_CSVFUZZ_FILES", "200"));
        long seed = Long.parseLong(System.getenv().getOrDefault("MAILMIGRATOR_CSVFUZZ_SEED", "20261205"));
        CsvFuzz fuzz = new CsvFuzz(seed);
        Path ws = dir.resolve("ws");
        Map<String, String> windows = new HashMap<>(); // 8 characters of a canary -> the file's case
        List<String> leaks = new ArrayList<>();
        List<String> crashes = new ArrayList<>();
        List<String> undetected = new ArrayList<>(); // cancel-out damage accepted as if the file were good
        int cancelOuts = 0;
        int accepted = 0;
        int partly = 0;
        int refused = 0;
        Map<String, Integer> byDamage = new HashMap<>();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        List<String> logged = new ArrayList<>();
        Handler log = new Handler() {
            @Override
            public void publish(LogRecord r) {
                synchronized (logged) {
                    logged.add(r.getMessage() + " " + (r.getThrown() == null ? "" : r.getThrown().toString()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(log);
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(new PrintStream(tee(out, console), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(tee(err, console), true, StandardCharsets.UTF_8));
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < files; i++) {
                CsvFuzz.Case c = fuzz.next(i);
                String label = "file " + i + " (" + c.seed() + ", " + c.damage() + ")";
                for (int k = 0; k + WINDOW <= c.canary().length(); k++) {
                    windows.put(c.canary().substring(k, k + WINDOW), label);
                }
                Path file = dir.resolve("in").resolve("f" + i + (c.seed() == CsvFuzz.Seed.IMAPSYNC ? ".txt" : ".csv"));
                Files.createDirectories(file.getParent());
                Files.write(file, c.data());
                List<String> args = CliRun.args("batch", "import", file.toString(), "--workspace", ws.toString(),
                        "--skip-bad-rows", "--name", "f" + i);
                if (c.seed() == CsvFuzz.Seed.EXCHANGE) {
                    Path admin = dir.resolve("in").resolve("admin" + i);
                    Files.writeString(admin, c.canary() + "adm\n");
                    args.addAll(List.of("--source-server", "imap.old.example", "--destination-server",
                            "imaps://outlook.example", "--destination-password-file", admin.toString()));
                }
                List<CliRun> runs = new ArrayList<>();
                CliRun imported = CliRun.of(args);
                runs.add(imported);
                boolean clean = imported.code() == 0 && !imported.out().contains("bad line(s) skipped");
                if (imported.code() == 0) {
                    accepted += clean ? 1 : 0;
                    partly += clean ? 0 : 1;
                    Path export = dir.resolve("out").resolve("f" + i + ".csv");
                    Files.createDirectories(export.getParent());
                    runs.add(CliRun.of("batch", "status", "f" + i, "--workspace", ws.toString()));
                    runs.add(CliRun.of("batch", "export", "f" + i, export.toString(), "--workspace", ws.toString()));
                    runs.add(CliRun.of("batch", "report", "f" + i, "--out", dir.resolve("out").resolve("r" + i).toString(),
                            "--workspace", ws.toString()));
                } else {
                    refused++;
                }
                if (c.damage().startsWith("cancel-out+") || c.damage().equals("cancel-out")) {
                    cancelOuts++;
                    if (clean) {
                        undetected.add(label);
                    }
                }
                byDamage.merge(c.damage().replaceFirst("\\+.*", "") + (clean ? " accepted" : imported.code() == 0 ? " partly" : " refused"), 1,
                        Integer::sum);
                for (CliRun r : runs) {
                    String text = r.out() + "\n" + r.err();
                    find(text, windows).ifPresent(w -> leaks.add(label + ": in the output of a command: " + w));
                    if (r.code() > 2 || JAVA_NAME.matcher(text).find()) {
                        crashes.add(label + ": " + r);
                    }
                }
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
            Logger.getLogger("").removeHandler(log);
        }
        find(console.toString(StandardCharsets.UTF_8), windows).ifPresent(w -> leaks.add("the JVM's stdout/stderr: " + w));
        synchronized (logged) {
            find(String.join("\n", logged), windows).ifPresent(w -> leaks.add("the log: " + w));
        }
        int written = 0;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                if (p.startsWith(dir.resolve("in"))) {
                    continue; // the fuzzed inputs themselves
                }
                written++;
                String bytes = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                find(bytes, windows).ifPresent(w -> leaks.add(dir.relativize(p) + ": " + w));
            }
        }
        String summary = String.format(Locale.ROOT, "csv fuzz: seed %d, files %d, accepted %d, partly refused (bad rows skipped) %d, refused %d, "
                + "canary-leaks %d, crashes %d, files written and searched %d, %.1f s", seed, files, accepted, partly, refused,
                leaks.size(), crashes.size(), written, (System.nanoTime() - t0) / 1e9);
        System.out.println(summary);
        System.out.println("csv fuzz by damage: " + new java.util.TreeMap<>(byDamage));
        leaks.stream().limit(20).forEach(l -> System.out.println("csv fuzz leak: " + l));
        crashes.stream().limit(5).forEach(l -> System.out.println("csv fuzz crash: " + l));
        assertEquals(List.of(), leaks, summary);
        assertTrue(cancelOuts >= 3, "cancel-out cases made: " + cancelOuts);
        assertEquals(List.of(), undetected, "rows with two damages that cancel out were accepted; " + summary);
        assertEquals(List.of(), crashes.stream().limit(3).toList(), summary);
        assertTrue(accepted > files / 10 && partly + refused > files / 3, "the fuzz exercises both paths: " + summary);
    }

    /** The first 8 characters of a canary found in the text, with the file they belong to. */
    private static java.util.Optional<String> find(String text, Map<String, String> windows) {
        for (int i = 0; i + WINDOW <= text.length(); i++) {
            String w = text.substring(i, i + WINDOW);
            String owner = windows.get(w);
            if (owner != null) {
                int from = Math.max(0, i - 40);
                return java.util.Optional.of("'" + w + "' of " + owner + " in ..."
                        + text.substring(from, Math.min(text.length(), i + 40)).replaceAll("[\\x00-\\x1f]", " ") + "...");
            }
        }
        return java.util.Optional.empty();
    }

    private static OutputStream tee(OutputStream a, ByteArrayOutputStream b) {
        return new OutputStream() {
            @Override
            public void write(int x) {
                try {
                    a.write(x);
                } catch (java.io.IOException e) {
                    // the test's own console
                }
                synchronized (b) {
                    b.write(x);
                }
            }

            @Override
            public void write(byte[] buf, int off, int len) {
                try {
                    a.write(buf, off, len);
                } catch (java.io.IOException e) {
                    // the test's own console
                }
                synchronized (b) {
                    b.write(buf, off, len);
                }
            }
        };
    }
}
