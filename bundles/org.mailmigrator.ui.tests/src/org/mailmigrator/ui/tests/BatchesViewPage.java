package org.mailmigrator.ui.tests;

import java.util.List;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.mailmigrator.ui.UiIds;
import org.mailmigrator.ui.internal.batches.BatchSummary;
import org.mailmigrator.ui.internal.batches.BatchesView;

/** Page object of the Batches view: its rows, selecting a batch, and the Import wizard it opens. */
final class BatchesViewPage {
    private final BatchesView view;

    private BatchesViewPage(BatchesView view) {
        this.view = view;
    }

    static BatchesViewPage open() throws PartInitException {
        var page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        BatchesViewPage opened = new BatchesViewPage((BatchesView) page.showView(UiIds.VIEW_BATCHES));
        UiTestSupport.processEvents();
        return opened;
    }

    /** Imports a CSV file through the wizard under the name it proposes, selects the batch and returns its name. */
    String importAndSelect(java.nio.file.Path file) {
        ImportWizardPage wizard = openImport().chooseFile(file);
        String name = wizard.batchName();
        if (!wizard.finish()) {
            throw new AssertionError("the import did not finish: " + wizard.errorMessage());
        }
        select(name);
        return name;
    }

    ImportWizardPage openImport() {
        return new ImportWizardPage(view.openImport());
    }

    /**
     * The row of batch {@code name} as the texts of its name and count columns (name, migrations, queued/running,
     * synced, failed, paused/stopped), or an empty list when the batch is not shown.
     */
    List<String> row(String name) {
        List<String> all = fullRow(name);
        return all.isEmpty() ? all : all.subList(0, 6);
    }

    /** The texts of the batch's progress columns: progress, rate, ETA (empty when the batch is not shown). */
    List<String> progress(String name) {
        List<String> all = fullRow(name);
        int at = UiTestSupport.columnTitles(view.viewer().getTable()).indexOf("Progress");
        return all.isEmpty() ? all : all.subList(at, all.size());
    }

    /** The text of the batch's column titled {@code title} ("" when the batch is not shown). */
    String cell(String name, String title) {
        List<String> all = fullRow(name);
        return all.isEmpty() ? "" : all.get(UiTestSupport.columnTitles(view.viewer().getTable()).indexOf(title));
    }

    private List<String> fullRow(String name) {
        UiTestSupport.processEvents();
        Table t = view.viewer().getTable();
        for (TableItem item : t.getItems()) {
            if (item.getText(0).equals(name)) {
                return UiTestSupport.cells(t, item);
            }
        }
        return List.of();
    }

    /**
     * Rests the mouse on the batch's ETA cell: the ETA shown and the text of the tooltip that opens (null when none
     * opens), read in one turn of the event loop so that both describe the same moment.
     */
    List<String> etaWithToolTip(String name) {
        Table t = view.viewer().getTable();
        int column = UiTestSupport.columnTitles(t).indexOf("ETA");
        for (TableItem item : t.getItems()) {
            if (item.getText(0).equals(name)) {
                String eta = item.getText(column);
                org.eclipse.swt.graphics.Rectangle cell = item.getBounds(column);
                java.util.Set<org.eclipse.swt.widgets.Shell> before = java.util.Set.of(t.getDisplay().getShells());
                org.eclipse.swt.widgets.Event hover = new org.eclipse.swt.widgets.Event();
                hover.x = cell.x + cell.width / 2;
                hover.y = cell.y + cell.height / 2;
                t.notifyListeners(org.eclipse.swt.SWT.MouseHover, hover);
                String tip = null;
                for (org.eclipse.swt.widgets.Shell s : t.getDisplay().getShells()) {
                    if (!before.contains(s) && s.isVisible()) {
                        tip = texts(s);
                    }
                }
                org.eclipse.swt.widgets.Event exit = new org.eclipse.swt.widgets.Event();
                exit.x = -10;
                exit.y = -10;
                t.notifyListeners(org.eclipse.swt.SWT.MouseExit, exit);
                return java.util.Arrays.asList(eta, tip);
            }
        }
        throw new AssertionError("no batch " + name + " in the Batches view");
    }

    /** The texts of the labels in a tooltip's window. */
    private static String texts(org.eclipse.swt.widgets.Control c) {
        if (c instanceof org.eclipse.swt.custom.CLabel l) {
            return l.getText();
        }
        if (c instanceof org.eclipse.swt.widgets.Label l) {
            return l.getText();
        }
        StringBuilder out = new StringBuilder();
        if (c instanceof org.eclipse.swt.widgets.Composite comp) {
            for (org.eclipse.swt.widgets.Control child : comp.getChildren()) {
                out.append(texts(child));
            }
        }
        return out.toString();
    }

    /** Purges as the toolbar's Purge does once its confirmation is answered Yes. */
    void purge(String name) throws Exception {
        view.purge(List.of(name));
        UiTestSupport.processEvents();
    }

    /** Selects these batches together, as Ctrl+click would. */
    void selectSeveral(String... names) {
        UiTestSupport.processEvents();
        List<Object> picked = new java.util.ArrayList<>();
        for (TableItem item : view.viewer().getTable().getItems()) {
            if (item.getData() instanceof BatchSummary b && List.of(names).contains(b.name())) {
                picked.add(b);
            }
        }
        view.viewer().setSelection(new StructuredSelection(picked), true);
        UiTestSupport.processEvents();
    }

    /** Runs a toolbar action of the view on the selected batches (Start batch, Pause batch, Stop batch). */
    void run(String label, List<String> questions, boolean yes) {
        view.confirmWith(q -> {
            questions.add(q);
            return yes;
        });
        view.toolbarAction(label).run();
        UiTestSupport.processEvents();
    }

    /** Clears the selection: the Migrations view then shows every batch. */
    void selectNone() {
        view.viewer().setSelection(StructuredSelection.EMPTY, false);
        UiTestSupport.processEvents();
    }

    /** Selects the batch as a click would: the Migrations view follows. */
    void select(String name) {
        UiTestSupport.processEvents();
        for (TableItem item : view.viewer().getTable().getItems()) {
            if (item.getData() instanceof BatchSummary b && b.name().equals(name)) {
                view.viewer().setSelection(new StructuredSelection(b), true);
                UiTestSupport.processEvents();
                return;
            }
        }
        throw new AssertionError("no batch " + name + " in the Batches view");
    }
}
