package org.mailmigrator.ui.internal.wizards;

import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;

/** A wizard of one page whose Finish does one thing; a failure stays on the page as its error message. */
abstract class OnePageWizard<P extends WizardPage> extends Wizard {
    private P page;

    /** Must be called by the constructor of the subclass. */
    final void init(String title, P onlyPage) {
        setWindowTitle(title);
        this.page = onlyPage;
    }

    @Override
    public final void addPages() {
        addPage(page);
    }

    public P page() {
        return page;
    }

    /** What Finish does. */
    abstract void finish() throws Exception;

    @Override
    public final boolean performFinish() {
        try {
            finish();
            return true;
        } catch (Exception e) {
            page.setErrorMessage(e.getMessage());
            return false;
        }
    }
}
