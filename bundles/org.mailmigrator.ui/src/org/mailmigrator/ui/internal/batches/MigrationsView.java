package org.mailmigrator.ui.internal.batches;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.jobs.BatchProgress;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.ui.UiIds;
import org.mailmigrator.ui.batches.BatchSession;
import org.mailmigrator.ui.internal.editor.EditorDemo;

/**
 * One row per migration of the batches selected in the Batches view (all batches when none is selected),
 * updated live at most four times a second, with a filter, a status filter, sorting and the run actions.
 */
public final class MigrationsView extends ViewPart {
    private BatchSession session;
    private BatchRows source;
    private MigrationTable table;
    private Text filter;
    private Combo status;
    private MigrationActions actions;
    private OpenAction open;
    private LiveUpdates live;
    private RowSelectionProvider selectionProvider;
    private final Set<String> batches = new LinkedHashSet<>();  // empty: every batch
    private final Map<String, List<MigrationRow>> rowsByBatch = new java.util.LinkedHashMap<>();
    private final Runnable onChange = () -> getSite().getShell().getDisplay().asyncExec(this::reloadIfAlive);
    private final ISelectionListener onBatches = this::batchesSelected;
    private String statusText = "";
    private int liveRefreshes;  // table refreshes caused by live snapshots, to check the coalescing

    @Override
    public void createPartControl(Composite parent) {
        session = getSite().getService(BatchSession.class);
        source = new BatchRows(session);
        parent.setLayout(new GridLayout(2, false));
        filter = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filter.setMessage("Filter by account, batch or error");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);
        status = new Combo(parent, SWT.READ_ONLY);
        status.add("All statuses");
        for (MigrationStatus s : MigrationStatus.values()) {
            status.add(s.label());
        }
        status.select(0);
        table = new MigrationTable(parent);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(table.widget());
        filter.addModifyListener(e -> applyFilter());
        status.addListener(SWT.Selection, e -> applyFilter());
        actions = new MigrationActions(session, table::selection, this::report);
        open = new OpenAction(getSite().getPage(), table::selection, this::report);
        getViewSite().getActionBars().getToolBarManager().add(open);
        actions.contributeTo(getViewSite().getActionBars().getToolBarManager());
        MenuManager menu = new MenuManager();
        menu.add(open);
        actions.contributeTo(menu);
        table.widget().addListener(SWT.DefaultSelection, e -> open.run());  // double-click and Enter
        table.widget().setMenu(menu.createContextMenu(table.widget()));
        table.widget().addListener(SWT.Selection, e -> selectionChanged());
        selectionProvider = new RowSelectionProvider(table);
        getSite().setSelectionProvider(selectionProvider);  // the Details view and the commands follow it
        getSite().getService(org.eclipse.ui.contexts.IContextService.class).activateContext(UiIds.CONTEXT_MIGRATIONS);
        session.workspace().addChangeListener(onChange);
        live = new LiveUpdates(session, parent.getDisplay(), this::liveSnapshots);
        getSite().getPage().addSelectionListener(UiIds.VIEW_BATCHES, onBatches);
        reload();  // every batch until the Batches view says otherwise
        batchesSelected(null, getSite().getPage().getSelection(UiIds.VIEW_BATCHES));
        // widths, order, sort and filters as the person left them; saved when the view closes (before its
        // children are disposed)
        ViewState state = new ViewState();
        state.restore(table, filter, status);
        applyFilter();
        parent.addListener(SWT.Dispose, e -> state.save(table, filter, status));
        parent.getDisplay().asyncExec(() -> EditorDemo.openIfAsked(getSite().getPage(), session));
    }

    public MigrationTable table() {
        return table;
    }

    public Text filterBox() {
        return filter;
    }

    public Combo statusFilter() {
        return status;
    }

    /** Replaces the confirmation asked before an action on several batches or many rows (tests answer it). */
    public void confirmWith(java.util.function.Predicate<String> answer) {
        actions.confirmWith(answer);
    }

    /** What the status bar shows: totals of the selection, or the result of the last action. */
    public String statusText() {
        return statusText;
    }

    /** How many times live snapshots refreshed the table since the view opened (at most 4 a second). */
    public int liveRefreshes() {
        return liveRefreshes;
    }

    /** The toolbar and context-menu action labelled {@code label}. */
    public org.eclipse.jface.action.IAction action(String label) {
        return label.equals(open.getText()) ? open : actions.action(label);
    }

    /** Shows the migrations of these batches (none: all batches). */
    public void showBatches(List<String> names) {
        batches.clear();
        batches.addAll(names);
        reload();
    }

    /** Selects the row shown at {@code index}, as a click would: the actions, Details view and commands follow. */
    public void selectRow(int index) {
        if (index < table.model().size()) {
            table.widget().setSelection(index);
            table.widget().notifyListeners(SWT.Selection, new Event());
        }
    }

    private void batchesSelected(IWorkbenchPart part, ISelection selection) {
        List<String> names = new ArrayList<>();
        if (selection instanceof IStructuredSelection s) {
            for (Object o : s) {
                if (o instanceof BatchSummary b) {
                    names.add(b.name());
                }
            }
        }
        if (!new LinkedHashSet<>(names).equals(batches)) {
            showBatches(names);  // counts of the same batches changed: the live updates already show them
        }
    }

    private void reloadIfAlive() {
        if (!table.widget().isDisposed()) {
            reload();
        }
    }

    private void reload() {
        try {
            List<String> names = batches.isEmpty() ? session.workspace().store().names() : List.copyOf(batches);
            rowsByBatch.clear();
            for (String b : names) {
                rowsByBatch.put(b, source.rows(b));
            }
            showRows();
        } catch (BatchStoreException e) {
            report("cannot read the batches: " + e.getMessage());
        }
    }

    private void showRows() {
        List<MigrationRow> rows = new ArrayList<>();
        rowsByBatch.values().forEach(rows::addAll);
        table.setRows(rows);
        selectionChanged();
    }

    private void liveSnapshots(Map<String, BatchProgress> snapshots) {
        if (table.widget().isDisposed()) {
            return;
        }
        // a live snapshot replaces its batch's rows without reading the store again
        boolean changed = false;
        try {
            for (BatchProgress p : snapshots.values()) {
                if (rowsByBatch.containsKey(p.batch())) {
                    rowsByBatch.put(p.batch(), source.fromSnapshot(p));
                    changed = true;
                } else if (batches.isEmpty()) {
                    reload();
                    return;
                }
            }
        } catch (BatchStoreException e) {
            report("cannot read the batches: " + e.getMessage());
        }
        if (changed) {
            liveRefreshes++;
            showRows();
        }
    }

    private void applyFilter() {
        int i = status.getSelectionIndex();
        table.setFilter(filter.getText(), i <= 0 ? null : MigrationStatus.values()[i - 1]);
        selectionChanged();
    }

    private void selectionChanged() {
        actions.selectionChanged();
        selectionProvider.tableChanged();
        open.setEnabled(table.selection().size() == 1);
        List<MigrationRow> selected = table.selection();
        if (selected.isEmpty()) {
            List<MigrationRow> shown = new ArrayList<>();
            for (int i = 0; i < table.model().size(); i++) {
                shown.add(table.model().get(i));
            }
            report(SelectionTotals.text(shown, false));
        } else {
            report(SelectionTotals.text(selected, true));
        }
    }

    private void report(String text) {
        statusText = text;
        getViewSite().getActionBars().getStatusLineManager().setMessage(text);
    }

    @Override
    public void setFocus() {
        table.widget().setFocus();
    }

    @Override
    public void dispose() {
        if (live != null) {
            live.dispose();
            session.workspace().removeChangeListener(onChange);
            getSite().getPage().removeSelectionListener(UiIds.VIEW_BATCHES, onBatches);
        }
        super.dispose();
    }
}
