package org.mailmigrator.batch.report;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.mailmigrator.batch.Workspace;

/**
 * What each pass of one migration did, and the latest completeness check (per folder: messages on the source,
 * on the destination, and copied by this migration over all its passes), as two small CSV files beside the
 * pair's engine state ({@code ID.passes.csv}, {@code ID.folders.csv}; the last pass's warnings in
 * {@code ID.warnings.csv}; the last pass's sealed report in {@code ID.pass.json}), written atomically. A pass is recorded
 * when it starts (outcome {@code running}) and again when it ends, so a pass cut off by a crash or a closed
 * workbench stays in the history as {@code running} and is read back as interrupted. No secrets: folder names
 * and counts only.
 */
public final class PassLog {

    /** One pass. {@code kind}: full, resume, delta or retry; {@code outcome}: running, completed, interrupted, … */
    public record Pass(Instant started, Instant ended, String kind, String outcome, long copied, long alreadyPresent,
            long skipped, long bytes) {

        /** A pass still "running" in a log read by a process that does not run it was cut off. */
        public String outcomeText() {
            return outcome.equals("running") ? "interrupted (the process ended during the pass)" : outcome;
        }
    }

    /** One folder of the completeness check. */
    public record FolderCount(String source, String destination, long sourceMessages, long destinationMessages,
            long copied) {

        /** Whether the destination holds at least what the source holds. */
        public boolean complete() {
            return destinationMessages >= sourceMessages;
        }
    }

    private final Path passes;
    private final Path folders;
    private final Path warnings;
    private final Path sealed;

    public PassLog(Workspace ws, String batch, String migrationId) {
        Path dir = ws.stateDir(batch);
        this.passes = dir.resolve(migrationId + ".passes.csv");
        this.folders = dir.resolve(migrationId + ".folders.csv");
        this.warnings = dir.resolve(migrationId + ".warnings.csv");
        this.sealed = dir.resolve(migrationId + ".pass.json");
    }

    public synchronized List<Pass> passes() throws IOException {
        List<Pass> out = new ArrayList<>();
        for (CSVRecord r : read(passes)) {
            out.add(new Pass(Instant.parse(r.get(0)), r.get(1).isEmpty() ? null : Instant.parse(r.get(1)), r.get(2), r.get(3),
                    Long.parseLong(r.get(4)), Long.parseLong(r.get(5)), Long.parseLong(r.get(6)), Long.parseLong(r.get(7))));
        }
        return out;
    }

    public synchronized List<FolderCount> folders() throws IOException {
        List<FolderCount> out = new ArrayList<>();
        for (CSVRecord r : read(folders)) {
            out.add(new FolderCount(r.get(0), r.get(1), Long.parseLong(r.get(2)), Long.parseLong(r.get(3)),
                    Long.parseLong(r.get(4))));
        }
        return out;
    }

    /** The kind of the next pass, from how the last one ended. */
    public synchronized String nextKind() throws IOException {
        List<Pass> all = passes();
        if (all.isEmpty()) {
            return "full";
        }
        String last = all.get(all.size() - 1).outcome();
        return switch (last) {
            case "completed", "items skipped" -> "delta";
            case "running", "interrupted" -> "resume";
            default -> "retry";
        };
    }

    /** Records a pass that starts (or replaces the last record when {@code replaceLast}: the same pass ended). */
    public synchronized void record(Pass pass, boolean replaceLast) throws IOException {
        List<Pass> all = new ArrayList<>(passes());
        if (replaceLast && !all.isEmpty()) {
            all.set(all.size() - 1, pass);
        } else {
            all.add(pass);
        }
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            for (Pass x : all) {
                p.printRecord(x.started(), x.ended() == null ? "" : x.ended(), x.kind(), x.outcome(), x.copied(),
                        x.alreadyPresent(), x.skipped(), x.bytes());
            }
        }
        write(passes, w.toString());
    }

    public synchronized void folders(List<FolderCount> counts) throws IOException {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            for (FolderCount c : counts) {
                p.printRecord(c.source(), c.destination(), c.sourceMessages(), c.destinationMessages(), c.copied());
            }
        }
        write(folders, w.toString());
    }

    /** The warnings of the last pass that ended (a refused SUBSCRIBE: something that cost no message). */
    public synchronized List<String> warnings() throws IOException {
        return read(warnings).stream().map(r -> r.get(0)).toList();
    }

    /** Replaces the warnings with those of the pass that just ended (none clears them). */
    public synchronized void warnings(List<String> texts) throws IOException {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            for (String t : texts) {
                p.printRecord(t);
            }
        }
        write(warnings, w.toString());
    }

    /**
     * Keeps the sealed report of the pass that just ended ({@code ID.pass.json}, the text of
     * {@code org.mailmigrator.batch.run.PassSummary}: counts, skips, outcome; no timings, no secrets).
     */
    public synchronized void lastPass(String json) throws IOException {
        write(sealed, json);
    }

    /** The sealed report of the last pass that ended, if any. */
    public synchronized java.util.Optional<String> lastPass() throws IOException {
        return Files.exists(sealed) ? java.util.Optional.of(Files.readString(sealed, StandardCharsets.UTF_8))
                : java.util.Optional.empty();
    }

    /** Messages copied by this migration over all its passes, per the latest check (-1 when never checked). */
    public long copiedOverall() throws IOException {
        List<FolderCount> f = folders();
        return f.isEmpty() ? -1 : f.stream().mapToLong(FolderCount::copied).sum();
    }

    private static List<CSVRecord> read(Path f) throws IOException {
        if (!Files.exists(f)) {
            return List.of();
        }
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.parse(r).getRecords();
        }
    }

    private static void write(Path f, String text) throws IOException {
        Files.createDirectories(f.getParent());
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
