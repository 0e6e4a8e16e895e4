package org.mailmigrator.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named set of migrations, usually imported from one CSV file, run at most {@code concurrency} at a time
 * and with at most {@code perServerLimit} connections to any one server host.
 */
public record Batch(String name, List<Migration> migrations, int concurrency, int perServerLimit,
        Optional<String> notificationAddress) {
    public Batch {
        Objects.requireNonNull(name, "name");
        migrations = List.copyOf(migrations);
        if (concurrency < 1 || perServerLimit < 1) {
            throw new IllegalArgumentException("batch '" + name + "': concurrency and per-server limit must be at least 1");
        }
    }
}
