package org.mailmigrator.cli.internal.batch;

import java.io.PrintWriter;
import java.util.Map;

import org.mailmigrator.batch.preflight.PreflightResult;

/** Prints the fix list of each row that had a pre-flight. */
final class Preflights {
    private Preflights() {
    }

    static void print(PrintWriter out, Map<String, PreflightResult> results) {
        out.println();
        out.println("Pre-flight:");
        for (PreflightResult r : results.values()) {
            out.printf("%s: %s - %d folder(s), %d message(s), %d bytes, largest %d bytes, APPENDLIMIT %s%n",
                    r.migrationId(), r.ready() ? "ready" : "TO FIX", r.folders(), r.messages(), r.bytes(), r.largest(),
                    r.appendLimit().map(String::valueOf).orElse("none"));
            r.fixes().forEach(f -> out.println("    fix: " + f));
        }
        out.flush();
    }
}
