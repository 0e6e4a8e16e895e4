package org.mailmigrator.ui.internal.batches;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IContributionManager;
import org.eclipse.swt.widgets.Display;
import org.mailmigrator.batch.jobs.BatchManager;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.batch.jobs.Selection;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * Start, pause, resume, stop, retry and delta sync on the selected migrations, grouped by batch and passed to
 * the {@link BatchManager} with their ids. Enabled only with a selection: the manager reads "no ids" as
 * "the whole batch", which a click on an empty selection must never mean.
 */
final class MigrationActions {

    /** One manager call for the selected migrations of one batch. */
    @FunctionalInterface
    interface Operation {
        void apply(BatchManager manager, String batch, List<String> ids, RunSettings settings) throws BatchStoreException;
    }

    private final BatchSession session;
    private final Supplier<List<MigrationRow>> selection;
    private final Consumer<String> report;
    private final List<Action> actions = new ArrayList<>();

    MigrationActions(BatchSession session, Supplier<List<MigrationRow>> selection, Consumer<String> report) {
        this.session = session;
        this.selection = selection;
        this.report = report;
        add("Start", "Start the selected migrations that are not synced yet",
                (m, b, ids, s) -> m.start(b, Selection.PENDING, ids, s));
        add("Pause", "Pause: queued ones wait, running ones stop between two messages", (m, b, ids, s) -> m.pause(b, ids));
        add("Resume", "Resume the selected paused or stopped migrations", (m, b, ids, s) -> m.resume(b, ids, s));
        add("Stop", "Stop the selected migrations; a later start continues where they stood", (m, b, ids, s) -> m.stop(b, ids));
        add("Retry", "Run the selected failed migrations again", (m, b, ids, s) -> m.start(b, Selection.FAILED, ids, s));
        add("Delta sync", "Copy what arrived since the last sync of the selected migrations", (m, b, ids, s) -> m.delta(b, ids, s));
        add("Pre-flight", "Check the selected migrations (log in, folders, quota) without copying",
                (m, b, ids, s) -> m.start(b, Selection.PENDING, ids, s.withPreflight(true, true)));
        selectionChanged();
    }

    private void add(String label, String tip, Operation op) {
        Action a = new Action(label) {
            @Override
            public void run() {
                apply(getText(), op);
            }
        };
        a.setToolTipText(tip);
        a.setId("org.mailmigrator.ui.migrations." + label.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        actions.add(a);
    }

    void contributeTo(IContributionManager manager) {
        actions.forEach(manager::add);
    }

    void selectionChanged() {
        boolean any = !selection.get().isEmpty();
        actions.forEach(a -> a.setEnabled(any));
    }

    /** The action labelled {@code label} (for the context menu and tests). */
    Action action(String label) {
        return actions.stream().filter(a -> a.getText().equals(label)).findFirst().orElseThrow();
    }

    /**
     * Reads the selection on the UI thread, then talks to the manager in a job: starting a large batch reads
     * its states from the store, which must not freeze the table.
     */
    private void apply(String label, Operation op) {
        Map<String, List<String>> byBatch = new LinkedHashMap<>();
        for (MigrationRow r : selection.get()) {
            byBatch.computeIfAbsent(r.batch(), k -> new ArrayList<>()).add(r.progress().id());
        }
        if (byBatch.isEmpty()) {
            return;
        }
        Display display = Display.getCurrent();
        RunSettings settings = session.runSettings();
        Job job = Job.create(label + " migrations", monitor -> {
            String outcome;
            try {
                for (var e : byBatch.entrySet()) {
                    op.apply(session.manager(), e.getKey(), e.getValue(), settings);
                }
                outcome = label + ": " + byBatch.values().stream().mapToInt(List::size).sum() + " migration(s)";
            } catch (BatchStoreException | RuntimeException e) {
                outcome = label + " failed: " + e.getMessage();
            }
            String text = outcome;
            if (!display.isDisposed()) {
                display.asyncExec(() -> report.accept(text));
            }
        });
        job.setSystem(true);
        job.schedule();
    }
}
