package org.mailmigrator.batch.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.batch.store.FleetQueue;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * The workers' queue of row passes on db-scheduler ({@link FleetQueue}): one execution of the task
 * {@value #TASK} per row pass in {@value #TABLE} (created by {@link PgBatchSchema}, version 2), its instance and data
 * the text {@code BATCH/ID} (batch names have no slash; no Java serialization). db-scheduler picks due executions with
 * {@code SELECT … FOR UPDATE SKIP LOCKED}, keeps a heartbeat on each running one, and gives an execution whose worker
 * stopped beating ({@link #HEARTBEAT} × {@link #MISSED_BEATS}) to another worker. A pass that ends with the row done
 * removes its execution; one that ends with the row still to run (the worker is stopping, or the pass was cut) is put
 * back, due when the runner says (one poll interval later; a waiting row: when its wait ends), for any worker.
 * A failure of the runner itself puts the execution back in {@link #RETRY}.
 */
final class DbSchedulerQueue implements FleetQueue {
    static final String TABLE = "mm_scheduled_tasks";
    static final String TASK = "row-pass";
    static final Duration HEARTBEAT = Duration.ofSeconds(Long.getLong("mailmigrator.fleet.heartbeat.seconds", 5));
    static final int MISSED_BEATS = 4;
    static final Duration RETRY = Duration.ofSeconds(30);

    /** Text as UTF-8: the only data the row-pass task carries. */
    private static final Serializer TEXT = new Serializer() {
        @Override
        public byte[] serialize(Object data) {
            return data == null ? null : data.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public <T> T deserialize(Class<T> type, byte[] bytes) {
            return type.cast(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8));
        }
    };

    private final DataSource ds;
    private final SchedulerClient client;

    DbSchedulerQueue(DataSource ds) {
        this.ds = ds;
        this.client = SchedulerClient.Builder.create(ds, task((batch, id) -> Optional.empty())).serializer(TEXT)
                .tableName(TABLE).build();
    }

    /** The row-pass task; a pass that leaves its row runnable is put back, due when the runner says. */
    private static CustomTask<String> task(RowRunner runner) {
        ExecutionHandler<String> handler = (instance, context) -> {
            String key = instance.getData();
            int slash = key.indexOf('/');
            Optional<Instant> again;
            try {
                again = runner.run(key.substring(0, slash), key.substring(slash + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                again = Optional.of(Instant.now());
            } catch (Exception e) {
                throw new IllegalStateException("the pass of " + key + " could not be run: " + e.getMessage(), e);
            }
            Optional<Instant> due = again;
            CompletionHandler<String> remove = (complete, ops) -> ops.remove();
            CompletionHandler<String> putBack = (complete, ops) -> ops.reschedule(complete, due.get());
            return due.isEmpty() ? remove : putBack;
        };
        FailureHandler<String> retry = (complete, ops) -> ops.reschedule(complete, Instant.now().plus(RETRY));
        return Tasks.custom(TASK, String.class).onFailure(retry).onDeadExecutionRevive().execute(handler);
    }

    @Override
    public boolean queue(String batch, String migrationId) throws BatchStoreException {
        String key = batch + "/" + migrationId;
        try {
            return client.scheduleIfNotExists(task(null).instance(key, key), Instant.now());
        } catch (RuntimeException e) {
            throw new BatchStoreException("cannot queue " + key + " for the workers: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> entries() throws BatchStoreException {
        return sql("read the workers' queue", c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select task_instance from " + TABLE
                    + " where task_name = ? order by task_instance")) {
                ps.setString(1, TASK);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Taker take(String workerName, int threads, Duration poll, RowRunner runner,
            java.util.function.Consumer<String> log) {
        Scheduler scheduler = Scheduler.create(new OutageWatch(ds, log), task(runner)).serializer(TEXT).tableName(TABLE).threads(threads)
                .pollingInterval(poll).heartbeatInterval(HEARTBEAT).missedHeartbeatsLimit(MISSED_BEATS)
                .schedulerName(new SchedulerName.Fixed(workerName)).shutdownMaxWait(Duration.ofSeconds(30))
                .enableImmediateExecution().build();
        scheduler.start();
        return scheduler::stop;
    }

    private interface Sql<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T sql(String what, Sql<T> work) throws BatchStoreException {
        try (Connection c = ds.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new BatchStoreException("cannot " + what + ": " + e.getMessage(), e);
        }
    }
}
