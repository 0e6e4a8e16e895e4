package org.mailmigrator.ui.tests;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Table;
import org.mailmigrator.ui.internal.batches.MigrationColumn;
import org.mailmigrator.ui.internal.batches.MigrationTableModel;

/**
 * Times header clicks on the Migrations table: from the click to the visible rows repainted (the event loop
 * drained and the first screenful read back), which is what a person waits for. Split in three to see where the
 * time goes: the click as shipped, without the middle ellipsis of {@code CellText}, without any of the table's own
 * painters (also the progress bar: the table then draws natively), and the model's sort alone (pure Java).
 */
final class SortBenchmark {
    private SortBenchmark() {
    }

    static String run(MigrationsViewPage view, List<String> columns, int rounds) {
        String shipped = clicks(view, columns, rounds);
        Table table = view.table();
        // the table's painters in the order they were added: CellText's middle ellipsis first, then the progress bar
        List<Listener> erase = List.of(table.getListeners(SWT.EraseItem));
        List<Listener> paint = List.of(table.getListeners(SWT.PaintItem));
        String noEllipsis;
        String plain;
        try {
            table.removeListener(SWT.EraseItem, erase.get(0));
            table.removeListener(SWT.PaintItem, paint.get(0));
            noEllipsis = clicks(view, columns, rounds);
            erase.forEach(l -> table.removeListener(SWT.EraseItem, l));
            paint.forEach(l -> table.removeListener(SWT.PaintItem, l));
            plain = clicks(view, columns, rounds);
        } finally {
            erase.forEach(l -> table.removeListener(SWT.EraseItem, l));
            paint.forEach(l -> table.removeListener(SWT.PaintItem, l));
            erase.forEach(l -> table.addListener(SWT.EraseItem, l));
            paint.forEach(l -> table.addListener(SWT.PaintItem, l));
        }
        MigrationTableModel model = new MigrationTableModel();
        model.setRows(view.model().all());
        List<Double> ms = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (String c : columns) {
                MigrationColumn column = List.of(MigrationColumn.values()).stream().filter(m -> m.title().equals(c))
                        .findFirst().orElseThrow();
                long t0 = System.nanoTime();
                model.sortBy(column);
                ms.add((System.nanoTime() - t0) / 1e6);
            }
        }
        return "sort of " + view.rowCount() + " rows: " + shipped + " (budget 200 ms); without the middle ellipsis "
                + noEllipsis + "; without any custom painter " + plain + "; the model's sort alone " + median(ms);
    }

    private static String clicks(MigrationsViewPage view, List<String> columns, int rounds) {
        List<Double> ms = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (String c : columns) {
                long t0 = System.nanoTime();
                view.sortBy(c);
                view.table().update();  // paint now, not later
                for (int i = 0; i < Math.min(40, view.rowCount()); i++) {
                    view.cell(i, c);
                }
                ms.add((System.nanoTime() - t0) / 1e6);
            }
        }
        return median(ms);
    }

    private static String median(List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return String.format("median %.1f ms, max %.1f ms over %d", sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1), sorted.size());
    }
}
