package org.mailmigrator.batch.internal;

import java.util.List;

import org.mailmigrator.core.internal.pg.PgVersion;

/**
 * The batch store's tables in PostgreSQL, versioned by Flyway under their own history table
 * ({@value #HISTORY}; the engine state's tables have theirs, {@code mm_schema_history}). The same tables and
 * columns as the embedded store's ({@link MigrationRows#SCHEMA}, which grew by {@code alter table}: here version 1
 * holds them all), so that {@link SqlBatchStore}'s statements serve both; plus {@code batch_claim}, the leases of
 * {@link PgBatchStore}'s row claims; version 2 the workers' queue ({@link DbSchedulerQueue}, db-scheduler's table as its
 * project publishes it for PostgreSQL); version 3 {@code batch_request}, the pauses and stops asked of the process
 * that holds a row ({@link PgRowRequests}); version 4 what the processes of a fleet must see alike: the rows' pass
 * histories ({@code row_record}, {@link PgRowRecords}), the daily transfer budgets ({@code transfer_budget},
 * {@link PgBudgetCounts}) and the marker of a batch's run under way ({@code batch_notice}, {@link PgRunNotices}). A
 * released version is never edited: a change is a new version appended.
 */
final class PgBatchSchema {
    static final String HISTORY = "mm_batch_schema_history";

    static final List<PgVersion> VERSIONS = List.of(new PgVersion("1", "batches, migrations, secrets, claims", List.of(
            "create table batch(name text primary key, concurrency int not null, per_host int not null, notify text, "
                    + "schedule bigint, created bigint not null, started bigint, finished bigint)",
            "create table migration(batch text not null, idx int not null, id text not null, src_connector text, "
                    + "src_settings text, src_cred text, dst_connector text, dst_settings text, dst_cred text, "
                    + "includes text, excludes text, folder_map text, mirror boolean, status text not null, "
                    + "since bigint not null, time_in text, last_error text, copied bigint default 0, "
                    + "skipped bigint default 0, bytes bigint default 0, last_sync bigint, pim text, pim_summary text, "
                    + "kinds text, since_ms bigint, before_ms bigint, max_size bigint, not_before bigint, gmail text, "
                    + "primary key(batch, id))",
            "create table secret(k text primary key, batch text not null, data bytea not null)",
            "create table skipped(batch text not null, migration text not null, folder text, uid bigint, subject text, "
                    + "msg_date bigint, size bigint, reason text, item_id text)",
            "create index skipped_idx on skipped(batch, migration)",
            "create table batch_claim(batch text not null, migration text not null, worker text not null, "
                    + "expires timestamptz not null, primary key(batch, migration))")),
            new PgVersion("2", "the workers' queue of row passes (db-scheduler)", List.of(
                    "create table " + DbSchedulerQueue.TABLE + "(task_name text not null, task_instance text not null, "
                            + "task_data bytea, execution_time timestamptz not null, picked boolean not null, "
                            + "picked_by text, last_success timestamptz, last_failure timestamptz, "
                            + "consecutive_failures int, last_heartbeat timestamptz, version bigint not null, "
                            + "priority smallint, primary key(task_name, task_instance))",
                    "create index mm_scheduled_tasks_execution_time on " + DbSchedulerQueue.TABLE + "(execution_time)",
                    "create index mm_scheduled_tasks_heartbeat on " + DbSchedulerQueue.TABLE + "(last_heartbeat)",
                    "create index mm_scheduled_tasks_priority on " + DbSchedulerQueue.TABLE
                            + "(priority desc, execution_time asc)")),
            new PgVersion("3", "pauses and stops asked of the process that runs a row", List.of(
                    "create table batch_request(batch text not null, migration text not null, action text not null, "
                            + "asked_by text not null, asked timestamptz not null, held_by text, "
                            + "primary key(batch, migration))")),
            new PgVersion("4", "pass histories, daily transfer budgets and run notices shared by the fleet", List.of(
                    "create table row_record(batch text not null, migration text not null, kind text not null, "
                            + "body text not null, primary key(batch, migration, kind))",
                    "create table transfer_budget(k text primary key, window_start bigint not null, "
                            + "bytes bigint not null)",
                    "create table batch_notice(batch text primary key, since timestamptz not null)")));

    private PgBatchSchema() {
    }
}
