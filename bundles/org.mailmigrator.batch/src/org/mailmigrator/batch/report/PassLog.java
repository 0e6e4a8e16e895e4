package org.mailmigrator.batch.report;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.batch.store.RowRecords;

/**
 * What each pass of one migration did, and the latest completeness check (per folder: messages on the source,
 * on the destination, and copied by this migration over all its passes), as two small CSV files beside the
 * pair's engine state ({@code ID.passes.csv}, {@code ID.folders.csv}; the last pass's warnings in
 * {@code ID.warnings.csv}; the last pass's sealed report in {@code ID.pass.json}), written atomically; with a shared
 * store ({@code --store}: {@link #of}) the same texts are rows of the store's {@link RowRecords}, so that every
 * machine's report has every row's passes. A pass is recorded
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

    /** Where the four texts live: files beside the row's state, or a shared store's {@link RowRecords}. */
    private interface Texts {
        Optional<String> read(String kind) throws IOException;

        void write(String kind, String text) throws IOException;
    }

    private static final String PASSES = "passes";
    private static final String FOLDERS = "folders";
    private static final String WARNINGS = "warnings";
    private static final String SEALED = "pass.json";
    private final Texts texts;

    /** The files of a workspace folder ({@code ID.passes.csv}, …, beside the row's state). */
    public PassLog(Workspace ws, String batch, String migrationId) {
        Path dir = ws.stateDir(batch);
        this.texts = new Texts() {
            @Override
            public Optional<String> read(String kind) throws IOException {
                Path f = file(kind);
                return Files.exists(f) ? Optional.of(Files.readString(f, StandardCharsets.UTF_8)) : Optional.empty();
            }

            @Override
            public void write(String kind, String text) throws IOException {
                Path f = file(kind);
                Files.createDirectories(f.getParent());
                Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }

            private Path file(String kind) {
                return dir.resolve(migrationId + "." + (kind.equals(SEALED) ? kind : kind + ".csv"));
            }
        };
    }

    /** Kept by a shared store: every process reads and writes the same history of the row, whichever ran it. */
    private PassLog(RowRecords records, String batch, String migrationId) {
        this.texts = new Texts() {
            @Override
            public Optional<String> read(String kind) throws IOException {
                try {
                    return records.rowRecord(batch, migrationId, kind);
                } catch (BatchStoreException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }

            @Override
            public void write(String kind, String text) throws IOException {
                try {
                    records.saveRowRecord(batch, migrationId, kind, text);
                } catch (BatchStoreException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }
        };
    }

    /**
     * The pass log of a row of {@code store}: in the store when it keeps the rows' histories (PostgreSQL,
     * {@code --store}: shared by every machine), else the files of the workspace folder {@code ws}.
     */
    public static PassLog of(BatchStore store, Workspace ws, String batch, String migrationId) {
        return store.rowRecords().map(r -> new PassLog(r, batch, migrationId))
                .orElseGet(() -> new PassLog(ws, batch, migrationId));
    }

    public synchronized List<Pass> passes() throws IOException {
        List<Pass> out = new ArrayList<>();
        for (CSVRecord r : read(PASSES)) {
            out.add(new Pass(Instant.parse(r.get(0)), r.get(1).isEmpty() ? null : Instant.parse(r.get(1)), r.get(2), r.get(3),
                    Long.parseLong(r.get(4)), Long.parseLong(r.get(5)), Long.parseLong(r.get(6)), Long.parseLong(r.get(7))));
        }
        return out;
    }

    public synchronized List<FolderCount> folders() throws IOException {
        List<FolderCount> out = new ArrayList<>();
        for (CSVRecord r : read(FOLDERS)) {
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
        this.texts.write(PASSES, w.toString());
    }

    public synchronized void folders(List<FolderCount> counts) throws IOException {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            for (FolderCount c : counts) {
                p.printRecord(c.source(), c.destination(), c.sourceMessages(), c.destinationMessages(), c.copied());
            }
        }
        this.texts.write(FOLDERS, w.toString());
    }

    /** The warnings of the last pass that ended (a refused SUBSCRIBE: something that cost no message). */
    public synchronized List<String> warnings() throws IOException {
        return read(WARNINGS).stream().map(r -> r.get(0)).toList();
    }

    /** Replaces the warnings with those of the pass that just ended (none clears them). */
    public synchronized void warnings(List<String> texts) throws IOException {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            for (String t : texts) {
                p.printRecord(t);
            }
        }
        this.texts.write(WARNINGS, w.toString());
    }

    /**
     * Keeps the sealed report of the pass that just ended ({@code ID.pass.json}, the text of
     * {@code org.mailmigrator.batch.run.PassSummary}: counts, skips, outcome; no timings, no secrets).
     */
    public synchronized void lastPass(String json) throws IOException {
        this.texts.write(SEALED, json);
    }

    /** The sealed report of the last pass that ended, if any. */
    public synchronized java.util.Optional<String> lastPass() throws IOException {
        return texts.read(SEALED);
    }

    /** Messages copied by this migration over all its passes, per the latest check (-1 when never checked). */
    public long copiedOverall() throws IOException {
        List<FolderCount> f = folders();
        return f.isEmpty() ? -1 : f.stream().mapToLong(FolderCount::copied).sum();
    }

    private List<CSVRecord> read(String kind) throws IOException {
        Optional<String> text = texts.read(kind);
        if (text.isEmpty()) {
            return List.of();
        }
        try (Reader r = new StringReader(text.get())) {
            return CSVFormat.DEFAULT.parse(r).getRecords();
        }
    }
}
