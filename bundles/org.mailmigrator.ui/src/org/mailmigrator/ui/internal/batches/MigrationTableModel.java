package org.mailmigrator.ui.internal.batches;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.report.ErrorCauses;

/**
 * What the virtual table shows: all rows, filtered by text and status, sorted by one column. Pure Java, so
 * sorting 10,000 rows costs a sort of an array and nothing per widget (the table asks for visible rows only).
 */
public final class MigrationTableModel {
    private List<MigrationRow> all = List.of();
    private MigrationRow[] visible = new MigrationRow[0];
    private String filter = "";
    private MigrationStatus status;  // null: every status
    private MigrationColumn sortColumn;
    private boolean ascending = true;

    public void setRows(List<MigrationRow> rows) {
        all = List.copyOf(rows);
        recompute();
    }

    /**
     * Case-insensitive text matched against source, destination, batch and last error; "cause: NAME" keeps the
     * rows whose last error is of that cause ({@link ErrorCauses}).
     */
    public void setFilter(String text, MigrationStatus onlyStatus) {
        filter = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        status = onlyStatus;
        recompute();
    }

    /** Sorts by {@code column}; a second call on the same column reverses the order. */
    public void sortBy(MigrationColumn column) {
        ascending = column != sortColumn || !ascending;
        sortColumn = column;
        recompute();
    }

    /** Back to the batches' own order. */
    public void unsorted() {
        sortColumn = null;
        ascending = true;
        recompute();
    }

    public MigrationColumn sortColumn() {
        return sortColumn;
    }

    public boolean ascending() {
        return ascending;
    }

    public int size() {
        return visible.length;
    }

    public MigrationRow get(int index) {
        return visible[index];
    }

    public List<MigrationRow> all() {
        return all;
    }

    /** Index of the row with this key among the visible rows, -1 when filtered out or gone. */
    public int indexOf(String key) {
        for (int i = 0; i < visible.length; i++) {
            if (visible[i].key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private void recompute() {
        List<MigrationRow> kept = new ArrayList<>(all.size());
        for (MigrationRow r : all) {
            if ((status == null || r.progress().status() == status) && matches(r)) {
                kept.add(r);
            }
        }
        MigrationRow[] rows = kept.toArray(MigrationRow[]::new);
        if (sortColumn != null) {
            Comparator<MigrationRow> c = sortColumn.order();
            Arrays.sort(rows, ascending ? c : c.reversed());
        }
        visible = rows;
    }

    private boolean matches(MigrationRow r) {
        if (filter.isEmpty()) {
            return true;
        }
        var p = r.progress();
        if (filter.startsWith(ErrorCauses.FILTER_PREFIX)) {
            // the dashboard's one-click filter: every row of that cause, whatever words its message uses
            String cause = filter.substring(ErrorCauses.FILTER_PREFIX.length()).trim();
            return p.lastError().map(e -> ErrorCauses.causeOf(e).toLowerCase(Locale.ROOT).equals(cause)).orElse(false);
        }
        return contains(p.source()) || contains(p.destination()) || contains(r.batch()) || p.lastError().map(this::contains).orElse(false);
    }

    private boolean contains(String s) {
        return s.toLowerCase(Locale.ROOT).contains(filter);
    }
}
