package org.mailmigrator.ui.internal.importer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.mailmigrator.batch.csv.ImportProblem;

/**
 * Fills the preview: a Line column, the file's columns, and Problems. A rejected cell is red; its reason is in
 * the line's Problems cell (a whole-line problem marks the Line cell).
 */
final class PreviewTable {
    private final Table table;

    PreviewTable(Table table) {
        this.table = table;
    }

    void show(List<String> names, List<CsvPreview.Row> rows, List<ImportProblem> problems) {
        table.setRedraw(false);
        try {
            table.removeAll();
            for (TableColumn c : table.getColumns()) {
                c.dispose();
            }
            int width = Math.max(names.size(), rows.stream().mapToInt(r -> r.cells().size()).max().orElse(0));
            column("Line", 50);
            for (int i = 0; i < width; i++) {
                column(i < names.size() ? names.get(i) : "Column " + (i + 1), 110);
            }
            column("Problems", 400);
            Map<Integer, List<ImportProblem>> byLine = new HashMap<>();
            problems.forEach(p -> byLine.computeIfAbsent(p.line(), k -> new java.util.ArrayList<>()).add(p));
            Color bad = table.getDisplay().getSystemColor(SWT.COLOR_RED);
            Color badText = table.getDisplay().getSystemColor(SWT.COLOR_WHITE);
            for (CsvPreview.Row row : rows) {
                TableItem item = new TableItem(table, SWT.NONE);
                item.setText(0, String.valueOf(row.line()));
                for (int i = 0; i < row.cells().size(); i++) {
                    item.setText(i + 1, row.cells().get(i));
                }
                List<ImportProblem> here = byLine.getOrDefault(row.line(), List.of());
                for (ImportProblem p : here) {
                    int cell = p.column() > 0 && p.column() <= width ? p.column() : 0;
                    item.setBackground(cell, bad);
                    item.setForeground(cell, badText);
                }
                item.setText(width + 1, here.stream().map(PreviewTable::reason).collect(Collectors.joining("; ")));
            }
        } finally {
            table.setRedraw(true);
        }
    }

    private static String reason(ImportProblem p) {
        return (p.column() > 0 ? "column " + p.column() + (p.columnName() == null || p.columnName().isEmpty() ? "" : " (" + p.columnName() + ")")
                + ": " : "") + p.reason();
    }

    private void column(String title, int width) {
        TableColumn c = new TableColumn(table, SWT.LEFT);
        c.setText(title);
        c.setWidth(width);
    }
}
