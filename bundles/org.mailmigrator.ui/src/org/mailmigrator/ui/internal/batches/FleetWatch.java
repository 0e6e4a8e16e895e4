package org.mailmigrator.ui.internal.batches;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.jobs.BatchManager;
import org.mailmigrator.batch.jobs.BatchProgress;
import org.mailmigrator.batch.jobs.ConnectorFactory;
import org.mailmigrator.batch.jobs.MigrationProgress;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.core.model.Migration;

/**
 * The workbench on a shared store (PostgreSQL, many processes): every {@value #PERIOD_PROPERTY} ms (default 2,000),
 * on a thread of its own (never the UI's), reads the store's batches, their rows' stored states and the live row
 * claims (which process holds which row) — two queries per batch, whatever its number of rows — and tells
 * {@code changed} the batches whose rows or holders changed. {@link #merge} makes a batch's snapshot from them: the
 * rows a job of this process holds as this process's manager sees them (live counts and rates), every other row as
 * the store has it (status, the counts its process stored at the end of its last pass, the last error). So a row a
 * worker on another machine runs goes Queued → Running → Synced in the views within one period.
 */
public final class FleetWatch implements AutoCloseable {
    public static final String PERIOD_PROPERTY = "mailmigrator.fleet.refresh.ms";
    /** What the views show in the Worker column for this process's own rows. */
    public static final String THIS_WORKBENCH = "this workbench";

    /** One batch as last read: its definition, its rows' stored states and who holds which row. */
    private record View(BatchSpec spec, Map<String, MigrationState> states, Map<String, String> holders) {
    }

    private final BatchStore store;
    private final BatchManager manager;
    private final ConnectorFactory connectors;
    private final Consumer<String> changed;
    private final Map<String, View> views = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private volatile boolean specsStale;
    private volatile Optional<String> problem = Optional.empty();

    /** Watches once {@link #start}ed; {@code changed} is told (on the watch's thread) each batch whose rows changed. */
    public FleetWatch(BatchStore store, BatchManager manager, ConnectorFactory connectors, Consumer<String> changed) {
        this.store = store;
        this.manager = manager;
        this.connectors = connectors;
        this.changed = changed;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mailmigrator-fleet-watch");
            t.setDaemon(true);
            return t;
        });
    }

    /** Reads the store now, then every period. */
    public void start() {
        long period = Math.max(100, Long.getLong(PERIOD_PROPERTY, 2000));
        timer.scheduleWithFixedDelay(this::tick, 0, period, TimeUnit.MILLISECONDS);
    }

    /** Batches were imported, edited or purged: their definitions are read again at the next tick. */
    public void definitionsChanged() {
        specsStale = true;
    }

    /** Why the last read of the store failed (the server away...); empty when it succeeded. */
    public Optional<String> problem() {
        return problem;
    }

    private void tick() {
        try {
            boolean reread = specsStale;
            specsStale = false;
            List<String> names = store.names();
            views.keySet().retainAll(names);
            for (String name : names) {
                View old = views.get(name);
                Map<String, MigrationState> states = new HashMap<>();
                store.states(name).forEach(s -> states.put(s.migrationId(), s));
                BatchSpec spec = old == null || reread || !old.states().keySet().equals(states.keySet())
                        ? store.batch(name).orElse(null) : old.spec();
                if (spec == null) {
                    continue; // purged meanwhile
                }
                Map<String, String> holders = new HashMap<>();
                store.claims().holders(name).forEach((id, h) -> holders.put(id, h.worker()));
                View now = new View(spec, states, holders);
                if (old == null || reread || !old.states().equals(states) || !old.holders().equals(holders)) {
                    views.put(name, now);
                    changed.accept(name);
                }
            }
            problem = Optional.empty();
        } catch (BatchStoreException | RuntimeException e) {
            // the store's own connection retries while the server is away; the views keep the last rows meanwhile
            problem = Optional.of(String.valueOf(e.getMessage()));
        }
    }

    /**
     * The snapshot of {@code batch}: {@code own} (this process's manager's, may be null) for the rows a job of this
     * process holds and no other process claims, the store's row for every other one; {@code own} as it is while the
     * batch was not read yet.
     */
    public BatchProgress merge(String batch, BatchProgress own) {
        View v = views.get(batch);
        if (v == null) {
            return own;
        }
        Map<String, MigrationProgress> mine = new HashMap<>();
        if (own != null) {
            own.migrations().forEach(p -> mine.put(p.id(), p));
        }
        Instant now = Instant.now();
        List<MigrationProgress> rows = new ArrayList<>(v.spec().migrations().size());
        for (Migration m : v.spec().migrations()) {
            MigrationState s = v.states().get(m.id());
            if (s == null) {
                continue;
            }
            MigrationProgress p = mine.get(m.id());
            boolean here = p != null && manager.holds(batch, m.id()) && !elsewhere(v, m.id());
            rows.add(here ? p : StoreRows.progress(m, s, connectors, now));
        }
        return new BatchProgress(batch, now, rows);
    }

    /** Whether the batch was read (it has a snapshot even if this process never ran it). */
    public boolean watches(String batch) {
        return views.containsKey(batch);
    }

    /** The process holding a row: "this workbench", another's {@code host:pid}; empty when no claim holds it. */
    public Optional<String> holder(String batch, String migrationId) {
        View v = views.get(batch);
        String w = v == null ? null : v.holders().get(migrationId);
        return Optional.ofNullable(w).map(x -> x.equals(store.claims().worker()) ? THIS_WORKBENCH : x);
    }

    /** How many rows each process holds now, over every batch ("this workbench" for this one's), by name. */
    public Map<String, Integer> rowsByWorker() {
        Map<String, Integer> out = new TreeMap<>();
        String self = store.claims().worker();
        for (View v : views.values()) {
            v.holders().values().forEach(w -> out.merge(w.equals(self) ? THIS_WORKBENCH : w, 1, Integer::sum));
        }
        return new LinkedHashMap<>(out);
    }

    private boolean elsewhere(View v, String id) {
        String w = v.holders().get(id);
        return w != null && !w.equals(store.claims().worker());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
