package org.mailmigrator.batch;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.mailmigrator.core.model.Migration;

/**
 * A batch as stored: its account pairs (credentials only as references into the secret vault), how many
 * run at once, how many connections any one server host may get, who is told, and when it starts.
 * {@code schedule} empty means "now". {@code pim} holds, by migration id, the calendar and contacts legs of
 * the rows that have some.
 */
public record BatchSpec(String name, List<Migration> migrations, int concurrency, int perHostLimit,
        Optional<String> notificationAddress, Optional<Instant> schedule, Instant created,
        Map<String, List<PimLeg>> pim) {

    /** A batch without calendar or contacts legs. */
    public BatchSpec(String name, List<Migration> migrations, int concurrency, int perHostLimit,
            Optional<String> notificationAddress, Optional<Instant> schedule, Instant created) {
        this(name, migrations, concurrency, perHostLimit, notificationAddress, schedule, created, Map.of());
    }

    public BatchSpec {
        Objects.requireNonNull(name, "name");
        migrations = List.copyOf(migrations);
        pim = Map.copyOf(pim);
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("batch name '" + name
                    + "' must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (concurrency < 1 || perHostLimit < 1) {
            throw new IllegalArgumentException("batch '" + name + "': concurrency and per-host limit must be at least 1");
        }
    }

    public BatchSpec withLimits(int newConcurrency, int newPerHost) {
        return new BatchSpec(name, migrations, newConcurrency, newPerHost, notificationAddress, schedule, created, pim);
    }

    /** The calendar and contacts legs of a migration (run after its mail pass), in column order. */
    public List<PimLeg> pim(String migrationId) {
        return pim.getOrDefault(migrationId, List.of());
    }
}
