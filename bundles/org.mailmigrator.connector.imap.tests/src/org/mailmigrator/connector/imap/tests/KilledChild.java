package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** A {@link ChildMigration} killed for real (SIGKILL) once it has printed a number of "appended" lines. */
final class KilledChild {
    private KilledChild() {
    }

    /** Starts {@code pb}, kills it after {@code appends} destination writes, checks it died of the kill; its output. */
    static String killAfter(ProcessBuilder pb, int appends) throws Exception {
        pb.redirectErrorStream(true);
        Process child = pb.start();
        StringBuilder seen = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            int count = 0;
            String line;
            while ((line = in.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.startsWith("appended") && ++count >= appends) {
                    child.destroyForcibly();
                    break;
                }
            }
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertFalse(seen.toString().contains("finished"), "the child was killed before its end:\n" + seen);
        assertEquals(137, child.exitValue(), "killed by SIGKILL:\n" + seen);
        return seen.toString();
    }
}
