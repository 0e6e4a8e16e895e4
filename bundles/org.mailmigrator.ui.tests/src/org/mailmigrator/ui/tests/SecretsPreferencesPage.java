package org.mailmigrator.ui.tests;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;

/**
 * Page object of Window > Preferences > Mail Migrator > Secrets, in the real preference dialog: the check box a
 * person ticks, the "Now: ..." line, the dialog's "Apply and Close" button and the error the page shows.
 */
final class SecretsPreferencesPage {
    private final PreferenceDialog dialog;
    private final PreferencePage page;

    private SecretsPreferencesPage(PreferenceDialog dialog) {
        this.dialog = dialog;
        this.page = (PreferencePage) dialog.getSelectedPage();
    }

    static SecretsPreferencesPage open() {
        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(
                PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), "org.mailmigrator.ui.preferences.secrets",
                null, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        UiTestSupport.processEvents();
        return new SecretsPreferencesPage(dialog);
    }

    /** The check box "Keep the secrets key in the workbench's secure storage...". */
    boolean option() {
        return checkBox().getSelection();
    }

    /** Ticks or clears the check box as a click does. */
    void option(boolean on) {
        Button box = checkBox();
        if (box.getSelection() != on) {
            box.setSelection(on);
            UiTestSupport.click(box);
        }
    }

    /** The line that says where the key is now. */
    String where() {
        return all(page.getControl()).stream().filter(c -> c instanceof Label l && l.getData("where") != null)
                .map(c -> ((Label) c).getText()).findFirst().orElseThrow(() -> new AssertionError("no 'Now:' line"));
    }

    /** The page's own description (what it tells the administrator about both places). */
    String description() {
        return page.getDescription();
    }

    /** Presses "Apply and Close": true when the dialog closed (the page accepted), false when it stayed open. */
    boolean applyAndClose() {
        Button ok = all(dialog.getShell()).stream().filter(c -> c instanceof Button b && b.getText().equals("Apply and Close"))
                .map(Button.class::cast).findFirst().orElseThrow(() -> new AssertionError("no Apply and Close button"));
        UiTestSupport.click(ok);
        return dialog.getShell() == null || dialog.getShell().isDisposed();
    }

    String errorMessage() {
        return page.getErrorMessage();
    }

    void cancel() {
        if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
            dialog.close();
            UiTestSupport.processEvents();
        }
    }

    private Button checkBox() {
        return all(page.getControl()).stream()
                .filter(c -> c instanceof Button b && b.getText().startsWith("Keep the secrets &key"))
                .map(Button.class::cast).findFirst().orElseThrow(() -> new AssertionError("no secure storage check box"));
    }

    private static List<Control> all(Control root) {
        List<Control> out = new ArrayList<>();
        out.add(root);
        if (root instanceof Composite c) {
            for (Control child : c.getChildren()) {
                out.addAll(all(child));
            }
        }
        return out;
    }
}
