package org.mailmigrator.ui.tests;

import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.PlatformUI;
import org.mailmigrator.ui.batches.BatchSession;
import org.mailmigrator.ui.forms.GeneratedPage;
import org.mailmigrator.ui.internal.wizards.NewMigrationWizard;
import org.mailmigrator.ui.internal.wizards.WizardOpener;

/** Page object of the New migration wizard: the choice page, then the two generated account pages. */
final class NewMigrationWizardPage {
    private final NewMigrationWizard wizard;
    private final WizardDialog dialog;

    private NewMigrationWizardPage(NewMigrationWizard wizard, WizardDialog dialog) {
        this.wizard = wizard;
        this.dialog = dialog;
        UiTestSupport.processEvents();
    }

    static NewMigrationWizardPage open(BatchSession session, String batch) {
        NewMigrationWizard w = new NewMigrationWizard(session, batch);
        return new NewMigrationWizardPage(w, WizardOpener.open(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), w, false));
    }

    String batch() {
        return wizard.choicePage().batchCombo().getText();
    }

    String sourceConnector() {
        return wizard.choicePage().sourceCombo().getText();
    }

    /** Chooses the source connector by the name the drop-down shows ("Outlook data file (PST/OST)"...). */
    NewMigrationWizardPage sourceConnector(String name) {
        var combo = wizard.choicePage().sourceCombo();
        int i = java.util.Arrays.asList(combo.getItems()).indexOf(name);
        if (i < 0) {
            throw new AssertionError(name + " is not offered: " + java.util.Arrays.toString(combo.getItems()));
        }
        combo.select(i);
        UiTestSupport.click(combo);
        return this;
    }

    /** The picker buttons beside a path field of the account page now shown ("file", "folder"), by their labels. */
    java.util.List<String> pickers(String settingId) {
        var page = dialog.getCurrentPage().getName().equals("source") ? wizard.sourcePage() : wizard.destinationPage();
        var field = ((GeneratedPage) page).form().field(settingId);
        return java.util.Arrays.stream(field.outer() instanceof org.eclipse.swt.widgets.Composite c ? c.getChildren()
                : new org.eclipse.swt.widgets.Control[0]).filter(b -> b.getData("picker") != null)
                .map(b -> ((org.eclipse.swt.widgets.Button) b).getText()).toList();
    }

    NewMigrationWizardPage kind(org.mailmigrator.core.model.ItemKind kind, boolean on) {
        var box = wizard.choicePage().kindBox(kind);
        box.setSelection(on);
        UiTestSupport.click(box);
        return this;
    }

    String errorMessage() {
        return dialog.getCurrentPage().getErrorMessage();
    }

    boolean canGoOn() {
        return dialog.getCurrentPage().isPageComplete();
    }

    NewMigrationWizardPage next() {
        WizardButtons.next(dialog);
        return this;
    }

    /** Types into a field of the account page now shown (source or destination), by setting id. */
    NewMigrationWizardPage type(String settingId, String value) {
        var page = dialog.getCurrentPage().getName().equals("source") ? wizard.sourcePage() : wizard.destinationPage();
        ((GeneratedPage) page).form().field(settingId).setText(value);
        UiTestSupport.processEvents();
        return this;
    }

    /** The sign-in choice of the IMAP account page now shown (source or destination). */
    org.mailmigrator.ui.internal.editor.SignInChoice signIn() {
        var choice = dialog.getCurrentPage().getName().equals("source") ? wizard.sourceSignIn() : wizard.destinationSignIn();
        return choice.orElseThrow(() -> new AssertionError("no sign-in choice on the page"));
    }

    boolean finish() {
        return WizardButtons.finish(dialog, errorMessage());
    }
}
