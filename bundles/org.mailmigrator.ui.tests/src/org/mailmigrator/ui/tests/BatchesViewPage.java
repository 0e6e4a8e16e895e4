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
        return all.isEmpty() ? all : all.subList(6, all.size());
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
