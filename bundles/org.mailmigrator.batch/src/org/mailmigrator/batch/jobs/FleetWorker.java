package org.mailmigrator.batch.jobs;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
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
 * ran out (it died). The worker takes a row by claiming it ({@link RowClaims}, the lease {@code batch run} processes
 * take too) and then reading its status again, so two workers never both start it; the row's pass then runs as a
 * job of the workspace's {@link BatchManager}, under its batch's concurrency and the fleet's host limits. Paused,
 * Stopped, Failed and synced rows are left alone until queued again.
 */
public final class FleetWorker {
    private static final Set<MigrationStatus> RUNNABLE = EnumSet.of(MigrationStatus.QUEUED, MigrationStatus.INTERRUPTED,
            MigrationStatus.RUNNING, MigrationStatus.PREFLIGHT);

    private final BatchManager manager;
    private final BatchStore store;
    private final int slots;
    private final RunSettings settings;
    private final Consumer<String> log;
    /** The poll loop waits on it; a row that ends wakes it (never held while calling out). */
    private final Object wake = new Object();
    /** Held by a poll, and by {@link #stop} to set {@link #stopping}: no row starts after a stop. */
    private final Object polling = new Object();
    private volatile boolean stopping;

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
                if (!state.status().active()) {
                    synchronized (wake) {
                        wake.notifyAll(); // a slot may be free: look for work at once
                    }
                }
            }
        });
    }

    /**
     * Claims and starts runnable rows while slots are free.
     *
     * @return how many rows were started
     */
    public int poll() throws BatchStoreException {
        synchronized (polling) {
            RowClaims claims = store.claims();
            int started = 0;
            for (String batch : store.names()) {
                for (MigrationState s : store.states(batch)) {
                    if (stopping || manager.activeJobs() >= slots) {
                        return started;
                    }
                    String id = s.migrationId();
                    if (!RUNNABLE.contains(s.status()) || manager.holds(batch, id) || !claims.claim(batch, id)) {
                        continue;
                    }
                    // held now: another worker may have finished it since the list was read
                    boolean still = store.states(batch).stream()
                            .anyMatch(now -> now.migrationId().equals(id) && RUNNABLE.contains(now.status()));
                    if (!still || manager.start(batch, Selection.PENDING, List.of(id), settings) == 0) {
                        claims.release(batch, id);
                    } else {
                        started++;
                    }
                }
            }
            return started;
        }
    }

    /** Polls every {@code every} (and when a row ends) until {@link #stop} is called. */
    public void run(Duration every) throws InterruptedException {
        run(every, () -> {
        });
    }

    /**
     * Polls every {@code every} (and when a row ends) until {@link #stop} is called; {@code alive} is called after
     * each poll that reached the store (a liveness heartbeat: a worker whose store is away, or whose loop hangs,
     * stops calling it).
     */
    public void run(Duration every, Runnable alive) throws InterruptedException {
        while (true) {
            try {
                poll();
                alive.run();
            } catch (BatchStoreException e) {
                log.accept("store: " + e.getMessage()); // the database away longer than its reconnection window
            }
            synchronized (wake) {
                if (stopping) {
                    return;
                }
                wake.wait(every.toMillis());
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
