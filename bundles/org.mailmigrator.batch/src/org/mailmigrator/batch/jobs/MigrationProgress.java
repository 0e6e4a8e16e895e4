package org.mailmigrator.batch.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.core.engine.FolderProgress;

/**
 * One migration's progress at an instant: status and how long it has been in it, phase, folders, messages
 * and bytes done against the totals counted before copying ({@link ProgressTracker}: never below what was
 * done, never above 100 %), the message and byte rates over the last 30 seconds (zero unless running), the
 * ETA from the remaining bytes at that byte rate (empty when unknown), skipped items, the last error and the
 * last completed sync. {@code bytesTotal} is the bytes done plus the estimated remaining ones, 0 while
 * unknown. {@code folders} has a line per folder of the current (or last) pass run by this process; it is
 * empty for a migration only read from the store or the status file. {@code waiting} says what the row waits
 * for when that is not its own work ("Waiting for your answer: certificate of HOST"): shown instead of the
 * status label ({@link #statusText()}), never stored as a status.
 */
public record MigrationProgress(String id, String source, String destination, MigrationStatus status,
        Duration inStatus, String phase, int foldersDone, int foldersTotal, long messagesDone, long messagesTotal,
        long bytesDone, long bytesTotal, double messagesPerSecond, double bytesPerSecond, Optional<Duration> eta,
        long errors, Optional<String> lastError, Optional<Instant> lastSync, List<FolderProgress> folders,
        Optional<String> waiting) {

    public MigrationProgress {
        folders = List.copyOf(folders);
        waiting = waiting.filter(w -> !w.isBlank());
        if (waiting.isPresent()) {
            // a row that waits moves nothing: no rate, no ETA, until it goes on
            messagesPerSecond = 0;
            bytesPerSecond = 0;
            eta = Optional.empty();
        }
        // whatever the source of the figures, a person never reads "5320 / 2270"
        messagesTotal = messagesTotal > 0 ? Math.max(messagesTotal, messagesDone) : messagesTotal;
        bytesTotal = bytesTotal > 0 ? Math.max(bytesTotal, bytesDone) : bytesTotal;
        if (!status.equals(MigrationStatus.RUNNING)) {
            messagesPerSecond = 0;
            bytesPerSecond = 0;
            eta = Optional.empty();
        }
    }

    /** A row that waits for nothing but its own work. */
    public MigrationProgress(String id, String source, String destination, MigrationStatus status, Duration inStatus,
            String phase, int foldersDone, int foldersTotal, long messagesDone, long messagesTotal, long bytesDone,
            long bytesTotal, double messagesPerSecond, double bytesPerSecond, Optional<Duration> eta, long errors,
            Optional<String> lastError, Optional<Instant> lastSync, List<FolderProgress> folders) {
        this(id, source, destination, status, inStatus, phase, foldersDone, foldersTotal, messagesDone, messagesTotal,
                bytesDone, bytesTotal, messagesPerSecond, bytesPerSecond, eta, errors, lastError, lastSync, folders,
                Optional.empty());
    }

    /** A row without per-folder lines (read from the store or the status file). */
    public MigrationProgress(String id, String source, String destination, MigrationStatus status, Duration inStatus,
            String phase, int foldersDone, int foldersTotal, long messagesDone, long messagesTotal, long bytesDone,
            long bytesTotal, double messagesPerSecond, double bytesPerSecond, Optional<Duration> eta, long errors,
            Optional<String> lastError, Optional<Instant> lastSync) {
        this(id, source, destination, status, inStatus, phase, foldersDone, foldersTotal, messagesDone, messagesTotal,
                bytesDone, bytesTotal, messagesPerSecond, bytesPerSecond, eta, errors, lastError, lastSync, List.of());
    }

    /** The same row waiting for {@code what} (empty: waiting for nothing). */
    public MigrationProgress withWaiting(Optional<String> what) {
        return new MigrationProgress(id, source, destination, status, inStatus, phase, foldersDone, foldersTotal,
                messagesDone, messagesTotal, bytesDone, bytesTotal, messagesPerSecond, bytesPerSecond, eta, errors,
                lastError, lastSync, folders, what);
    }

    /** What a person reads as the row's status: what it waits for, else the status's label. */
    public String statusText() {
        return waiting.orElse(status == MigrationStatus.WAITING_FOR_QUOTA
                ? MigrationStatus.quotaLabel(lastError.orElse("")) : status.label());
    }

    /** Messages done out of the total, 0 to 100; 100 for a synced row without counts; -1 while nothing is counted. */
    public int percent() {
        if (messagesTotal <= 0) {
            return status.synced() ? 100 : -1;
        }
        return (int) Math.min(100, messagesDone * 100 / messagesTotal);
    }

    /** The bytes still to move, -1 while unknown. */
    public long bytesRemaining() {
        return bytesTotal <= 0 ? (status.synced() ? 0 : -1) : bytesTotal - bytesDone;
    }
}
