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

    /** Rows that wait for something outside their work (a person's answer), by what they wait for. */
    public Map<String, Integer> waiting() {
        Map<String, Integer> m = new java.util.TreeMap<>();
        migrations.forEach(p -> p.waiting().ifPresent(w -> m.merge(w, 1, Integer::sum)));
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

    /** Rows still to copy that have no message count yet (they count when their pass starts). */
    public int uncounted() {
        return (int) migrations.stream().filter(p -> !settled(p.status()) && p.messagesTotal() <= 0).count();
    }

    /**
     * The remaining bytes of the batch at its current byte rate. Rows whose remaining bytes are not known yet
     * (counted in messages only) are estimated at the batch's average message size; empty when a row that is not
     * finished has no count at all, when nothing moves, or when nothing is left. See {@link #etaAtLeast()}.
     */
    public Optional<Duration> eta() {
        return totalKnown() ? remainingOfCounted() : Optional.empty();
    }

    /**
     * While some rows are not counted yet: the time the counted rows still need at the batch's current byte
     * rate, which the batch needs at least (the uncounted rows only add to it). Empty when every row is counted
     * (then {@link #eta()} is the whole), when nothing is counted or moves.
     */
    public Optional<Duration> etaAtLeast() {
        return totalKnown() ? Optional.empty() : remainingOfCounted();
    }

    /** Why no ETA is shown (for a tooltip), empty when one is. */
    public Optional<String> etaMissing() {
        if (eta().isPresent()) {
            return Optional.empty();
        }
        if (etaAtLeast().isPresent()) {
            return Optional.of(uncounted() + " row(s) not counted yet: their time is not in it (at least this long)");
        }
        if (migrations.stream().allMatch(p -> settled(p.status()))) {
            return Optional.of("no row is copying now");
        }
        if (bytesPerSecond() <= 0) {
            return Optional.of("no rate yet: nothing has been copied in the last 30 seconds");
        }
        if (migrations.stream().noneMatch(p -> !settled(p.status()) && p.messagesTotal() > 0)) {
            return Optional.of("no row counted yet: rows count their messages when their pass starts");
        }
        return Optional.of("nothing left to copy in the counted rows");
    }

    /** The counted rows' remaining bytes (messages only counted: the batch's average size) at the byte rate. */
    private Optional<Duration> remainingOfCounted() {
        double rate = bytesPerSecond();
        if (rate <= 0) {
            return Optional.empty();
        }
        long done = messagesDone();
        double average = done <= 0 ? 0 : bytesDone() / (double) done;
        double remaining = 0;
        for (MigrationProgress p : migrations) {
            if (settled(p.status()) || p.messagesTotal() <= 0) {
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
