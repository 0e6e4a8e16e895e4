package org.mailmigrator.batch.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.Labels;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.jobs.BatchProgress;
import org.mailmigrator.batch.jobs.LogEntry;
import org.mailmigrator.batch.jobs.MigrationProgress;
import org.mailmigrator.batch.jobs.ProgressTracker;
import org.mailmigrator.core.engine.ProgressSnapshot;
import org.mailmigrator.core.model.Migration;

/**
 * Coalesces the engine's progress callbacks (many per second per pair) into one snapshot per batch at most
 * every {@link #PERIOD_MS}, published from a single daemon thread, so listeners are never flooded. Status
 * sinks (the status file read by other processes) also get each status change at once. The figures of a row
 * come from its {@link ProgressTracker}: totals counted before copying, rates over a moving window. Each migration keeps its last {@link #LOG_LINES} log lines (status changes
 * and engine messages) for the workbench's Details view.
 */
public final class ProgressHub implements AutoCloseable {
    public static final long PERIOD_MS = 250;
    public static final int LOG_LINES = 500;

    private static final class Live {
        volatile MigrationState state;
        volatile ProgressSnapshot last;
        /** What the row waits for besides its own work (a person's answer, a quota), shown instead of its status. */
        volatile Optional<String> waiting = Optional.empty();
        final ProgressTracker tracker = new ProgressTracker();
        final ArrayDeque<LogEntry> log = new ArrayDeque<>();

        synchronized void log(LogEntry e) {
            if (log.size() == LOG_LINES) {
                log.pollFirst();
            }
            log.addLast(e);
        }
    }

    private final Map<String, Map<String, Live>> batches = new ConcurrentHashMap<>();
    private final Map<String, BatchSpec> specs = new ConcurrentHashMap<>();
    private final Map<String, Boolean> dirty = new ConcurrentHashMap<>();
    private final List<Consumer<BatchProgress>> sinks = new CopyOnWriteArrayList<>();
    private final List<Consumer<BatchProgress>> statusSinks = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mailmigrator-progress");
        t.setDaemon(true);
        return t;
    });

    private final org.mailmigrator.batch.jobs.ConnectorFactory connectors;

    /** Rows name their accounts as the accounts' connectors declare login and endpoint ({@link Labels}). */
    public ProgressHub(org.mailmigrator.batch.jobs.ConnectorFactory connectors) {
        this.connectors = connectors;
        timer.scheduleAtFixedRate(this::publishDirty, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    public void addSink(Consumer<BatchProgress> sink) {
        sinks.add(sink);
    }

    /** Also called at once, with a fresh snapshot, whenever a migration's status changes. */
    public void addStatusSink(Consumer<BatchProgress> sink) {
        sinks.add(sink);
        statusSinks.add(sink);
    }

    public void track(BatchSpec spec, List<MigrationState> states) {
        specs.put(spec.name(), spec);
        Map<String, Live> m = batches.computeIfAbsent(spec.name(), k -> new ConcurrentHashMap<>());
        for (MigrationState s : states) {
            Live l = m.computeIfAbsent(s.migrationId(), k -> new Live());
            l.state = s;
            l.tracker.bytesBefore(s.bytes());
        }
        dirty.put(spec.name(), true);
    }

    public boolean tracks(String batch) {
        return specs.containsKey(batch);
    }

    /**
     * A status change reaches the status sinks at once, on the caller's thread: whoever hears of the change
     * next (a listener, {@code batch status} in another process reading the status file) must find it there.
     * The other sinks get it with the next coalesced snapshot.
     */
    public void state(String batch, MigrationState s) {
        Live l = batches.get(batch).computeIfAbsent(s.migrationId(), k -> new Live());
        MigrationState before = l.state;
        l.state = s;
        if (before == null || before.status() != s.status() || !before.lastError().equals(s.lastError())) {
            l.log(new LogEntry(s.since(), s.status() == org.mailmigrator.batch.MigrationStatus.FAILED,
                    s.status().label() + s.lastError().map(e -> ": " + e).orElse("")));
        }
        dirty.put(batch, true);
        if (!statusSinks.isEmpty()) {
            deliver(statusSinks, snapshot(batch));
        }
    }

    /**
     * The row waits for something outside its work ({@code what}, e.g. "Waiting for your answer: certificate of
     * HOST"), or no longer (empty). Shown instead of its status label and told to the status sinks at once, like
     * a status change; the stored status stays what it is.
     */
    public void waiting(String batch, String id, Optional<String> what) {
        Live l = batches.getOrDefault(batch, Map.of()).get(id);
        if (l == null || l.waiting.equals(what)) {
            return;
        }
        l.waiting = what;
        what.ifPresent(w -> l.log(new LogEntry(Instant.now(), false, w)));
        dirty.put(batch, true);
        if (!statusSinks.isEmpty()) {
            deliver(statusSinks, snapshot(batch));
        }
    }

    public void progress(String batch, String id, ProgressSnapshot p) {
        Live l = batches.get(batch).get(id);
        l.last = p;
        l.tracker.update(p, System.currentTimeMillis());
        for (String note : l.tracker.drainNotes()) {
            l.log(new LogEntry(Instant.now(), false, note));
        }
        dirty.put(batch, true);
    }

    /** The folders of the pass about to start, counted on the source before copying. */
    public void counted(String batch, String id, List<ProgressTracker.Counted> folders) {
        Live l = batches.get(batch).get(id);
        l.tracker.counted(folders);
        dirty.put(batch, true);
    }

    /** An engine message of a migration (never a secret), for its log. */
    public void log(String batch, String id, String message) {
        Live l = batches.get(batch).get(id);
        if (l != null) {
            l.log(new LogEntry(Instant.now(), false, message));
        }
    }

    /** The log lines of a migration in this process, oldest first. */
    public List<LogEntry> log(String batch, String id) {
        Live l = batches.getOrDefault(batch, Map.of()).get(id);
        if (l == null) {
            return List.of();
        }
        synchronized (l) {
            return List.copyOf(l.log);
        }
    }

    /** A new pass starts: its rate from zero; what earlier passes did stays done. */
    public void reset(String batch, String id) {
        Live l = batches.get(batch).get(id);
        l.last = null;
        l.tracker.newPass(System.currentTimeMillis());
    }

    private void publishDirty() {
        for (String b : List.copyOf(dirty.keySet())) {
            if (dirty.remove(b) != null) {
                publish(b);
            }
        }
    }

    public void publish(String batch) {
        deliver(sinks, snapshot(batch));
    }

    /** Serialized: a sink (the status file) is never called by two threads at once. */
    private synchronized void deliver(List<Consumer<BatchProgress>> to, BatchProgress p) {
        for (Consumer<BatchProgress> s : to) {
            try {
                s.accept(p);
            } catch (RuntimeException e) {
                // one failing listener must not stop the others or the publisher
            }
        }
    }

    public BatchProgress snapshot(String batch) {
        BatchSpec spec = specs.get(batch);
        Map<String, Live> live = batches.getOrDefault(batch, Map.of());
        Instant now = Instant.now();
        long nowMs = now.toEpochMilli();
        List<MigrationProgress> rows = new ArrayList<>();
        for (Migration m : spec.migrations()) {
            Live l = live.get(m.id());
            if (l == null || l.state == null) {
                continue;
            }
            rows.add(row(m, l, now, nowMs).withWaiting(l.waiting));
        }
        return new BatchProgress(batch, now, rows);
    }

    private MigrationProgress row(Migration m, Live l, Instant now, long nowMs) {
        MigrationState s = l.state;
        ProgressSnapshot p = l.last;
        boolean running = s.status() == org.mailmigrator.batch.MigrationStatus.RUNNING;
        String phase = switch (s.status()) {
            case RUNNING -> p == null ? "connecting" : p.foldersTotal() == 0 ? "listing folders" : "copying";
            default -> s.status().label().toLowerCase(java.util.Locale.ROOT);
        };
        if (!l.tracker.hasData()) {
            return new MigrationProgress(m.id(), Labels.account(m.source(), connectors), Labels.account(m.destination(), connectors), s.status(),
                    s.inStatus(now), phase, 0, 0, s.copied(), 0, s.bytes(), 0, 0, 0, Optional.empty(), s.skipped(),
                    s.lastError(), s.lastSync(), List.of());
        }
        ProgressTracker.Figures f = l.tracker.figures(nowMs, running);
        return new MigrationProgress(m.id(), Labels.account(m.source(), connectors), Labels.account(m.destination(), connectors), s.status(),
                s.inStatus(now), phase, f.foldersDone(), f.foldersTotal(), f.messagesDone(), f.messagesTotal(),
                f.bytesDone(), f.bytesRemaining() < 0 ? 0 : f.bytesDone() + f.bytesRemaining(), f.messagesPerSecond(),
                f.bytesPerSecond(), f.eta(), p == null ? s.skipped() : p.skipped(), s.lastError(), s.lastSync(),
                f.folders());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
