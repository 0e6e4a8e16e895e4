package org.mailmigrator.ui.internal.editor;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.ui.forms.SettingsForm;

/**
 * The editor's widgets for UI tests and demonstrations (package {@code internal}: exported only to the tests),
 * so the page object drives the real fields rather than the model behind them.
 */
public final class EditorAccess {
    private final MigrationEditor editor;

    public EditorAccess(MigrationEditor editor) {
        this.editor = editor;
    }

    public SettingsForm sourceForm() {
        return editor.settingsPage().source().form().orElseThrow();
    }

    public SettingsForm destinationForm() {
        return editor.settingsPage().destination().form().orElseThrow();
    }

    public Button destinationDetectButton() {
        return editor.settingsPage().destination().detectButton().orElseThrow();
    }

    /** The source's sign-in choice: its combo, file field, sign-in button and status line. */
    public org.eclipse.swt.widgets.Combo sourceSignInChoice() {
        return editor.settingsPage().source().signIn().orElseThrow().choice();
    }

    public Button sourceSignInButton() {
        return editor.settingsPage().source().signIn().orElseThrow().signInButton();
    }

    public org.eclipse.swt.widgets.Label sourceSignInStatus() {
        return editor.settingsPage().source().signIn().orElseThrow().status();
    }

    public Text sourceSignInFile() {
        return editor.settingsPage().source().signIn().orElseThrow().file();
    }

    /** The Microsoft 365 tenant field of the source's sign-in choice. */
    public Text sourceSignInTenant() {
        return editor.settingsPage().source().signIn().orElseThrow().tenant();
    }

    /** The device sign-in's button, address, code, "Open the browser" and "Copy code" (in this order). */
    public java.util.List<org.eclipse.swt.widgets.Control> sourceDeviceSignIn() {
        return editor.settingsPage().source().signIn().orElseThrow().deviceWidgets();
    }

    /** What opens the sign-in page (tests act as the browser). */
    public void sourceSignInBrowser(org.mailmigrator.auth.LoopbackSignIn.Browser browser) {
        editor.settingsPage().source().signIn().orElseThrow().setBrowser(browser);
    }

    public Button kind(ItemKind kind) {
        return editor.settingsPage().options().kind(kind);
    }

    public Text include() {
        return editor.settingsPage().options().include();
    }

    public Text exclude() {
        return editor.settingsPage().options().exclude();
    }

    public Text since() {
        return editor.settingsPage().options().since();
    }

    public Text before() {
        return editor.settingsPage().options().before();
    }

    public Text maxSize() {
        return editor.settingsPage().options().maxSize();
    }

    public Text notBefore() {
        return editor.settingsPage().options().notBefore();
    }

    public Button previewButton() {
        editor.setActivePage(FolderMappingPage.ID);
        return editor.foldersPage().previewButton();
    }

    public Table previewTable() {
        return editor.foldersPage().table();
    }

    /** Opens the cell editor of a source folder's Destination cell, as a click on it does. */
    public void startEditing(String sourceFolder) {
        editor.setActivePage(FolderMappingPage.ID);
        editor.foldersPage().startEditing(sourceFolder);
    }
}
