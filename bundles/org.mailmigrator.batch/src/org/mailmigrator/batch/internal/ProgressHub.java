package org.mailmigrator.batch.internal;

import java.time.Duration;
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
import org.mailmigrator.core.engine.ProgressSnapshot;
import org.mailmigrator.core.model.Migration;

/**
 * Coalesces the engine's progress callbacks (many per second per pair) into one snapshot per batch at most
 * every {@link #PERIOD_MS}, published from a single daemon thread, so listeners are never flooded. Status
 * sinks (the status file read by other processes) also get each status change at once. Rates are measured
 * over a moving 30-second window. Each migration keeps its last {@link #LOG_LINES} log lines (status changes
 * and engine messages) for the workbench's Details view.
 */
public final class ProgressHub implements AutoCloseable {
    public static final long PERIOD_MS = 250;
    private static final long WINDOW_MS = 30_000;
    public static final int LOG_LINES = 500;

    private record Sample(long atMillis, long messages) {
    }

    private final class Live {
        volatile MigrationState state;
        volatile ProgressSnapshot last;
        final ArrayDeque<Sample> window = new ArrayDeque<>();
        final ArrayDeque<LogEntry> log = new ArrayDeque<>();

        synchronized void log(LogEntry e) {
            if (log.size() == LOG_LINES) {
                log.pollFirst();
            }
            log.addLast(e);
        }

        synchronized double rate(long now) {
            while (window.size() > 1 && now - window.peekFirst().atMillis() > WINDOW_MS) {
                window.pollFirst();
            }
            if (window.size() < 2) {
                return 0;
            }
            Sample a = window.peekFirst();
            Sample b = window.peekLast();
            long ms = Math.max(b.atMillis() - a.atMillis(), 1);
            return (b.messages() - a.messages()) * 1000.0 / ms;
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

    public ProgressHub() {
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
            m.computeIfAbsent(s.migrationId(), k -> new Live()).state = s;
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

    public void progress(String batch, String id, ProgressSnapshot p) {
        Live l = batches.get(batch).get(id);
        l.last = p;
        synchronized (l) {
            l.window.addLast(new Sample(System.currentTimeMillis(), p.messagesDone()));
        }
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

    /** A new pass starts from zero: forget the previous pass's counters and rate. */
    public void reset(String batch, String id) {
        Live l = batches.get(batch).get(id);
        l.last = null;
        synchronized (l) {
            l.window.clear();
        }
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
            rows.add(row(m, l, now, nowMs));
        }
        return new BatchProgress(batch, now, rows);
    }

    private MigrationProgress row(Migration m, Live l, Instant now, long nowMs) {
        MigrationState s = l.state;
        ProgressSnapshot p = l.last;
        double rate = l.rate(nowMs);
        Optional<Duration> eta = Optional.empty();
        if (p != null && rate > 0 && p.messagesTotal() > p.messagesDone()) {
            eta = Optional.of(Duration.ofSeconds((long) ((p.messagesTotal() - p.messagesDone()) / rate)));
        }
        String phase = switch (s.status()) {
            case RUNNING -> p == null ? "connecting" : p.foldersTotal() == 0 ? "listing folders" : "copying";
            default -> s.status().label().toLowerCase(java.util.Locale.ROOT);
        };
        return new MigrationProgress(m.id(), Labels.account(m.source()), Labels.account(m.destination()), s.status(),
                s.inStatus(now), phase, p == null ? 0 : p.foldersDone(), p == null ? 0 : p.foldersTotal(),
                p == null ? s.copied() : p.messagesDone(), p == null ? 0 : p.messagesTotal(),
                p == null ? s.bytes() : p.bytesDone(), p == null ? 0 : p.bytesTotal(), rate, eta,
                p == null ? s.skipped() : p.skipped(), s.lastError(), s.lastSync(), p == null ? List.of() : p.folders());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
