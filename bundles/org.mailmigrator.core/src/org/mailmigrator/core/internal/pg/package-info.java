/**
 * The PostgreSQL implementation of {@link org.mailmigrator.core.state.StateStore} and
 * {@link org.mailmigrator.core.pim.PimState}: one database holds the state of many account pairs (each row keyed by
 * the pair's store name), with the same semantics as the embedded H2 store: every method is one transaction, the
 * journal discipline is the engine's. {@code PgSession} is one connection of one account pair: it holds the pair's
 * advisory lock (one run of a pair at a time, across machines), and reconnects and repeats a transaction when the
 * server went away (a restart), within a window shorter than {@code WatchedStore}'s deadline. The schema is versioned
 * by Flyway ({@code PgSchema}: Java migrations handed over, no class-path scanning under OSGi). {@code PgSharedLimits}
 * keeps the limits shared by every process of the database (host leases with expiry, pauses announced by NOTIFY,
 * advisory locks) in tables versioned apart ({@code PgFleetSchema}, history {@code mm_fleet_schema_history}).
 * <p>
 * Reached only through {@link org.mailmigrator.core.state.DatabaseStore}; uses the core state and pim packages, the
 * PostgreSQL JDBC driver and Flyway. Exported ({@code x-friends}) to {@code core.tests} and to {@code batch}, whose
 * store keeps its tables in the same database through {@code PgConnection} and {@code PgStores.migrate} ({@code PgVersion}
 * with its own history table).
 */
package org.mailmigrator.core.internal.pg;
