package org.mailmigrator.ui.tests;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.mailmigrator.ui.internal.importer.ImportPage;
import org.mailmigrator.ui.internal.importer.ImportWizard;

/** Page object of the Import CSV wizard: types into its fields and reads the preview as a person would. */
final class ImportWizardPage {
    private final ImportWizard wizard;

    ImportWizardPage(ImportWizard wizard) {
        this.wizard = wizard;
        UiTestSupport.processEvents();
    }

    private ImportPage page() {
        return wizard.page();
    }

    ImportWizardPage chooseFile(Path file) {
        page().fileText().setText(file.toString());
        UiTestSupport.processEvents();
        return this;
    }

    /** Picks the format whose label contains {@code text} (e.g. "exchange", "Detect"). */
    ImportWizardPage chooseFormat(String text) {
        var combo = page().formatCombo();
        for (int i = 0; i < combo.getItemCount(); i++) {
            if (combo.getItem(i).contains(text)) {
                combo.select(i);
                UiTestSupport.click(combo);
                return this;
            }
        }
        throw new AssertionError("no format " + text);
    }

    /** The entries of the format list, as shown. */
    List<String> formats() {
        return List.of(page().formatCombo().getItems());
    }

    String detected() {
        return page().detectedLabel().getText();
    }

    String batchName() {
        return page().nameText().getText();
    }

    String summary() {
        return page().summaryLabel().getText();
    }

    String errorMessage() {
        return page().getErrorMessage();
    }

    List<String> previewColumns() {
        return UiTestSupport.columnTitles(table());
    }

    /** Each preview row as its cells (Line first, Problems last). */
    List<List<String>> previewRows() {
        return UiTestSupport.rows(table());
    }

    /** Whether the cell of file line {@code line} under {@code column} is marked red. */
    boolean marked(int line, String column) {
        int c = previewColumns().indexOf(column);
        for (TableItem item : table().getItems()) {
            if (item.getText(0).equals(String.valueOf(line))) {
                return item.getBackground(c).equals(table().getDisplay().getSystemColor(SWT.COLOR_RED));
            }
        }
        throw new AssertionError("no preview row for line " + line);
    }

    String problemsOf(int line) {
        for (TableItem item : table().getItems()) {
            if (item.getText(0).equals(String.valueOf(line))) {
                return item.getText(table().getColumnCount() - 1);
            }
        }
        throw new AssertionError("no preview row for line " + line);
    }

    boolean exchangeFieldsEnabled() {
        return page().exchangeSourceServer().isEnabled();
    }

    /** Fills the batch-wide fields of an Exchange Online CSV. */
    ImportWizardPage exchange(String sourceServer, String destinationServer, String password) {
        page().exchangeSourceServer().setText(sourceServer);
        page().exchangeDestinationServer().setText(destinationServer);
        page().exchangeDestinationPassword().setText(password);
        UiTestSupport.processEvents();
        return this;
    }

    ImportWizardPage skipBadRows(boolean skip) {
        page().skipBadRowsButton().setSelection(skip);
        UiTestSupport.click(page().skipBadRowsButton());
        return this;
    }

    boolean finishEnabled() {
        return WizardButtons.button(wizard.dialog(), "&Finish").isEnabled();
    }

    /** Presses Finish; true when the dialog closed (the batch was stored). */
    boolean finish() {
        return WizardButtons.finish(wizard.dialog(), errorMessage());
    }

    void cancel() {
        wizard.dialog().close();
        UiTestSupport.processEvents();
    }

    private Table table() {
        return page().previewTable();
    }
}
