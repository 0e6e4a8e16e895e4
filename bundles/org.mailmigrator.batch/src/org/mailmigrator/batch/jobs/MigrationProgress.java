package org.mailmigrator.batch.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.core.engine.FolderProgress;

/**
 * One migration's progress at an instant: status and how long it has been in it, phase, folders, messages
 * and bytes done against the totals counted so far (pre-flight counts when a pre-flight ran), the rate over
 * the last 30 seconds, the ETA at that rate, skipped items, the last error and the last completed sync.
 * {@code folders} has a line per folder of the current (or last) pass run by this process; it is empty for a
 * migration only read from the store or the status file.
 */
public record MigrationProgress(String id, String source, String destination, MigrationStatus status,
        Duration inStatus, String phase, int foldersDone, int foldersTotal, long messagesDone, long messagesTotal,
        long bytesDone, long bytesTotal, double messagesPerSecond, Optional<Duration> eta, long errors,
        Optional<String> lastError, Optional<Instant> lastSync, List<FolderProgress> folders) {

    public MigrationProgress {
        folders = List.copyOf(folders);
    }

    /** A row without per-folder lines (read from the store or the status file). */
    public MigrationProgress(String id, String source, String destination, MigrationStatus status, Duration inStatus,
            String phase, int foldersDone, int foldersTotal, long messagesDone, long messagesTotal, long bytesDone,
            long bytesTotal, double messagesPerSecond, Optional<Duration> eta, long errors, Optional<String> lastError,
            Optional<Instant> lastSync) {
        this(id, source, destination, status, inStatus, phase, foldersDone, foldersTotal, messagesDone, messagesTotal,
                bytesDone, bytesTotal, messagesPerSecond, eta, errors, lastError, lastSync, List.of());
    }
}
