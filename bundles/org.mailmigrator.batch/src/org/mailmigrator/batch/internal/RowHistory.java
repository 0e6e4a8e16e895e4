package org.mailmigrator.batch.internal;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

import org.mailmigrator.batch.report.PassLog;
import org.mailmigrator.batch.run.PassReport;
import org.mailmigrator.batch.run.PassSummary;

/**
 * A row's pass history as its job writes it: the history is a report aid, so a write that fails (a full disk) is
 * said in the row's log and never fails the migration.
 */
final class RowHistory {
    private final PassLog passes;
    private final Consumer<String> log;

    RowHistory(PassLog passes, Consumer<String> log) {
        this.passes = passes;
        this.log = log;
    }

    /** "full" or "delta": what the next pass is; "full" when the history cannot be read. */
    String nextKind() {
        try {
            return passes.nextKind();
        } catch (IOException | RuntimeException e) {
            return "full";
        }
    }

    void record(PassLog.Pass pass, boolean replaceLast) {
        write("the pass history", () -> passes.record(pass, replaceLast));
    }

    /** The folders' counts of the completeness check. */
    void folders(List<PassLog.FolderCount> counts) {
        write("the completeness check", () -> passes.folders(counts));
    }

    /** Shown by the report and batch status, not only in the run's log. */
    void warnings(List<String> texts) {
        write("the pass's warnings", () -> passes.warnings(texts));
    }

    /** Keeps the pass's sealed report beside the row's state ({@code ID.pass.json}). */
    void seal(PassReport pass) {
        write("the pass's report", () -> passes.lastPass(PassSummary.json(pass)));
    }

    private interface Write {
        void run() throws IOException;
    }

    private void write(String what, Write write) {
        try {
            write.run();
        } catch (IOException | RuntimeException e) {
            log.accept(what + " could not be saved: " + e.getMessage());
        }
    }
}
