package org.mailmigrator.batch.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.batch.store.RowClaims;

/**
 * What {@code mailmigrator worker --store URL --slots N} runs (docs/postgresql.md): every runnable row of every batch
 * of a shared store, at most {@code slots} at once over all batches, asking the store again every poll interval and
 * whenever one of its rows ends. A row is runnable when it is Queued ({@code batch run NAME --no-wait} queues a
 * batch's rows), Interrupted (a process that was stopped), or left Running or in Pre-flight by a process whose claim
 * ran out (it died). The worker picks and claims a row in the database in one step ({@link RowClaims#claimNext}: one
 * {@code SELECT … FOR UPDATE SKIP LOCKED}, the claim the lease {@code batch run} processes take too), so two workers
 * never both start it; a row whose batch already runs as many rows as its concurrency over all processes, or whose
 * schedule has not come, is not taken (and holds no slot). The row's pass then runs as a job of the workspace's
 * {@link BatchManager}, under the fleet's host limits. Paused, Stopped, Failed and synced rows are left alone until
 * queued again.
 */
public final class FleetWorker {
    private static final Set<MigrationStatus> RUNNABLE = EnumSet.of(MigrationStatus.QUEUED, MigrationStatus.INTERRUPTED,
            MigrationStatus.RUNNING, MigrationStatus.PREFLIGHT);

    private final BatchManager manager;
    private final BatchStore store;
    private final int slots;
    private final RunSettings settings;
    private final Consumer<String> log;
    /** The poll loop waits on it; a row's job that ends wakes it (never held while calling out). */
    private final Object wake = new Object();
    /** Held by a poll, and by {@link #stop} to set {@link #stopping}: no row starts after a stop. */
    private final Object polling = new Object();
    private volatile boolean stopping;
    /** A job ended since the loop last looked (guarded by {@link #wake}). */
    private boolean woken;

    /**
     * @param log one line per status change of this worker's rows ({@code BATCH/ID Label}) and per store problem
     */
    public FleetWorker(BatchManager manager, BatchStore store, int slots, RunSettings settings, Consumer<String> log) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be at least 1");
        }
        this.manager = manager;
        this.store = store;
        this.slots = slots;
        this.settings = settings;
        this.log = log;
        manager.addListener(new BatchListener() {
            @Override
            public void migrationChanged(String batch, MigrationState state) {
                log.accept(batch + "/" + state.migrationId() + " " + state.status().label());
            }

            @Override
            public void jobEnded(String batch, String migrationId) {
                synchronized (wake) {
                    woken = true; // also when the loop is polling now: it looks again at once
                    wake.notifyAll(); // its slot is free and its claim given back: look for work at once
                }
            }
        });
    }

    /**
     * Claims and starts runnable rows while slots are free: each row picked by one query over every batch of the
     * store ({@link RowClaims#claimNext}: not held by a live process, its schedule come, its batch under its
     * concurrency over all processes).
     *
     * @return how many rows were started
     */
    public int poll() throws BatchStoreException {
        synchronized (polling) {
            RowClaims claims = store.claims();
            List<RowClaims.Row> passed = new ArrayList<>();
            int started = 0;
            while (!stopping && manager.activeJobs() < slots) {
                Optional<RowClaims.Row> next = claims.claimNext(RUNNABLE, passed,
                        r -> manager.holds(r.batch(), r.migrationId()));
                if (next.isEmpty()) {
                    return started;
                }
                RowClaims.Row row = next.get();
                passed.add(row);
                if (manager.holds(row.batch(), row.migrationId())) {
                    continue; // its job has it (and goes on with this claim)
                }
                if (manager.start(row.batch(), Selection.PENDING, List.of(row.migrationId()), settings) == 0) {
                    claims.release(row.batch(), row.migrationId());
                } else {
                    started++;
                }
            }
            return started;
        }
    }

    /** Polls every {@code every} (and when a row ends) until {@link #stop} is called. */
    public void run(Duration every) throws InterruptedException {
        while (true) {
            try {
                poll();
            } catch (BatchStoreException e) {
                log.accept("store: " + e.getMessage()); // the database away longer than its reconnection window
            }
            synchronized (wake) {
                if (stopping) {
                    return;
                }
                if (!woken) {
                    wake.wait(every.toMillis());
                }
                woken = false;
            }
            if (stopping) {
                return;
            }
        }
    }

    /**
     * Takes no more rows and stops the running ones between two messages: they are stored Interrupted and their
     * claims given back, for any worker to resume.
     *
     * @return whether rows were running (then stopped)
     */
    public boolean stop(Duration wait) throws InterruptedException {
        synchronized (polling) {
            stopping = true;
        }
        synchronized (wake) {
            wake.notifyAll();
        }
        boolean busy = manager.activeJobs() > 0;
        manager.shutdown(wait);
        return busy;
    }
}
