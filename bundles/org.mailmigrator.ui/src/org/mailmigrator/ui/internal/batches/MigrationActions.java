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
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.jobs.BatchManager;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.batch.jobs.Selection;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * Start, pause, resume, stop, retry and delta sync on the selected migrations, grouped by batch and passed to
 * the {@link BatchManager} with their ids; on a shared store also "Queue for workers" (the workers' queue, not this
 * process's manager). Each is enabled only when a selected row is in a status it acts on
 * (Pause on queued or running rows, Retry on failed ones, …), never with an empty selection: the manager reads
 * "no ids" as "the whole batch", which a click on nothing must never mean. An action that spans several batches
 * or more than {@link #CONFIRM_ABOVE} rows asks first (Ctrl+A then Ctrl+Shift+S must not start everything
 * without a word).
 */
final class MigrationActions {
    /** Rows an action may touch without asking. */
    static final int CONFIRM_ABOVE = 50;
    static final String CONFIRM_TITLE = "Act on many migrations?";
    /** On a shared store, beside Start: the rows go to the workers' queue. */
    public static final String QUEUE = "Queue for workers";

    /** One manager call for the selected migrations of one batch. */
    @FunctionalInterface
    interface Operation {
        void apply(BatchManager manager, String batch, List<String> ids, RunSettings settings) throws BatchStoreException;
    }

    private final BatchSession session;
    private final Supplier<List<MigrationRow>> selection;
    private final Consumer<String> report;
    private final List<Action> actions = new ArrayList<>();
    private final Map<Action, java.util.function.Predicate<MigrationStatus>> appliesTo = new java.util.HashMap<>();
    /** Answers the confirmation (tests replace the dialog); null: ask in a dialog. */
    private java.util.function.Predicate<String> confirm;

    MigrationActions(BatchSession session, Supplier<List<MigrationRow>> selection, Consumer<String> report) {
        this.session = session;
        this.selection = selection;
        this.report = report;
        add("Start", "Start the selected migrations that are not synced yet", MigrationActions::startable,
                (m, b, ids, s) -> m.start(b, Selection.PENDING, ids, s));
        if (session.shared()) {
            // what `batch run NAME --store URL --no-wait` does: the workers of the store take them (this workbench
            // runs none of them itself)
            add(QUEUE, "Queue the selected migrations that are not synced yet for the workers of the shared store "
                    + "(mailmigrator worker --store …)", MigrationActions::startable,
                    (m, b, ids, s) -> session.queueForWorkers(b, ids));
        }
        add("Pause", "Pause: queued ones wait, running ones stop between two messages", MigrationActions::working,
                (m, b, ids, s) -> m.pause(b, ids));
        add("Resume", "Resume the selected paused, stopped or interrupted migrations",
                st -> st == MigrationStatus.PAUSED || st == MigrationStatus.STOPPED || st == MigrationStatus.INTERRUPTED,
                (m, b, ids, s) -> m.resume(b, ids, s));
        add("Stop", "Stop the selected migrations; a later start continues where they stood",
                st -> working(st) || st == MigrationStatus.PAUSED, (m, b, ids, s) -> m.stop(b, ids));
        add("Retry", "Run the selected failed migrations again", st -> st == MigrationStatus.FAILED,
                (m, b, ids, s) -> m.start(b, Selection.FAILED, ids, s));
        add("Delta sync", "Copy what arrived since the last sync of the selected migrations",
                st -> st == MigrationStatus.SYNCED || st == MigrationStatus.SYNCED_WITH_ERRORS,
                (m, b, ids, s) -> m.delta(b, ids, s));
        add("Pre-flight", "Check the selected migrations (log in, folders, quota) without copying or changing their status",
                st -> st != MigrationStatus.RUNNING && st != MigrationStatus.PREFLIGHT,
                (m, b, ids, s) -> m.start(b, Selection.DELTA, ids, s.withPreflight(true, true)));
        selectionChanged();
    }

    /** Not synced and not running: what Start takes (a Queued row a job already holds is skipped by the manager). */
    static boolean startable(MigrationStatus s) {
        return !s.synced() && s != MigrationStatus.RUNNING && s != MigrationStatus.PREFLIGHT
                && s != MigrationStatus.WAITING_FOR_QUOTA; // its job sleeps until the budget's window opens
    }

    /** Held by a job (or waiting for one). */
    static boolean working(MigrationStatus s) {
        return s.active();
    }

    /** Replaces the confirmation dialog (tests): gets the question, answers yes or no. */
    void confirmWith(java.util.function.Predicate<String> answer) {
        this.confirm = answer;
    }

    private void add(String label, String tip, java.util.function.Predicate<MigrationStatus> applies, Operation op) {
        Action a = new Action(label) {
            @Override
            public void run() {
                apply(getText(), op);
            }
        };
        a.setToolTipText(tip);
        a.setId("org.mailmigrator.ui.migrations." + label.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        actions.add(a);
        appliesTo.put(a, applies);
    }

    void contributeTo(IContributionManager manager) {
        actions.forEach(manager::add);
    }

    void selectionChanged() {
        List<MigrationRow> rows = selection.get();
        for (Action a : actions) {
            var applies = appliesTo.get(a);
            a.setEnabled(rows.stream().anyMatch(r -> applies.test(r.progress().status())));
        }
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
        int rows = byBatch.values().stream().mapToInt(List::size).sum();
        if (byBatch.size() > 1 || rows > CONFIRM_ABOVE) {
            String question = label + " " + rows + " migration(s) in " + byBatch.size() + " batch(es) ("
                    + String.join(", ", byBatch.keySet()) + ")?";
            boolean yes = confirm != null ? confirm.test(question) : org.eclipse.jface.dialogs.MessageDialog.openConfirm(
                    Display.getCurrent().getActiveShell(), CONFIRM_TITLE, question);
            if (!yes) {
                report.accept(label + ": cancelled");
                return;
            }
        }
        Display display = Display.getCurrent();
        RunSettings settings = session.runSettings();
        Job job = Job.create(label + " migrations", monitor -> {
            String outcome;
            try {
                for (var e : byBatch.entrySet()) {
                    op.apply(session.workspace().manager(), e.getKey(), e.getValue(), settings);
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
