package org.mailmigrator.batch.jobs;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.Workspace;

/**
 * The last progress snapshot of a running batch, as a small CSV file beside the batch database. The
 * embedded database is locked by the process running the batch, so another process (the status command,
 * a second workbench) reads this instead. Written atomically: at once when a status changes, else at most
 * four times a second with progress; no secrets. A row that waits (a certificate question open in the
 * workbench) carries what it waits for in its last column.
 */
public final class StatusFile {
    private StatusFile() {
    }

    public static Path path(Workspace ws, String batch) {
        return ws.batchesDir().resolve(batch + ".status.csv");
    }

    public static void write(Workspace ws, BatchProgress p) throws IOException {
        StringWriter w = new StringWriter();
        try (CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            out.printRecord("batch", p.batch(), p.at().toEpochMilli());
            for (MigrationProgress m : p.migrations()) {
                out.printRecord(m.id(), m.source(), m.destination(), m.status().name(), m.inStatus().toMillis(), m.phase(),
                        m.foldersDone(), m.foldersTotal(), m.messagesDone(), m.messagesTotal(), m.bytesDone(),
                        m.bytesTotal(), m.messagesPerSecond(), m.eta().map(Duration::toMillis).orElse(-1L), m.errors(),
                        m.lastError().orElse(""), m.lastSync().map(Instant::toEpochMilli).orElse(-1L), m.bytesPerSecond(),
                        m.waiting().orElse(""));
            }
        }
        Path target = path(ws, p.batch());
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, w.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static Optional<BatchProgress> read(Workspace ws, String batch) throws IOException {
        Path f = path(ws, batch);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        List<MigrationProgress> rows = new ArrayList<>();
        Instant at = Instant.EPOCH;
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            for (CSVRecord c : CSVFormat.DEFAULT.parse(r)) {
                if (c.get(0).equals("batch") && c.size() == 3) {
                    at = Instant.ofEpochMilli(Long.parseLong(c.get(2)));
                    continue;
                }
                long eta = Long.parseLong(c.get(13));
                long sync = Long.parseLong(c.get(16));
                rows.add(new MigrationProgress(c.get(0), c.get(1), c.get(2), MigrationStatus.valueOf(c.get(3)),
                        Duration.ofMillis(Long.parseLong(c.get(4))), c.get(5), Integer.parseInt(c.get(6)),
                        Integer.parseInt(c.get(7)), Long.parseLong(c.get(8)), Long.parseLong(c.get(9)),
                        Long.parseLong(c.get(10)), Long.parseLong(c.get(11)), Double.parseDouble(c.get(12)),
                        c.size() > 17 ? Double.parseDouble(c.get(17)) : 0,
                        eta < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(eta)), Long.parseLong(c.get(14)),
                        c.get(15).isEmpty() ? Optional.empty() : Optional.of(c.get(15)),
                        sync < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(sync)), List.of(),
                        c.size() > 18 ? Optional.of(c.get(18)) : Optional.empty()));
            }
        }
        return Optional.of(new BatchProgress(batch, at, rows));
    }
}
