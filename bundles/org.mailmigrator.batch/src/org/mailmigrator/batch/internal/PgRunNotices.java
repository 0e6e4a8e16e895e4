package org.mailmigrator.batch.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.batch.store.RunNotices;

/**
 * The run notices of {@link PgBatchStore}: a batch's run under way is one row of {@code batch_notice}, inserted once
 * by the first process whose part starts (it tells "started") and deleted once by the process whose part ends
 * while nothing of the batch is left to run anywhere (it tells "finished"). The end is decided under the batch's
 * transaction advisory lock ({@code mm-batch:NAME}, the claims' own), from what every process stored: the rows'
 * statuses, the live claims of the others and the workers' queue.
 */
final class PgRunNotices implements RunNotices {
    /** A row in one of these is not done: its pass runs, waits, or was cut off and will be resumed. */
    private static final String UNDONE = "('RUNNING','PREFLIGHT','WAITING_FOR_QUOTA','INTERRUPTED')";
    private final PgBatchStore store;
    private final String worker;

    PgRunNotices(PgBatchStore store, String worker) {
        this.store = store;
        this.worker = worker;
    }

    @Override
    public boolean begin(String batch) throws BatchStoreException {
        return store.tx("mark the run of " + batch + " begun", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into batch_notice(batch, since) values (?, now()) on conflict (batch) do nothing")) {
                ps.setString(1, batch);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean end(String batch) throws BatchStoreException {
        return store.tx("mark the run of " + batch + " ended", c -> {
            try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                ps.setString(1, "mm-batch:" + batch);
                ps.executeQuery().close();
            }
            try (PreparedStatement ps = c.prepareStatement("select "
                    + "(select count(*) from batch_claim where batch = ? and worker <> ? and expires > now()) "
                    + "+ (select count(*) from migration where batch = ? and status in " + UNDONE + ") "
                    + "+ (select count(*) from " + DbSchedulerQueue.TABLE + " t join migration m "
                    + "on t.task_instance = m.batch || '/' || m.id where t.task_name = ? and m.batch = ? "
                    + "and m.status = 'QUEUED')")) {
                ps.setString(1, batch);
                ps.setString(2, worker);
                ps.setString(3, batch);
                ps.setString(4, DbSchedulerQueue.TASK);
                ps.setString(5, batch);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return false; // another process's part goes on: it tells the end
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("delete from batch_notice where batch = ?")) {
                ps.setString(1, batch);
                return ps.executeUpdate() == 1;
            }
        });
    }
}
