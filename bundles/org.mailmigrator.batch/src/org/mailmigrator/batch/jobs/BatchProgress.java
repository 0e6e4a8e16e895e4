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

    /** The sum of the rows' totals; rows without a count add what they have done. */
    public long messagesTotal() {
        return migrations.stream().mapToLong(p -> Math.max(p.messagesTotal(), p.messagesDone())).sum();
    }

    /**
     * Whether every row still to copy has a message count (else the batch's total is a lower bound). Synced,
     * failed and stopped rows are not waited for: they have nothing left to copy now.
     */
    public boolean totalKnown() {
        return migrations.stream().allMatch(p -> settled(p.status()) || p.messagesTotal() > 0);
    }

    private static boolean settled(MigrationStatus s) {
        return s.synced() || s == MigrationStatus.FAILED || s == MigrationStatus.STOPPED;
    }

    /** 0..100; 100 for a batch whose rows are all synced (even with nothing to copy); -1 while nothing is counted. */
    public int percent() {
        long total = messagesTotal();
        if (total <= 0) {
            return !migrations.isEmpty() && migrations.stream().allMatch(p -> p.status().synced()) ? 100 : -1;
        }
        return (int) Math.min(100, messagesDone() * 100 / total);
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

    public double bytesPerSecond() {
        return migrations.stream().mapToDouble(MigrationProgress::bytesPerSecond).sum();
    }

    /**
     * The remaining bytes of the batch at its current byte rate. Rows whose remaining bytes are not known yet
     * (not counted, or counted in messages only) are estimated at the batch's average message size; empty when
     * a row that is not finished has no count at all, when nothing moves, or when nothing is left.
     */
    public Optional<Duration> eta() {
        double rate = bytesPerSecond();
        if (rate <= 0 || !totalKnown()) {
            return Optional.empty();
        }
        long done = messagesDone();
        double average = done <= 0 ? 0 : bytesDone() / (double) done;
        double remaining = 0;
        for (MigrationProgress p : migrations) {
            if (settled(p.status())) {
                continue;
            }
            long r = p.bytesRemaining();
            if (r >= 0) {
                remaining += r;
            } else if (average > 0) {
                remaining += (p.messagesTotal() - p.messagesDone()) * average;
            } else {
                return Optional.empty();
            }
        }
        return remaining <= 0 ? Optional.empty() : Optional.of(Duration.ofSeconds((long) Math.ceil(remaining / rate)));
    }
}
