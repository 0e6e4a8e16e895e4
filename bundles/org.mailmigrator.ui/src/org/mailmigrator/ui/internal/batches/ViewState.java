package org.mailmigrator.ui.internal.batches;

import java.util.Arrays;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;

/**
 * What a person arranged in the Migrations view survives closing it and the workbench: column widths and
 * order, the sort column and direction, the filter text and the status filter (the workspace's preferences,
 * node {@code org.mailmigrator.ui/migrationsView}). Saved when the view closes, restored when it opens.
 */
final class ViewState {
    private static final String WIDTHS = "widths";
    private static final String ORDER = "order";
    private static final String SORT = "sort";
    private static final String ASCENDING = "ascending";
    private static final String FILTER = "filter";
    private static final String STATUS = "status";

    private final Preferences node;

    ViewState() {
        this(InstanceScope.INSTANCE.getNode("org.mailmigrator.ui").node("migrationsView"));
    }

    ViewState(Preferences node) {
        this.node = node;
    }

    void save(MigrationTable table, Text filter, Combo status) {
        Table t = table.widget();
        node.put(WIDTHS, join(Arrays.stream(t.getColumns()).mapToInt(c -> c.getWidth()).toArray()));
        node.put(ORDER, join(t.getColumnOrder()));
        MigrationColumn sorted = table.model().sortColumn();
        node.put(SORT, sorted == null ? "" : sorted.name());
        node.putBoolean(ASCENDING, table.model().ascending());
        node.put(FILTER, filter.getText());
        node.putInt(STATUS, status.getSelectionIndex());
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // the arrangement is a convenience: the view works without it
        }
    }

    void restore(MigrationTable table, Text filter, Combo status) {
        Table t = table.widget();
        int[] widths = split(node.get(WIDTHS, ""));
        if (widths.length == t.getColumnCount()) {
            for (int i = 0; i < widths.length; i++) {
                t.getColumn(i).setWidth(Math.max(20, widths[i]));
            }
        }
        int[] order = split(node.get(ORDER, ""));
        if (order.length == t.getColumnCount() && Arrays.stream(order).sorted().toArray().length == order.length
                && Arrays.equals(Arrays.stream(order).sorted().toArray(), java.util.stream.IntStream.range(0, order.length).toArray())) {
            t.setColumnOrder(order);
        }
        String sort = node.get(SORT, "");
        if (!sort.isEmpty()) {
            try {
                MigrationColumn c = MigrationColumn.valueOf(sort);
                table.sortBy(c);
                if (!node.getBoolean(ASCENDING, true)) {
                    table.sortBy(c);  // a second click reverses
                }
            } catch (IllegalArgumentException renamed) {
                // a column of an older version: unsorted
            }
        }
        int s = node.getInt(STATUS, 0);
        if (s >= 0 && s < status.getItemCount()) {
            status.select(s);
        }
        filter.setText(node.get(FILTER, ""));
    }

    private static String join(int[] values) {
        return String.join(",", Arrays.stream(values).mapToObj(String::valueOf).toList());
    }

    private static int[] split(String text) {
        if (text.isBlank()) {
            return new int[0];
        }
        try {
            return Arrays.stream(text.split(",")).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            return new int[0];
        }
    }
}
