package org.mailmigrator.ui.tests;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.mailmigrator.ui.forms.SettingsForm;
import org.mailmigrator.ui.internal.editor.EditorAccess;
import org.mailmigrator.ui.internal.editor.MigrationEditor;

/** Page object of the migration editor: types into its fields, saves, tests, previews and edits the mapping. */
final class EditorPage {
    private static final Duration NETWORK = Duration.ofSeconds(30);
    private final MigrationEditor editor;
    private final EditorAccess access;

    private EditorPage(MigrationEditor editor) {
        this.editor = editor;
        this.access = new EditorAccess(editor);
    }

    /** Selects a row of the Migrations view and runs its "Open" action. */
    static EditorPage open(MigrationsViewPage view, int row) {
        view.table().setSelection(row);
        UiTestSupport.click(view.table());
        view.run("Open");
        return active();
    }

    /** Double-clicks (or presses Enter on) a row of the Migrations view. */
    static EditorPage openByDoubleClick(MigrationsViewPage view, int row) {
        view.table().setSelection(row);
        UiTestSupport.click(view.table());
        view.table().notifyListeners(SWT.DefaultSelection, new Event());
        UiTestSupport.processEvents();
        return active();
    }

    private static EditorPage active() {
        UiTestSupport.processEvents();
        var part = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().getActiveEditor();
        if (!(part instanceof MigrationEditor e)) {
            throw new AssertionError("no migration editor is active: " + part);
        }
        return new EditorPage(e);
    }

    SettingsForm source() {
        return access.sourceForm();
    }

    SettingsForm destination() {
        return access.destinationForm();
    }

    EditorAccess access() {
        return access;
    }

    /** Types into a text field as a person would (the field's listeners run). */
    EditorPage type(Text field, String text) {
        field.setText(text);
        UiTestSupport.processEvents();
        return this;
    }

    EditorPage type(SettingsForm form, String setting, String text) {
        form.field(setting).setText(text);
        UiTestSupport.processEvents();
        return this;
    }

    boolean dirty() {
        return editor.isDirty();
    }

    /** Ctrl+S: the workbench's Save command, as the key binding runs it. */
    void save() throws Exception {
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getService(IHandlerService.class)
                .executeCommand("org.eclipse.ui.file.save", null);
        UiTestSupport.processEvents();
    }

    void close() {
        editor.getSite().getPage().closeEditor(editor, false);
        UiTestSupport.processEvents();
    }

    String header() {
        return editor.headerMessage();
    }

    boolean headerIsError() {
        return editor.headerMessageType() == IMessageProvider.ERROR;
    }

    /** Clicks "Test connection" and waits for the pre-flight's outcome in the header. */
    String testConnection() {
        editor.testConnection();
        return awaitHeader("Ready", "To fix", "Test failed");
    }

    /** Clicks "Preview" on the folder mapping page and waits for the engine's plan. */
    String preview() {
        UiTestSupport.click(access.previewButton());
        return awaitHeader("folder(s)", "Preview failed");
    }

    /** Clicks "Detect settings" of the destination and waits for the outcome. */
    String detectDestination() {
        UiTestSupport.click(access.destinationDetectButton());
        return awaitHeader("Detected", "No ", "Detect settings needs");
    }

    private String awaitHeader(String... outcomes) {
        UiTestSupport.waitUntil(() -> Arrays.stream(outcomes).anyMatch(o -> header().contains(o)), NETWORK, this::header);
        return header();
    }

    List<List<String>> previewRows() {
        return UiTestSupport.rows(previewTable());
    }

    List<String> previewColumns() {
        return UiTestSupport.columnTitles(previewTable());
    }

    /** Edits the Destination cell of a source folder's row in place: click, type, Enter. */
    void editDestination(String sourceFolder, String destination) {
        access.startEditing(sourceFolder);
        UiTestSupport.processEvents();
        Text cell = (Text) Arrays.stream(previewTable().getChildren()).filter(c -> c instanceof Text && c.isVisible())
                .findFirst().orElseThrow(() -> new AssertionError("no cell editor open"));
        cell.setText(destination);
        cell.notifyListeners(SWT.DefaultSelection, new Event());
        UiTestSupport.processEvents();
    }

    private Table previewTable() {
        return access.previewTable();
    }
}
