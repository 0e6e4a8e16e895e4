package org.mailmigrator.ui.internal.commands;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.IWizard;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;
import org.mailmigrator.ui.UiIds;
import org.mailmigrator.ui.batches.BatchSession;
import org.mailmigrator.ui.internal.batches.BatchSummary;
import org.mailmigrator.ui.internal.importer.ImportWizard;
import org.mailmigrator.ui.internal.wizards.ExportReportWizard;
import org.mailmigrator.ui.internal.wizards.NewBatchWizard;
import org.mailmigrator.ui.internal.wizards.NewMigrationWizard;
import org.mailmigrator.ui.internal.wizards.WizardOpener;

/**
 * Opens one of the workbench's wizards (the handler's data in plugin.xml: newBatch, newMigration, importCsv,
 * exportReport), on the batch selected in the Batches view when it needs one.
 */
public final class WizardCommand extends DataHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
        BatchSession session = window.getService(BatchSession.class);
        String batch = selectedBatch(window);
        IWizard w = switch (data()) {
            case "newBatch" -> new NewBatchWizard(session);
            case "newMigration" -> new NewMigrationWizard(session, batch);
            case "exportReport" -> new ExportReportWizard(session, batch);
            case "importCsv" -> new ImportWizard(session);
            case "googleWorkspace" -> new org.mailmigrator.ui.internal.wizards.GoogleWorkspaceWizard(session);
            default -> throw new ExecutionException("no wizard named " + data());
        };
        WizardOpener.open(window.getShell(), w, true);
        return null;
    }

    private static String selectedBatch(IWorkbenchWindow window) {
        var page = window.getActivePage();
        if (page != null && page.getSelection(UiIds.VIEW_BATCHES) instanceof IStructuredSelection s
                && s.getFirstElement() instanceof BatchSummary b) {
            return b.name();
        }
        return null;
    }
}
