package org.mailmigrator.ui.tests;

import java.nio.file.Path;

import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.PlatformUI;
import org.mailmigrator.ui.batches.BatchSession;
import org.mailmigrator.ui.internal.wizards.ExportReportWizard;
import org.mailmigrator.ui.internal.wizards.WizardOpener;

/** Page object of the Export report wizard. */
final class ExportReportWizardPage {
    private final ExportReportWizard wizard;
    private final WizardDialog dialog;

    private ExportReportWizardPage(ExportReportWizard wizard, WizardDialog dialog) {
        this.wizard = wizard;
        this.dialog = dialog;
        UiTestSupport.processEvents();
    }

    static ExportReportWizardPage open(BatchSession session, String batch) {
        ExportReportWizard w = new ExportReportWizard(session, batch);
        return new ExportReportWizardPage(w, WizardOpener.open(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), w, false));
    }

    String batch() {
        return wizard.page().batchCombo().getText();
    }

    ExportReportWizardPage folder(Path dir) {
        wizard.page().folderText().setText(dir.toString());
        UiTestSupport.processEvents();
        return this;
    }

    boolean finish() {
        return WizardButtons.finish(dialog, wizard.page().getErrorMessage());
    }
}
