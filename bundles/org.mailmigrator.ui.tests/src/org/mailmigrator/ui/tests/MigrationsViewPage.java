package org.mailmigrator.ui.tests;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.mailmigrator.ui.UiIds;
import org.mailmigrator.ui.internal.batches.MigrationColumn;
import org.mailmigrator.ui.internal.batches.MigrationsView;

/** Page object of the Migrations view: reads the virtual table's cells, sorts, filters, runs actions. */
final class MigrationsViewPage {
    private final MigrationsView view;

    private MigrationsViewPage(MigrationsView view) {
        this.view = view;
    }

    static MigrationsViewPage open() throws PartInitException {
        var page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        MigrationsViewPage opened = new MigrationsViewPage((MigrationsView) page.showView(UiIds.VIEW_MIGRATIONS));
        UiTestSupport.processEvents();
        return opened;
    }

    /** Closes the view and opens it again, as a person would from Window > Show View. */
    static MigrationsViewPage reopen() throws PartInitException {
        var page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        var ref = page.findViewReference(UiIds.VIEW_MIGRATIONS);
        if (ref != null) {
            page.hideView(ref);
            UiTestSupport.processEvents();
        }
        return open();
    }

    int rowCount() {
        return table().getItemCount();
    }

    /** The text of a cell: reading it makes the virtual table fill the item, as scrolling to it would. */
    String cell(int row, String columnTitle) {
        int c = columnIndex(columnTitle);
        return table().getItem(row).getText(c);
    }

    List<String> column(String columnTitle) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < rowCount(); i++) {
            out.add(cell(i, columnTitle));
        }
        return out;
    }

    /** Clicks a column header. */
    void sortBy(String columnTitle) {
        UiTestSupport.click(table().getColumn(columnIndex(columnTitle)));
    }

    void unsorted() {
        view.table().unsorted();
        UiTestSupport.processEvents();
    }

    String filterText() {
        return view.filterBox().getText();
    }

    void filter(String text) {
        view.filterBox().setText(text);
        UiTestSupport.processEvents();
    }

    void statusFilter(String label) {
        var combo = view.statusFilter();
        combo.select(combo.indexOf(label));
        UiTestSupport.click(combo);
    }

    void selectAll() {
        table().selectAll();
        UiTestSupport.click(table());
    }

    /** Selects one row as a click would: the Details view and the commands follow. */
    void select(int row) {
        table().setSelection(row);
        UiTestSupport.click(table());
    }

    boolean actionEnabled(String label) {
        return view.action(label).isEnabled();
    }

    void run(String action) {
        view.action(action).run();
        UiTestSupport.processEvents();
    }

    /** Answers the "act on many migrations?" confirmation: records the question, answers {@code yes}. */
    void confirmWith(List<String> questions, boolean yes) {
        view.confirmWith(q -> {
            questions.add(q);
            return yes;
        });
    }

    int liveRefreshes() {
        return view.liveRefreshes();
    }

    String statusText() {
        return view.statusText();
    }

    /** Rests the mouse on a cell as a person would: the tooltip the table then shows, null when none. */
    String hoverToolTip(int row, String columnTitle) {
        Table t = table();
        org.eclipse.swt.graphics.Rectangle cell = t.getItem(row).getBounds(columnIndex(columnTitle));
        org.eclipse.swt.widgets.Event e = new org.eclipse.swt.widgets.Event();
        e.x = cell.x + cell.width / 2;
        e.y = cell.y + cell.height / 2;
        t.notifyListeners(org.eclipse.swt.SWT.MouseHover, e);
        return t.getToolTipText();
    }

    /** The text painted in a cell (shortened in the middle when the column cuts a long status). */
    String shown(int row, String columnTitle) {
        return view.table().cellText().shown(table().getItem(row), columnIndex(columnTitle));
    }

    /**
     * Drags a column to {@code width} pixels, as a person may leave it, and waits until the table's cells have that
     * width (GTK lays the table out later, the more so on a loaded machine).
     */
    void columnWidth(String columnTitle, int width) {
        int index = columnIndex(columnTitle);
        table().getColumn(index).setWidth(width);
        UiTestSupport.waitUntil(() -> table().getItemCount() == 0 || table().getItem(0).getBounds(index).width <= width,
                java.time.Duration.ofSeconds(10), () -> "cell width " + table().getItem(0).getBounds(index).width);
    }

    /** The pixel width of {@code text} in the table's font. */
    int textWidth(String text) {
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(table());
        try {
            return gc.textExtent(text).x;
        } finally {
            gc.dispose();
        }
    }

    private int columnIndex(String title) {
        for (MigrationColumn c : MigrationColumn.values()) {
            if (c.title().equals(title)) {
                return c.ordinal();
            }
        }
        throw new AssertionError("no column " + title);
    }

    Table table() {
        return view.table().widget();
    }

    /** The rows behind the table (for the sort benchmark's model-only figure). */
    org.mailmigrator.ui.internal.batches.MigrationTableModel model() {
        return view.table().model();
    }
}
