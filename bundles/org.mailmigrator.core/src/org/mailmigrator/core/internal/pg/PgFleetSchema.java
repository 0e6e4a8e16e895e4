package org.mailmigrator.core.internal.pg;

import java.util.List;

import javax.sql.DataSource;

import org.mailmigrator.core.state.StateException;

/**
 * The tables of the limits shared by the processes of one database ({@link PgSharedLimits}), versioned by Flyway with
 * a history table of their own ({@value #HISTORY}), apart from the state store's ({@link PgSchema}): each part of the
 * product migrates its own tables, and none edits another's versions. The schema already holds the state store's
 * tables when this runs, so Flyway is told to start its own history there ({@code baselineOnMigrate} at version 0)
 * rather than refuse a non-empty schema.
 * <ul>
 * <li>{@code mm_host_lease}: one row per host and holder reservation: how many connections, by whom (host name, pid),
 * until when (the database's clock; renewed by the holder; an expired row counts no more);
 * <li>{@code mm_host_pause}: until when a host is paused after a throttling answer.
 * </ul>
 */
final class PgFleetSchema {
    static final String HISTORY = "mm_fleet_schema_history";

    static final List<PgVersion> MIGRATIONS = List.of(new PgVersion("1", "host leases and pauses", List.of(
            "create table mm_host_lease(id text primary key, host text not null, holder text not null, "
                    + "connections integer not null, taken timestamptz not null default clock_timestamp(), "
                    + "expires timestamptz not null)",
            "create index mm_host_lease_host on mm_host_lease(host, expires)",
            "create table mm_host_pause(host text primary key, until timestamptz not null)")));

    private PgFleetSchema() {
    }

    static void migrate(DataSource ds, String shown) throws StateException {
        PgSchema.migrate(ds, shown, HISTORY, MIGRATIONS);
    }
}
