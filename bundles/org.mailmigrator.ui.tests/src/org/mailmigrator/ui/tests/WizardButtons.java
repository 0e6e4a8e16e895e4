package org.mailmigrator.ui.tests;

import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/** The buttons of an open wizard dialog (or any shell), found by their labels and pressed as a click would. */
final class WizardButtons {
    private WizardButtons() {
    }

    static Button button(WizardDialog dialog, String label) {
        Button b = find(dialog.getShell(), label);
        if (b == null) {
            throw new AssertionError("no button " + label);
        }
        return b;
    }

    /** Presses Next. */
    static void next(WizardDialog dialog) {
        press(dialog, "&Next >");
    }

    /** Presses Finish; true when the dialog closed (the wizard did its work). */
    static boolean finish(WizardDialog dialog, String errorMessage) {
        press(dialog, "&Finish", errorMessage);
        return dialog.getShell() == null || dialog.getShell().isDisposed();
    }

    private static void press(WizardDialog dialog, String label) {
        press(dialog, label, dialog.getCurrentPage().getErrorMessage());
    }

    private static void press(WizardDialog dialog, String label, String errorMessage) {
        Button b = button(dialog, label);
        if (!b.isEnabled()) {
            throw new AssertionError(label + " is disabled: " + errorMessage);
        }
        UiTestSupport.click(b);
    }

    /** The button labelled {@code text} in a shell or composite, or null. */
    static Button find(Control c, String text) {
        if (c instanceof Button b && text.equals(b.getText())) {
            return b;
        }
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                Button found = find(child, text);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
