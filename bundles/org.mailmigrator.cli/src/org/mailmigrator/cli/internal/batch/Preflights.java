package org.mailmigrator.cli.internal.batch;

import java.io.PrintWriter;
import java.util.Map;

import org.mailmigrator.batch.preflight.PreflightResult;
import org.mailmigrator.batch.report.PreflightReport;

/** Prints the fix list of each row that had a pre-flight (the same text as the report's preflight.txt). */
final class Preflights {
    private Preflights() {
    }

    static void print(PrintWriter out, Map<String, PreflightResult> results) {
        out.println();
        out.print(new PreflightReport(results).text());
        out.flush();
    }
}
