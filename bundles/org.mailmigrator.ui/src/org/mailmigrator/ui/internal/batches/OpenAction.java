package org.mailmigrator.ui.internal.batches;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.jface.action.Action;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.mailmigrator.ui.internal.editor.OpenMigration;

/** "Open": the migration editor of the one selected row (also on double-click and Enter). */
final class OpenAction extends Action {
    private final IWorkbenchPage page;
    private final Supplier<List<MigrationRow>> selection;
    private final Consumer<String> report;

    OpenAction(IWorkbenchPage page, Supplier<List<MigrationRow>> selection, Consumer<String> report) {
        super("Open");
        this.page = page;
        this.selection = selection;
        this.report = report;
        setToolTipText("Open the selected migration in its editor: accounts, options, folder mapping");
        setId("org.mailmigrator.ui.migrations.open");
    }

    @Override
    public void run() {
        List<MigrationRow> rows = selection.get();
        if (rows.size() != 1) {
            return;
        }
        MigrationRow row = rows.get(0);
        try {
            OpenMigration.open(page, row.batch(), row.progress().id(), row.progress().source());
        } catch (PartInitException e) {
            report.accept("Cannot open " + row.progress().source() + ": " + e.getMessage());
        }
    }
}
