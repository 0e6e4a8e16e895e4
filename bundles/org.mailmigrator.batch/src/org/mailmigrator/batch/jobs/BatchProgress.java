package org.mailmigrator.batch.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.batch.MigrationStatus;

/** An immutable snapshot of a whole batch: one row per migration and the batch totals. */
public record BatchProgress(String batch, Instant at, List<MigrationProgress> migrations) {

    public BatchProgress {
        migrations = List.copyOf(migrations);
    }

    public Map<MigrationStatus, Integer> countByStatus() {
        Map<MigrationStatus, Integer> m = new EnumMap<>(MigrationStatus.class);
        migrations.forEach(p -> m.merge(p.status(), 1, Integer::sum));
        return m;
    }

    public long messagesDone() {
        return migrations.stream().mapToLong(MigrationProgress::messagesDone).sum();
    }

    public long messagesTotal() {
        return migrations.stream().mapToLong(MigrationProgress::messagesTotal).sum();
    }

    public long bytesDone() {
        return migrations.stream().mapToLong(MigrationProgress::bytesDone).sum();
    }

    public long bytesTotal() {
        return migrations.stream().mapToLong(MigrationProgress::bytesTotal).sum();
    }

    public double messagesPerSecond() {
        return migrations.stream().mapToDouble(MigrationProgress::messagesPerSecond).sum();
    }

    /** At the current rate, when the rate and the totals are known. */
    public Optional<Duration> eta() {
        double rate = messagesPerSecond();
        long left = messagesTotal() - messagesDone();
        return rate <= 0 || left <= 0 ? Optional.empty() : Optional.of(Duration.ofSeconds((long) (left / rate)));
    }
}
