package org.mailmigrator.ui.internal.wizards;

import org.eclipse.jface.wizard.IWizard;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;

/** Opens a wizard's dialog, blocking or not (tests drive a non-blocking one through its pages). */
public final class WizardOpener {
    private WizardOpener() {
    }

    public static WizardDialog open(Shell parent, IWizard wizard, boolean block) {
        WizardDialog dialog = new WizardDialog(parent, wizard);
        dialog.setPageSize(640, 360);
        dialog.setBlockOnOpen(block);
        dialog.open();
        return dialog;
    }
}
