package org.mailmigrator.ui.internal.batches;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * A virtual SWT table over a {@link MigrationTableModel}: items are filled only when they scroll into view
 * ({@code SWT.SetData}), so 10,000 rows cost what the visible ones cost. Header clicks sort; the selection is
 * kept by migration across refreshes; the Progress column is drawn as a bar; a cut cell has a tooltip with its
 * whole text, and a long status an ellipsis in the middle ({@link CellText}).
 */
public final class MigrationTable {
    private final Table table;
    private final MigrationTableModel model = new MigrationTableModel();
    private final MigrationColumn[] columns = MigrationColumn.values();
    private final CellText cellText;

    MigrationTable(Composite parent) {
        table = new Table(parent, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.H_SCROLL | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (MigrationColumn c : columns) {
            TableColumn column = new TableColumn(table, c == MigrationColumn.MB || c == MigrationColumn.ERRORS ? SWT.RIGHT : SWT.LEFT);
            column.setText(c.title());
            column.setWidth(c.weight() * 11);
            column.setMoveable(true);
            column.addListener(SWT.Selection, e -> sortBy(c));
        }
        // long statuses ("Waiting for your answer: certificate of HOST"): the host stays visible, the tooltip says all
        cellText = CellText.install(table, java.util.Set.of(MigrationColumn.STATUS.ordinal()));
        table.addListener(SWT.SetData, this::fill);
        table.addListener(SWT.EraseItem, this::eraseProgress);
        table.addListener(SWT.PaintItem, this::paintProgress);
    }

    public Table widget() {
        return table;
    }

    /** What a cell shows when it is cut (painted text, tooltip). */
    public CellText cellText() {
        return cellText;
    }

    public MigrationTableModel model() {
        return model;
    }

    public void sortBy(MigrationColumn column) {
        List<String> selected = selectedKeys();
        model.sortBy(column);
        table.setSortColumn(table.getColumn(column.ordinal()));
        table.setSortDirection(model.ascending() ? SWT.UP : SWT.DOWN);
        refresh(selected);
    }

    /** Shows the rows in the batches' own order again. */
    public void unsorted() {
        List<String> selected = selectedKeys();
        model.unsorted();
        table.setSortColumn(null);
        table.setSortDirection(SWT.NONE);
        refresh(selected);
    }

    void setRows(List<MigrationRow> rows) {
        List<String> selected = selectedKeys();
        model.setRows(rows);
        refresh(selected);
    }

    void setFilter(String text, org.mailmigrator.batch.MigrationStatus status) {
        List<String> selected = selectedKeys();
        model.setFilter(text, status);
        refresh(selected);
    }

    /** The selected rows, in table order. */
    public List<MigrationRow> selection() {
        List<MigrationRow> out = new ArrayList<>();
        for (int i : table.getSelectionIndices()) {
            if (i < model.size()) {
                out.add(model.get(i));
            }
        }
        return out;
    }

    private List<String> selectedKeys() {
        return selection().stream().map(MigrationRow::key).toList();
    }

    private void refresh(List<String> selectedKeys) {
        table.setRedraw(false);
        try {
            table.setItemCount(model.size());
            table.clearAll();
            if (!selectedKeys.isEmpty()) {
                Map<String, Integer> index = new HashMap<>();
                for (int i = 0; i < model.size(); i++) {
                    index.put(model.get(i).key(), i);
                }
                table.setSelection(selectedKeys.stream().map(index::get).filter(i -> i != null).mapToInt(Integer::intValue).toArray());
            }
        } finally {
            table.setRedraw(true);
        }
    }

    private void fill(Event e) {
        TableItem item = (TableItem) e.item;
        int index = table.indexOf(item);
        if (index < 0 || index >= model.size()) {
            return;
        }
        MigrationRow row = model.get(index);
        String[] texts = new String[columns.length];
        for (MigrationColumn c : columns) {
            texts[c.ordinal()] = c.text(row);
        }
        item.setText(texts);
        item.setData(row);
        if (row.progress().status() == org.mailmigrator.batch.MigrationStatus.FAILED) {
            item.setForeground(MigrationColumn.STATUS.ordinal(), table.getDisplay().getSystemColor(SWT.COLOR_RED));
        }
    }

    private void eraseProgress(Event e) {
        if (e.index == MigrationColumn.PROGRESS.ordinal()) {
            e.detail &= ~SWT.FOREGROUND;  // the bar and its text are painted below
        }
    }

    private void paintProgress(Event e) {
        if (e.index != MigrationColumn.PROGRESS.ordinal() || !(e.item.getData() instanceof MigrationRow row) || row.percent() < 0) {
            return;
        }
        Rectangle cell = ((TableItem) e.item).getBounds(e.index);
        int width = (cell.width - 4) * row.percent() / 100;
        Color old = e.gc.getBackground();
        e.gc.setBackground(table.getDisplay().getSystemColor(
                row.progress().status() == org.mailmigrator.batch.MigrationStatus.FAILED ? SWT.COLOR_RED : SWT.COLOR_DARK_GREEN));
        e.gc.fillRectangle(cell.x + 2, cell.y + 2, width, cell.height - 4);
        e.gc.setBackground(old);
        String text = row.percent() + " %";
        int textWidth = e.gc.textExtent(text).x;
        e.gc.drawText(text, cell.x + (cell.width - textWidth) / 2, cell.y + (cell.height - e.gc.getFontMetrics().getHeight()) / 2, true);
    }
}
