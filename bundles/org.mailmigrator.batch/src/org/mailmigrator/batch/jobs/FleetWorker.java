package org.mailmigrator.batch.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.batch.store.FleetQueue;
import org.mailmigrator.batch.store.RowClaims;

/**
 * What {@code mailmigrator worker --store URL --slots N} runs (docs/postgresql.md): the passes of the rows of a
 * shared store's batches, taken from the store's {@link FleetQueue} (db-scheduler on PostgreSQL: one execution per
 * row pass, picked with {@code SKIP LOCKED}, a heartbeat while it runs, given to another worker when its worker's
 * heartbeats stop), at most {@code slots} at once. {@code batch run NAME --no-wait} queues a batch's rows; the worker
 * itself queues, every poll interval, the rows nobody holds that a process left behind and that have no entry yet:
 * Interrupted (a process that was stopped) or left Running or in Pre-flight by a process whose claim ran out (it
 * died). An imported row (Queued) waits until it is queued for the workers. A taken row's pass
 * runs as a job of the workspace's {@link BatchManager}, under its batch's concurrency and the fleet's host limits,
 * and the row's claim ({@link RowClaims}) stays the last guard: a row another live process holds is waited for.
 * Paused, Stopped, Failed and synced rows are left alone until queued again (their entries end without a pass).
 * A row that must wait (its batch's schedule, its own earliest start, its daily quota) holds no thread of the worker:
 * its entry ends and is due again when the wait ends.
 */
public final class FleetWorker {
    private static final Set<MigrationStatus> RUNNABLE = EnumSet.of(MigrationStatus.QUEUED, MigrationStatus.INTERRUPTED,
            MigrationStatus.RUNNING, MigrationStatus.PREFLIGHT, MigrationStatus.WAITING_FOR_QUOTA);
    /**
     * Rows another process left behind, queued by the workers themselves; a Queued row (an imported one too) is
     * taken only once queued for them ({@code batch run --no-wait}).
     */
    private static final Set<MigrationStatus> LEFT = EnumSet.of(MigrationStatus.INTERRUPTED, MigrationStatus.RUNNING,
            MigrationStatus.PREFLIGHT);

    private final BatchManager manager;
    private final BatchStore store;
    private final FleetQueue queue;
    private final int slots;
    private final RunSettings settings;
    private final Consumer<String> log;
    /** The poll loop and the passes waiting for their row's job wait on it; a row that ends wakes them. */
    private final Object wake = new Object();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile FleetQueue.Taker taker;
    /** The poll interval: how long until an entry put back without a wait is due again. */
    private volatile Duration interval = Duration.ofSeconds(5);

    /**
     * @param store a shared store ({@link BatchStore#fleet()} present)
     * @param log one line per status change of this worker's rows ({@code BATCH/ID Label}) and per store problem
     */
    public FleetWorker(BatchManager manager, BatchStore store, int slots, RunSettings settings, Consumer<String> log) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be at least 1");
        }
        this.manager = manager;
        this.store = store;
        this.queue = store.fleet().orElseThrow(() -> new IllegalArgumentException(
                "workers share the batches of a database: --store URL"));
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
                    wake.notifyAll(); // the pass waiting for this job returns, its entry ends
                }
            }
        });
    }

    /**
     * Queues the rows another process left behind ({@link #LEFT}) that no live process holds and that have no entry
     * yet.
     *
     * @return how many entries were added
     */
    public int poll() throws BatchStoreException {
        RowClaims claims = store.claims();
        int added = 0;
        for (String batch : store.names()) {
            Map<String, RowClaims.Holder> held = claims.holders(batch);
            for (MigrationState s : store.states(batch)) {
                String id = s.migrationId();
                if (stopping) {
                    return added;
                }
                if (LEFT.contains(s.status()) && !claims.heldElsewhere(held, id) && !manager.holds(batch, id)
                        && queue.queue(batch, id)) {
                    added++;
                }
            }
        }
        return added;
    }

    /**
     * One taken entry: the row's pass, when its stored status still asks for one, as a job of the manager; returns
     * when that job has ended, or as soon as the row has to wait: for its batch's schedule or its own earliest start
     * (no job is started), or for its daily quota (the waiting job is handed back by the manager). A waiting row gives
     * its thread back and keeps its status (Queued, Waiting for quota); its entry is due again when the wait ends.
     *
     * @return empty when the row is done with the queue; else when its entry is due again
     */
    private Optional<Instant> runRow(String batch, String id) throws BatchStoreException, InterruptedException {
        if (stopping) {
            return Optional.of(Instant.now());
        }
        if (!manager.holds(batch, id)) {
            if (!runnable(batch, id)) {
                return Optional.empty(); // paused, stopped, failed, synced or removed since it was queued
            }
            Optional<Instant> startsAt = startsAt(batch, id);
            if (startsAt.isPresent()) {
                return startsAt;
            }
            manager.start(batch, Selection.PENDING, List.of(id), settings);
        }
        while (true) {
            synchronized (wake) {
                while (manager.holds(batch, id) && !manager.waitingForQuota(batch, id)) {
                    wake.wait(200);
                }
            }
            if (!manager.holds(batch, id)) {
                break;
            }
            Optional<Instant> quota = manager.handBack(batch, id);
            if (quota.isPresent()) {
                return quota;
            } // its window opened meanwhile: the job runs again, wait for it
        }
        return runnable(batch, id) ? Optional.of(Instant.now().plus(interval)) : Optional.empty();
    }

    /** When the row may start, if that is later than now: its batch's schedule, or its own earliest start. */
    private Optional<Instant> startsAt(String batch, String id) throws BatchStoreException {
        Optional<BatchSpec> spec = store.batch(batch);
        Instant now = Instant.now();
        Instant at = spec.flatMap(BatchSpec::schedule).orElse(now);
        Optional<Instant> own = spec.stream().flatMap(b -> b.migrations().stream()).filter(m -> m.id().equals(id))
                .findFirst().flatMap(m -> m.options().notBefore());
        if (own.isPresent() && own.get().isAfter(at)) {
            at = own.get();
        }
        return at.isAfter(now) ? Optional.of(at) : Optional.empty();
    }

    private boolean runnable(String batch, String id) throws BatchStoreException {
        return store.states(batch).stream().anyMatch(s -> s.migrationId().equals(id) && RUNNABLE.contains(s.status()));
    }

    /** Polls every {@code every} (and when a row ends) until {@link #stop} is called. */
    public void run(Duration every) throws InterruptedException {
        run(every, () -> {
        });
    }

    /**
     * Takes entries from the queue and polls every {@code every} until {@link #stop} has stopped them; {@code alive} is
     * called after each poll that reached the store (a liveness heartbeat: a worker whose store is away, or whose
     * loop hangs, stops calling it).
     */
    public void run(Duration every, Runnable alive) throws InterruptedException {
        this.interval = every;
        synchronized (wake) {
            if (!stopping) {
                taker = queue.take(store.claims().worker(), slots, every, this::runRow, log);
            }
        }
        while (!stopping) {
            try {
                poll();
                alive.run();
            } catch (BatchStoreException e) {
                log.accept("store: " + e.getMessage()); // the database away longer than its reconnection window
            }
            synchronized (wake) {
                if (!stopping) {
                    wake.wait(every.toMillis());
                }
            }
        }
        stopped.await();
    }

    /**
     * Takes no more rows and stops the running ones between two messages: they are stored Interrupted, their claims
     * given back and their entries put back in the queue, for any worker to resume.
     *
     * @return whether rows were running (then stopped)
     */
    public boolean stop(Duration wait) throws InterruptedException {
        try {
            synchronized (wake) {
                stopping = true;
                wake.notifyAll();
            }
            boolean busy = manager.activeJobs() > 0;
            manager.shutdown(wait);
            FleetQueue.Taker t = taker;
            if (t != null) {
                t.close(); // the passes have ended: their entries are put back or removed
            }
            return busy;
        } finally {
            stopped.countDown();
        }
    }
}
