package org.mailmigrator.core.engine;

import java.time.Duration;
import java.util.List;

/**
 * An immutable view of a run's progress for listeners. Totals grow while folders are listed; {@code copied}
 * counts only messages written in this run. {@code folders} has one line per planned folder, in plan order.
 */
public record ProgressSnapshot(int foldersDone, int foldersTotal, long messagesDone, long messagesTotal,
        long bytesDone, long bytesTotal, long copied, long skipped, Duration elapsed, List<FolderProgress> folders) {

    public ProgressSnapshot {
        folders = List.copyOf(folders);
    }

    /** A snapshot without per-folder lines. */
    public ProgressSnapshot(int foldersDone, int foldersTotal, long messagesDone, long messagesTotal, long bytesDone,
            long bytesTotal, long copied, long skipped, Duration elapsed) {
        this(foldersDone, foldersTotal, messagesDone, messagesTotal, bytesDone, bytesTotal, copied, skipped, elapsed,
                List.of());
    }

    /** Messages per second over the whole run so far. */
    public double messagesPerSecond() {
        double s = Math.max(elapsed.toMillis(), 1) / 1000.0;
        return copied / s;
    }

    /** Remaining time at the current byte rate, or null when unknown. */
    public Duration eta() {
        long ms = elapsed.toMillis();
        if (bytesDone <= 0 || ms <= 0 || bytesTotal <= bytesDone) {
            return null;
        }
        return Duration.ofMillis((long) ((bytesTotal - bytesDone) * (ms / (double) bytesDone)));
    }
}
