package org.mailmigrator.ui.internal.details;

import java.util.List;
import java.util.function.Function;

import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;

/** A read-only table of records of one type: a titled column per text function, widths by weight. */
final class TextTable<T> {
    private final TableViewer viewer;
    private final TableColumnLayout layout = new TableColumnLayout();
    private final Class<T> type;
    private Function<T, Color> foreground = t -> null;

    TextTable(Composite parent, Class<T> type) {
        this.type = type;
        Composite holder = new Composite(parent, SWT.NONE);
        holder.setLayout(layout);
        viewer = new TableViewer(holder, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
    }

    TextTable<T> column(String title, int weight, Function<T, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        layout.setColumnData(c.getColumn(), new ColumnWeightData(weight, 50));
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(type.cast(element));
            }

            @Override
            public Color getForeground(Object element) {
                return foreground.apply(type.cast(element));
            }
        });
        return this;
    }

    /** Colours whole rows (errors in red). */
    TextTable<T> foreground(Function<T, Color> colour) {
        this.foreground = colour;
        return this;
    }

    void show(List<T> rows) {
        viewer.setInput(List.copyOf(rows));
    }

    Composite control() {
        return viewer.getTable().getParent();
    }

    Table widget() {
        return viewer.getTable();
    }
}
