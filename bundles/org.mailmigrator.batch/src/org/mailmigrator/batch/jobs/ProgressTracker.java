package org.mailmigrator.batch.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mailmigrator.core.engine.FolderProgress;
import org.mailmigrator.core.engine.FolderProgress.State;
import org.mailmigrator.core.engine.ProgressSnapshot;

/**
 * The honest figures of one migration across its passes, from the engine's snapshots and a count made before
 * copying. The engine only learns a folder's size when a worker reaches it, so its totals grow while it runs;
 * here each folder's total is known from the start ({@link #counted}: STATUS per folder, and what earlier
 * passes already copied), a folder's done never goes below what earlier passes copied, and a total only grows
 * when the source really holds more than counted (new mail), which {@link #drainNotes} says. A finished
 * folder's total is the engine's own (messages outside a date window are not the migration's).
 * <p>
 * Rates are measured over a moving window of what this pass wrote (messages copied, bytes moved), not of the
 * messages found already on the destination, so a resumed pass shows no burst; they are zero when the
 * migration is not running. The ETA is the remaining bytes at the observed byte rate, empty while either is
 * unknown. Thread-safe.
 */
public final class ProgressTracker {

    /** A folder before copying: messages on the source (STATUS) and already copied by earlier passes. */
    public record Counted(String folder, long messages, long copiedBefore) {
    }

    /** What a person is shown; {@code bytesRemaining} is -1 while unknown. */
    public record Figures(int foldersDone, int foldersTotal, long messagesDone, long messagesTotal, long bytesDone,
            long bytesRemaining, double messagesPerSecond, double bytesPerSecond, Optional<Duration> eta,
            List<FolderProgress> folders) {

        /** 0..100, or -1 while no total is known. */
        public int percent() {
            return messagesTotal <= 0 ? -1 : (int) Math.min(100, messagesDone * 100 / messagesTotal);
        }
    }

    private final Map<String, Counted> counted = new LinkedHashMap<>();
    /** Per folder, the most done seen in an earlier pass of this process. */
    private final Map<String, Long> carried = new HashMap<>();
    private final Map<String, Long> reportedGrowth = new HashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final RateWindow window = new RateWindow();
    private ProgressSnapshot last;
    private long bytesBefore;

    /** Starts a new pass: what the previous pass did is carried, its rate forgotten. */
    public synchronized void newPass(long nowMs) {
        if (last != null) {
            last.folders().forEach(f -> carried.merge(f.folder(), f.messagesDone(), Math::max));
            bytesBefore += last.bytesDone();
        }
        last = null;
        window.clear(nowMs);
        reportedGrowth.clear();
    }

    /** Bytes moved by passes of earlier processes (the store's cumulative figure), counted as done. */
    public synchronized void bytesBefore(long bytes) {
        bytesBefore = Math.max(bytesBefore, bytes);
    }

    /** The pass's folders counted before copying (replaces an earlier count). */
    public synchronized void counted(List<Counted> folders) {
        counted.clear();
        folders.forEach(c -> {
            counted.put(c.folder(), c);
            carried.merge(c.folder(), c.copiedBefore(), Math::max);
        });
    }

    public synchronized void update(ProgressSnapshot s, long nowMs) {
        last = s;
        window.add(nowMs, s.copied(), s.bytesDone());
        for (FolderProgress f : s.folders()) {
            Counted c = counted.get(f.folder());
            long more = c == null || f.state() == State.WAITING ? 0 : f.messagesTotal() - c.messages();
            if (more > 0 && more > reportedGrowth.getOrDefault(f.folder(), 0L)) {
                reportedGrowth.put(f.folder(), more);
                notes.add(f.folder() + ": " + more + " message(s) more than counted before the pass (new mail); the total grows");
            }
        }
    }

    /** Lines for the log since the last call (totals that grew, and why). */
    public synchronized List<String> drainNotes() {
        List<String> out = List.copyOf(notes);
        notes.clear();
        return out;
    }

    public synchronized boolean hasData() {
        return last != null || !counted.isEmpty() || !carried.isEmpty();
    }

    public synchronized Figures figures(long nowMs, boolean running) {
        Map<String, FolderProgress> current = new LinkedHashMap<>();
        if (last != null) {
            last.folders().forEach(f -> current.put(f.folder(), f));
        }
        Set<String> names = new LinkedHashSet<>(counted.keySet());
        names.addAll(current.keySet());
        if (counted.isEmpty() && current.isEmpty()) {
            names.addAll(carried.keySet());
        }
        long done = 0;
        long total = 0;
        long listedRemainingBytes = 0;
        long unlistedRemainingMessages = 0;
        int foldersDone = 0;
        List<FolderProgress> lines = new ArrayList<>();
        for (String n : names) {
            FolderProgress f = current.get(n);
            Counted c = counted.get(n);
            boolean finished = f != null && (f.state() == State.DONE || f.state() == State.FAILED);
            boolean listed = f != null && f.state() != State.WAITING;
            long d = Math.max(f == null ? 0 : f.messagesDone(), carried.getOrDefault(n, 0L));
            long t;
            if (finished && f.state() == State.DONE) {
                t = f.messagesTotal();
                d = Math.min(d, t);
                foldersDone++;
            } else {
                t = Math.max(Math.max(c == null ? 0 : c.messages(), f == null ? 0 : f.messagesTotal()), d);
                if (finished) {
                    foldersDone++;
                }
            }
            if (listed && !finished) {
                listedRemainingBytes += Math.max(0, f.bytesTotal() - f.bytesDone());
            } else if (!listed) {
                unlistedRemainingMessages += t - d;
            }
            done += d;
            total += t;
            lines.add(new FolderProgress(n, d, t, f == null ? 0 : f.bytesDone(), f == null ? 0 : f.bytesTotal(),
                    f == null ? 0 : f.skipped(), f == null ? State.WAITING : f.state()));
        }
        double[] rates = running ? window.rates(nowMs) : new double[] {0, 0};
        long remaining = -1;
        if (unlistedRemainingMessages == 0) {
            remaining = listedRemainingBytes;
        } else {
            double average = averageSize();
            if (average > 0) {
                remaining = listedRemainingBytes + (long) (unlistedRemainingMessages * average);
            }
        }
        Optional<Duration> eta = Optional.empty();
        if (running && remaining > 0 && rates[1] > 0) {
            eta = Optional.of(Duration.ofSeconds((long) Math.ceil(remaining / rates[1])));
        }
        long bytesDone = bytesBefore + (last == null ? 0 : last.bytesDone());
        return new Figures(foldersDone, names.size(), done, total, bytesDone, remaining, rates[0], rates[1], eta, lines);
    }

    /** Bytes per message seen so far in this pass: written ones, else the listed but not yet written ones. */
    private double averageSize() {
        if (last == null) {
            return 0;
        }
        if (last.copied() > 0 && last.bytesDone() > 0) {
            return last.bytesDone() / (double) (last.copied() + last.skipped());
        }
        long bytes = 0;
        long messages = 0;
        for (FolderProgress f : last.folders()) {
            if (f.state() == State.COPYING && f.bytesTotal() > f.bytesDone()) {
                bytes += f.bytesTotal() - f.bytesDone();
                messages += f.messagesTotal() - f.messagesDone();
            }
        }
        return messages <= 0 ? 0 : bytes / (double) messages;
    }
}
