package org.mailmigrator.ui.tests;

import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.PlatformUI;
import org.mailmigrator.ui.batches.BatchSession;
import org.mailmigrator.ui.internal.wizards.NewBatchWizard;
import org.mailmigrator.ui.internal.wizards.WizardOpener;

/** Page object of the New batch wizard. */
final class NewBatchWizardPage {
    private final NewBatchWizard wizard;
    private final WizardDialog dialog;

    private NewBatchWizardPage(NewBatchWizard wizard, WizardDialog dialog) {
        this.wizard = wizard;
        this.dialog = dialog;
        UiTestSupport.processEvents();
    }

    static NewBatchWizardPage open(BatchSession session) {
        NewBatchWizard w = new NewBatchWizard(session);
        return new NewBatchWizardPage(w, WizardOpener.open(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), w, false));
    }

    NewBatchWizardPage name(String name) {
        wizard.page().nameText().setText(name);
        UiTestSupport.processEvents();
        return this;
    }

    NewBatchWizardPage limits(int concurrency, int perHost) {
        wizard.page().concurrencySpinner().setSelection(concurrency);
        wizard.page().perHostSpinner().setSelection(perHost);
        UiTestSupport.processEvents();
        return this;
    }

    NewBatchWizardPage notify(String address) {
        wizard.page().notifyText().setText(address);
        UiTestSupport.processEvents();
        return this;
    }

    NewBatchWizardPage startAt(String localTime) {
        wizard.page().scheduleText().setText(localTime);
        UiTestSupport.processEvents();
        return this;
    }

    int concurrency() {
        return wizard.page().concurrencySpinner().getSelection();
    }

    int perHost() {
        return wizard.page().perHostSpinner().getSelection();
    }

    String errorMessage() {
        return wizard.page().getErrorMessage();
    }

    /** One row per PST/mbox file of {@code folder}, into {@code server} as {@code loginPattern} with {@code password}. */
    NewBatchWizardPage rowsFromFiles(String folder, String server, String loginPattern, String password) {
        var texts = wizard.page().filesTexts();
        texts.get(1).setText(server);
        texts.get(2).setText(loginPattern);
        texts.get(3).setText(password);
        texts.get(0).setText(folder);
        UiTestSupport.processEvents();
        return this;
    }

    boolean finish() {
        return WizardButtons.finish(dialog, errorMessage());
    }

    void cancel() {
        dialog.close();
        UiTestSupport.processEvents();
    }
}
