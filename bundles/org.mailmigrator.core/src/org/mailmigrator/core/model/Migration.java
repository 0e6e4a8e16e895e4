package org.mailmigrator.core.model;

import java.util.Objects;

/** An account pair: everything in {@code source} that the options select goes to {@code destination}. */
public record Migration(String id, Account source, Account destination, MigrationOptions options) {
    public Migration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(options, "options");
    }
}
