package org.mailmigrator.batch.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.jobs.BatchProgress;
import org.mailmigrator.batch.jobs.MigrationProgress;

/**
 * The throughput history of a batch, kept in the workspace beside its database ({@code BATCH.throughput.csv}) so
 * that the dashboard's chart survives a restart and the report can draw it: every {@link #PERIOD_MS} while rows
 * run, one line per running row (time, row id, messages/s and bytes/s over its moving window, messages and bytes
 * done), and one line with an empty row id and zero rates when the last row stops (the line falls to zero).
 * Appended, never rewritten; a line that cannot be read (a cut-off last line after a crash) is left out.
 */
public final class ThroughputLog {
    public static final long PERIOD_MS = 5_000;

    /** One row's rates at an instant (an empty row id: nothing was running). */
    public record Sample(Instant at, String row, double messagesPerSecond, double bytesPerSecond, long messages,
            long bytes) {
    }

    /** The batch's (or the fleet's) rates over one period: the sum of its rows' rates. */
    public record Rate(Instant at, double messagesPerSecond, double bytesPerSecond) {
    }

    private ThroughputLog() {
    }

    public static Path path(Workspace ws, String batch) {
        return ws.batchesDir().resolve(batch + ".throughput.csv");
    }

    /** A progress sink that appends the samples (at most one set per batch and period; a write failure is dropped). */
    public static Consumer<BatchProgress> sink(Workspace ws) {
        Map<String, Long> lastWrite = new HashMap<>();
        Map<String, Boolean> wasRunning = new HashMap<>();
        return p -> {
            long now = p.at().toEpochMilli();
            List<MigrationProgress> running = p.migrations().stream().filter(m -> m.status() == MigrationStatus.RUNNING)
                    .toList();
            boolean before = wasRunning.getOrDefault(p.batch(), false);
            synchronized (lastWrite) {
                if (running.isEmpty() && !before) {
                    return;
                }
                if (!running.isEmpty() && now - lastWrite.getOrDefault(p.batch(), 0L) < PERIOD_MS) {
                    return;
                }
                lastWrite.put(p.batch(), now);
                wasRunning.put(p.batch(), !running.isEmpty());
            }
            StringBuilder lines = new StringBuilder();
            if (running.isEmpty()) {
                lines.append(now).append(",,0,0,0,0\n");
            }
            for (MigrationProgress m : running) {
                lines.append(String.format(Locale.ROOT, "%d,%s,%.3f,%.1f,%d,%d%n", now, m.id(), m.messagesPerSecond(),
                        m.bytesPerSecond(), m.messagesDone(), m.bytesDone()));
            }
            try {
                Path file = path(ws, p.batch());
                Files.createDirectories(file.getParent());
                Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException | UncheckedIOException e) {
                // the history serves the chart and the report; a full disk must not stop the run
            }
        };
    }

    /** The samples of a batch, oldest first; empty when it never ran (or ran before the history was kept). */
    public static List<Sample> read(Workspace ws, String batch) {
        Path file = path(ws, batch);
        List<Sample> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord c : CSVFormat.DEFAULT.parse(r)) {
                try {
                    out.add(new Sample(Instant.ofEpochMilli(Long.parseLong(c.get(0))), c.get(1), Double.parseDouble(c.get(2)),
                            Double.parseDouble(c.get(3)), Long.parseLong(c.get(4)), Long.parseLong(c.get(5))));
                } catch (RuntimeException cutOff) {
                    // a line cut off by a crash: the others still tell the history
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return out;
        }
        return out;
    }

    /**
     * Rates per {@code period}: in each period, each row's last sample, summed over the rows of one batch's
     * {@code samples} ({@link #sum} adds batches); a batch's stop line ends what ran before it in its period. Periods without samples are left
     * out.
     */
    public static List<Rate> rates(List<Sample> samples, Duration period) {
        long p = Math.max(1, period.toMillis());
        TreeMap<Long, Map<String, Sample>> byPeriod = new TreeMap<>();
        List<Sample> ordered = new ArrayList<>(samples);
        ordered.sort(java.util.Comparator.comparing(Sample::at));
        for (Sample s : ordered) {
            Map<String, Sample> rows = byPeriod.computeIfAbsent(s.at().toEpochMilli() / p, k -> new HashMap<>());
            if (s.row().isEmpty()) {
                rows.clear(); // the batch stopped: what ran before in this period is over
            }
            rows.put(s.row(), s);
        }
        List<Rate> out = new ArrayList<>();
        byPeriod.forEach((k, rows) -> out.add(new Rate(Instant.ofEpochMilli(k * p),
                rows.values().stream().mapToDouble(Sample::messagesPerSecond).sum(),
                rows.values().stream().mapToDouble(Sample::bytesPerSecond).sum())));
        return out;
    }

    /** The fleet's rates: the batches' rates of each period added up. */
    public static List<Rate> sum(List<List<Rate>> batches) {
        TreeMap<Instant, double[]> total = new TreeMap<>();
        for (List<Rate> rates : batches) {
            for (Rate r : rates) {
                double[] t = total.computeIfAbsent(r.at(), k -> new double[2]);
                t[0] += r.messagesPerSecond();
                t[1] += r.bytesPerSecond();
            }
        }
        List<Rate> out = new ArrayList<>();
        total.forEach((at, t) -> out.add(new Rate(at, t[0], t[1])));
        return out;
    }
}
