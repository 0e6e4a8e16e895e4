package org.mailmigrator.ui.internal.batches;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.eclipse.swt.widgets.Display;
import org.mailmigrator.batch.jobs.BatchListener;
import org.mailmigrator.batch.jobs.BatchProgress;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * Brings a session's snapshots to the UI thread at most four times a second: listeners keep only the latest
 * snapshot of each batch, and a UI timer hands over whatever arrived since its last tick. A burst of updates
 * thus costs one table refresh, and a quiet batch costs nothing.
 */
public final class LiveUpdates implements BatchListener {
    static final int PERIOD_MS = 250;

    private final BatchSession session;
    private final Display display;
    private final Consumer<Map<String, BatchProgress>> onUiThread;
    private final Map<String, BatchProgress> pending = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    public LiveUpdates(BatchSession session, Display display, Consumer<Map<String, BatchProgress>> onUiThread) {
        this.session = session;
        this.display = display;
        this.onUiThread = onUiThread;
        session.addListener(this);
        display.timerExec(PERIOD_MS, this::tick);
    }

    @Override
    public void progress(BatchProgress snapshot) {
        pending.put(snapshot.batch(), snapshot);
    }

    @Override
    public void batchFinished(org.mailmigrator.batch.BatchSpec batch, BatchProgress last) {
        pending.put(batch.name(), last);
    }

    private void tick() {
        if (!running) {
            return;
        }
        if (!pending.isEmpty()) {
            Map<String, BatchProgress> batch = new HashMap<>();
            for (String k : pending.keySet()) {
                BatchProgress p = pending.remove(k);
                if (p != null) {
                    batch.put(k, p);
                }
            }
            onUiThread.accept(batch);
        }
        display.timerExec(PERIOD_MS, this::tick);
    }

    public void dispose() {
        running = false;
        session.removeListener(this);
    }
}
