package org.mailmigrator.ui.tests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/** Runs the SWT event loop so that pending layouts and asynchronous updates reach the widgets. */
final class UiTestSupport {

    private UiTestSupport() {
    }

    /** The column titles of a table, left to right. */
    /**
     * A session of its own on {@code ws}, opened through the workspace service from the OSGi registry (as the
     * workbench's is).
     */
    static org.mailmigrator.ui.batches.BatchSession session(org.mailmigrator.batch.Workspace ws) throws Exception {
        var context = org.osgi.framework.FrameworkUtil.getBundle(org.mailmigrator.batch.workspace.WorkspaceService.class)
                .getBundleContext();
        var ref = context.getServiceReference(org.mailmigrator.batch.workspace.WorkspaceService.class);
        if (ref == null) {
            throw new IllegalStateException("no workspace service in the OSGi registry");
        }
        return new org.mailmigrator.ui.batches.BatchSession(context.getService(ref).open(ws, java.util.Optional.empty()),
                org.eclipse.core.runtime.RegistryFactory.getRegistry());
    }

    static List<String> columnTitles(Table table) {
        return Arrays.stream(table.getColumns()).map(TableColumn::getText).toList();
    }

    /** Each row of a table as a person reads it: the cell texts, left to right. */
    static List<List<String>> rows(Table table) {
        return Arrays.stream(table.getItems()).map(item -> cells(table, item)).toList();
    }

    static List<String> cells(Table table, TableItem item) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < table.getColumnCount(); i++) {
            cells.add(item.getText(i));
        }
        return cells;
    }

    static void processEvents() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // drain
        }
    }

    /** Runs the event loop until {@code condition} holds; fails with {@code state} after {@code timeout}. */
    static void waitUntil(BooleanSupplier condition, Duration timeout, Supplier<String> state) {
        Display display = Display.getCurrent();
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not reached within " + timeout + ": " + state.get());
            }
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted");
                }
            }
        }
    }

    /** What a click does: the widget's selection listeners run. */
    static void click(org.eclipse.swt.widgets.Widget control) {
        control.notifyListeners(org.eclipse.swt.SWT.Selection, new Event());
        processEvents();
    }
}
