package org.mailmigrator.ui.internal.importer;

import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.mailmigrator.ui.batches.BatchSession;

/** Import CSV: one page; Finish stores the batch in the workspace, which the Batches view then lists. */
public final class ImportWizard extends Wizard {
    private final ImportPage page;
    private WizardDialog dialog;

    public ImportWizard(BatchSession session) {
        setWindowTitle("Import a batch from CSV");
        page = new ImportPage(session);
    }

    @Override
    public void addPages() {
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        return page.finish();
    }

    public ImportPage page() {
        return page;
    }

    public WizardDialog dialog() {
        return dialog;
    }

    /** Opens the wizard's dialog; {@code block} waits until it is closed. */
    public int open(Shell parent, boolean block) {
        dialog = new WizardDialog(parent, this);
        dialog.setPageSize(960, 600);  // the preview shows a dozen rows, not three and a half
        dialog.setBlockOnOpen(block);
        return dialog.open();
    }
}
