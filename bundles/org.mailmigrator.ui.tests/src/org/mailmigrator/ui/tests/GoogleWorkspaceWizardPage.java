package org.mailmigrator.ui.tests;

import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.mailmigrator.ui.batches.BatchSession;
import org.mailmigrator.ui.internal.wizards.GoogleWorkspaceWizard;
import org.mailmigrator.ui.internal.wizards.WizardOpener;

/** Page object of the Google Workspace batch wizard: types into its real fields. */
final class GoogleWorkspaceWizardPage {
    private final GoogleWorkspaceWizard wizard;
    private final WizardDialog dialog;

    private GoogleWorkspaceWizardPage(GoogleWorkspaceWizard wizard, WizardDialog dialog) {
        this.wizard = wizard;
        this.dialog = dialog;
        UiTestSupport.processEvents();
    }

    static GoogleWorkspaceWizardPage open(BatchSession session) {
        GoogleWorkspaceWizard w = new GoogleWorkspaceWizard(session);
        return new GoogleWorkspaceWizardPage(w, WizardOpener.open(PlatformUI.getWorkbench().getActiveWorkbenchWindow()
                .getShell(), w, false));
    }

    private GoogleWorkspaceWizardPage type(Text field, String text) {
        field.setText(text);
        UiTestSupport.processEvents();
        return this;
    }

    GoogleWorkspaceWizardPage name(String s) {
        return type(wizard.page().nameText(), s);
    }

    GoogleWorkspaceWizardPage key(String s) {
        return type(wizard.page().keyText(), s);
    }

    GoogleWorkspaceWizardPage domain(String s) {
        return type(wizard.page().domainText(), s);
    }

    GoogleWorkspaceWizardPage source(String s) {
        return type(wizard.page().sourceText(), s);
    }

    String source() {
        return wizard.page().sourceText().getText();
    }

    GoogleWorkspaceWizardPage users(String s) {
        return type(wizard.page().usersText(), s);
    }

    /** "Load CSV…" with the file chosen (the file dialog itself is the platform's). */
    GoogleWorkspaceWizardPage loadCsv(java.nio.file.Path file) {
        wizard.page().load(file.toString());
        UiTestSupport.processEvents();
        return this;
    }

    GoogleWorkspaceWizardPage destination(String s) {
        return type(wizard.page().destinationText(), s);
    }

    GoogleWorkspaceWizardPage destinationDomain(String s) {
        return type(wizard.page().destinationDomainText(), s);
    }

    String errorMessage() {
        return wizard.page().getErrorMessage();
    }

    boolean finish() {
        return WizardButtons.finish(dialog, errorMessage());
    }

    void cancel() {
        dialog.close();
        UiTestSupport.processEvents();
    }
}
