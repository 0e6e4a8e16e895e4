package org.mailmigrator.ui.internal.batches;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;

/**
 * The Migrations view's selection ({@link MigrationRow}s) for the workbench, so that the Details view and
 * commands follow it. Told after every table change, it fires only when other migrations are selected: live
 * refreshes (4 a second) replace the rows but not the choice.
 */
final class RowSelectionProvider implements ISelectionProvider {
    private final MigrationTable table;
    private final List<ISelectionChangedListener> listeners = new CopyOnWriteArrayList<>();
    private List<String> lastKeys = List.of();

    RowSelectionProvider(MigrationTable table) {
        this.table = table;
    }

    @Override
    public ISelection getSelection() {
        return new StructuredSelection(table.selection());
    }

    @Override
    public void setSelection(ISelection selection) {
        // the table is chosen by its user; nothing else selects rows
    }

    @Override
    public void addSelectionChangedListener(ISelectionChangedListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeSelectionChangedListener(ISelectionChangedListener listener) {
        listeners.remove(listener);
    }

    void tableChanged() {
        List<MigrationRow> rows = table.selection();
        List<String> keys = rows.stream().map(MigrationRow::key).toList();
        if (keys.equals(lastKeys)) {
            return;
        }
        lastKeys = keys;
        SelectionChangedEvent event = new SelectionChangedEvent(this, new StructuredSelection(rows));
        listeners.forEach(l -> l.selectionChanged(event));
    }
}
