package org.mailmigrator.ui.internal.batches;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.jobs.BatchProgress;
import org.mailmigrator.batch.jobs.Selection;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.ui.batches.BatchSession;
import org.mailmigrator.ui.internal.importer.ImportWizard;

/** The workspace's batches with their migrations counted by status; its selection drives the Migrations view. */
public final class BatchesView extends ViewPart {
    private BatchSession session;
    private TableViewer viewer;
    private LiveUpdates live;
    /** Counts of batches not run by this process, read once: live ticks must not re-read 10,000 states. */
    private final Map<String, Map<MigrationStatus, Integer>> stored = new java.util.HashMap<>();
    private final Runnable onChange = () -> getSite().getShell().getDisplay().asyncExec(() -> {
        stored.clear();  // a batch was imported or purged: read the store again
        refreshIfAlive();
    });
    private final Map<String, BatchProgress> lastLive = new java.util.HashMap<>();
    private final List<BatchSummary> input = new ArrayList<>();

    @Override
    public void createPartControl(Composite parent) {
        session = getSite().getService(BatchSession.class);
        Composite holder = new Composite(parent, SWT.NONE);
        TableColumnLayout layout = new TableColumnLayout();
        holder.setLayout(layout);
        viewer = new TableViewer(holder, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        column(layout, "Batch", 30, BatchSummary::name);
        column(layout, "Migrations", 12, b -> String.valueOf(b.migrations()));
        for (StatusGroup g : StatusGroup.values()) {
            column(layout, g.title(), g.weight(), b -> String.valueOf(g.count(b.counts())));
        }
        column(layout, "Progress", 18, BatchSummary::progressText);
        column(layout, "Rate", 16, BatchSummary::rateText);
        column(layout, "ETA", 8, BatchSummary::etaText, BatchSummary::etaToolTip);
        org.eclipse.jface.viewers.ColumnViewerToolTipSupport.enableFor(viewer);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setComparer(new org.eclipse.jface.viewers.IElementComparer() {
            @Override
            public boolean equals(Object a, Object b) {
                return a instanceof BatchSummary x && b instanceof BatchSummary y ? x.name().equals(y.name()) : a.equals(b);
            }

            @Override
            public int hashCode(Object element) {
                return element instanceof BatchSummary x ? x.name().hashCode() : element.hashCode();
            }
        });
        viewer.setInput(input);
        getSite().setSelectionProvider(viewer);
        getSite().getService(org.eclipse.ui.contexts.IContextService.class).activateContext(org.mailmigrator.ui.UiIds.CONTEXT_MIGRATIONS);
        var toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(action("Import…", "Import a batch from a CSV file", this::openImport));
        toolbar.add(action("Purge", "Delete the selected batches with their passwords, statuses and state", this::purgeSelected));
        toolbar.add(action(START_BATCH, "Start every migration of the selected batch that is not synced yet",
                () -> onSelectedBatches(START_BATCH, (m, b) -> m.start(b, Selection.PENDING, List.of(), session.runSettings()))));
        toolbar.add(action(PAUSE_BATCH, "Pause the selected batch: queued migrations wait, running ones stop between two messages",
                () -> onSelectedBatches(PAUSE_BATCH, (m, b) -> m.pause(b, List.of()))));
        toolbar.add(action(STOP_BATCH, "Stop the selected batch; a later start continues where it stood",
                () -> onSelectedBatches(STOP_BATCH, (m, b) -> m.stop(b, List.of()))));
        session.workspace().addChangeListener(onChange);
        live = new LiveUpdates(session, parent.getDisplay(), snapshots -> {
            lastLive.putAll(snapshots);
            refreshIfAlive();
        });
        refresh();
        DemoFlags.importFile().ifPresent(f -> parent.getDisplay().asyncExec(
                () -> openImport().page().fileText().setText(f.toString())));
    }

    public static final String START_BATCH = "Start batch";
    public static final String PAUSE_BATCH = "Pause batch";
    public static final String STOP_BATCH = "Stop batch";

    /** One manager call for a whole batch. */
    @FunctionalInterface
    interface BatchOperation {
        void apply(org.mailmigrator.batch.jobs.BatchManager manager, String batch) throws BatchStoreException;
    }

    private java.util.function.Predicate<String> confirm;

    /** Replaces the confirmation dialog (tests): gets the question, answers yes or no. */
    public void confirmWith(java.util.function.Predicate<String> answer) {
        this.confirm = answer;
    }

    /**
     * Start, pause or stop whole batches: one batch at once; more than one asks first. Runs in a job: starting
     * reads the batch's states from the store, which must not freeze the view.
     */
    public void onSelectedBatches(String label, BatchOperation op) {
        List<String> names = new ArrayList<>();
        viewer.getStructuredSelection().forEach(o -> names.add(((BatchSummary) o).name()));
        if (names.isEmpty()) {
            return;
        }
        if (names.size() > 1) {
            String question = label + ": " + names.size() + " batches (" + String.join(", ", names) + ")?";
            boolean yes = confirm != null ? confirm.test(question)
                    : MessageDialog.openConfirm(getSite().getShell(), "Act on several batches?", question);
            if (!yes) {
                return;
            }
        }
        org.eclipse.core.runtime.jobs.Job.create(label, monitor -> {
            for (String n : names) {
                try {
                    op.apply(session.workspace().manager(), n);
                } catch (BatchStoreException | RuntimeException e) {
                    getSite().getShell().getDisplay().asyncExec(() -> setContentDescription(label + " " + n + ": " + e.getMessage()));
                }
            }
        }).schedule();
    }

    public TableViewer viewer() {
        return viewer;
    }

    /** Opens the import wizard; returns without waiting (tests drive it through its page). */
    public ImportWizard openImport() {
        ImportWizard wizard = new ImportWizard(session);
        wizard.open(getSite().getShell(), false);
        // once imported, the new batch is selected: the Migrations view shows its rows
        wizard.dialog().getShell().addListener(SWT.Dispose, e -> getSite().getShell().getDisplay().asyncExec(() -> {
            String name = wizard.page().imported();
            if (name != null && !viewer.getControl().isDisposed()) {
                refresh();
                input.stream().filter(b -> b.name().equals(name)).findFirst().ifPresent(
                        b -> viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(b), true));
            }
        }));
        return wizard;
    }

    /** Purges these batches without asking (the toolbar asks first). */
    public void purge(List<String> names) throws Exception {
        for (String n : names) {
            session.workspace().purge(n);
            lastLive.remove(n);
        }
    }

    private void purgeSelected() {
        List<String> names = new ArrayList<>();
        viewer.getStructuredSelection().forEach(o -> names.add(((BatchSummary) o).name()));
        if (names.isEmpty() || !MessageDialog.openConfirm(getSite().getShell(), "Purge batches", "Delete " + names
                + " with their stored passwords, statuses and engine state? This cannot be undone.")) {
            return;
        }
        try {
            purge(names);
        } catch (Exception e) {
            MessageDialog.openError(getSite().getShell(), "Purge batches", e.getMessage());
        }
    }

    private void refreshIfAlive() {
        if (!viewer.getControl().isDisposed()) {
            refresh();
        }
    }

    private void refresh() {
        List<BatchSummary> rows = new ArrayList<>();
        try {
            for (String name : session.workspace().store().names()) {
                Map<MigrationStatus, Integer> counts = new EnumMap<>(MigrationStatus.class);
                BatchProgress p = lastLive.get(name);
                if (p != null) {
                    counts.putAll(p.countByStatus());
                } else {
                    counts.putAll(storedCounts(name));
                }
                rows.add(new BatchSummary(name, counts.values().stream().mapToInt(Integer::intValue).sum(), counts,
                        java.util.Optional.ofNullable(p)));
            }
        } catch (BatchStoreException e) {
            setContentDescription("Cannot read the batches: " + e.getMessage());
        }
        // same input list, elements compared by name: refresh keeps the selection without firing an empty one
        input.clear();
        input.addAll(rows);
        viewer.refresh();
    }

    private Map<MigrationStatus, Integer> storedCounts(String name) throws BatchStoreException {
        Map<MigrationStatus, Integer> counts = stored.get(name);
        if (counts == null) {
            counts = new EnumMap<>(MigrationStatus.class);
            for (var s : session.workspace().store().states(name)) {
                counts.merge(s.status(), 1, Integer::sum);
            }
            stored.put(name, counts);
        }
        return counts;
    }

    private void column(TableColumnLayout layout, String title, int weight, Function<BatchSummary, String> text) {
        column(layout, title, weight, text, b -> null);
    }

    private void column(TableColumnLayout layout, String title, int weight, Function<BatchSummary, String> text,
            Function<BatchSummary, String> toolTip) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        layout.setColumnData(c.getColumn(), new ColumnWeightData(weight, 60));
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((BatchSummary) element);
            }

            @Override
            public String getToolTipText(Object element) {
                return toolTip.apply((BatchSummary) element);
            }
        });
    }

    private final Map<String, Action> toolbarActions = new java.util.HashMap<>();

    /** The toolbar action labelled {@code label} (tests run it as a click would). */
    public Action toolbarAction(String label) {
        return toolbarActions.get(label);
    }

    private Action action(String label, String tip, Runnable run) {
        Action a = new Action(label) {
            @Override
            public void run() {
                run.run();
            }
        };
        a.setToolTipText(tip);
        toolbarActions.put(label, a);
        return a;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (live != null) {
            live.dispose();
            session.workspace().removeChangeListener(onChange);
        }
        super.dispose();
    }
}
