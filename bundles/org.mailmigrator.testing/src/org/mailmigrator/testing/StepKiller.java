package org.mailmigrator.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Kill-and-resume of a child JVM ({@link ChildJvm}) that prints {@code step ...} at each checkpoint and
 * {@code finished ...} at the end: run n is SIGKILLed right after its n-th step line, until a run ends by itself.
 */
public final class StepKiller {
    private StepKiller() {
    }

    /** How many runs were killed, and what the run that finished printed. */
    public record Result(int kills, String finalOutput) {
    }

    /**
     * Starts {@code child} again and again; a killed run must end with exit code 137 (SIGKILL), every run within
     * 60 s, and the runs must make progress (fewer than 200).
     */
    public static Result killAtEachStep(Supplier<ProcessBuilder> child) throws IOException, InterruptedException {
        int kills = 0;
        for (int step = 1; step < 200; step++) {
            ProcessBuilder pb = child.get();
            pb.redirectErrorStream(true);
            Process p = pb.start();
            StringBuilder seen = new StringBuilder();
            boolean finished = false;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                int count = 0;
                String line;
                while ((line = in.readLine()) != null) {
                    seen.append(line).append('\n');
                    if (line.startsWith("finished")) {
                        finished = true;
                    } else if (line.startsWith("step") && ++count >= step) {
                        p.destroyForcibly();
                        kills++;
                        break;
                    }
                }
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("the child did not end within 60 s:\n" + seen);
            }
            if (finished) {
                return new Result(kills, seen.toString());
            }
            if (p.exitValue() != 137) {
                throw new IllegalStateException("the child ended with " + p.exitValue() + ", not by SIGKILL:\n" + seen);
            }
        }
        throw new IllegalStateException("the runs make no progress: 200 runs killed");
    }
}
