package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A child JVM (a worker process of the fleet tests) and its output lines, read as they come. */
final class ChildLines {
    final String name;
    final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    ChildLines(String name, Process process) {
        this.name = name;
        this.process = process;
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String l; (l = in.readLine()) != null;) {
                    synchronized (lines) {
                        lines.add(l);
                        lines.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process was killed
            }
        }, "child output " + name);
        reader.setDaemon(true);
        reader.start();
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Waits (90 s at most) until the child printed a line that matches. */
    void await(Predicate<String> line, String what) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        synchronized (lines) {
            while (lines.stream().noneMatch(line)) {
                long left = until - System.nanoTime();
                assertTrue(left > 0 && process.isAlive() || lines.stream().anyMatch(line),
                        name + " never printed " + what + ":\n" + String.join("\n", lines));
                lines.wait(Math.max(1, Math.min(500, left / 1_000_000)));
            }
        }
    }

    /** Waits for the child's end and its last line; its exit code. */
    int exit(Duration timeout) throws InterruptedException {
        assertTrue(process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS), name + " did not end: " + this);
        reader.join(10_000);
        return process.exitValue();
    }

    void kill() {
        process.destroyForcibly();
    }

    @Override
    public String toString() {
        return "\n--- " + name + " ---\n" + String.join("\n", lines());
    }
}
