package org.mailmigrator.ui.internal.importer;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.mailmigrator.batch.csv.CsvFormat;
import org.mailmigrator.batch.csv.CsvFormatDescriptor;
import org.mailmigrator.batch.csv.ImportOptions;
import org.mailmigrator.batch.csv.ImportResult;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * Choose a file, see the format found (and change it), the rows with each rejected cell marked and its reason,
 * name the batch and decide whether bad rows are skipped. The file is read again on every change, so what
 * the preview shows is exactly what Finish stores.
 */
public final class ImportPage extends WizardPage {
    private final BatchSession session;
    private Text file;
    private Combo format;
    private Label detected;
    private Text name;
    private Table preview;
    private Label summary;
    private Button skipBadRows;
    private ExchangeFields exchange;
    private ImportResult result;
    /** The installed formats, in the order of the format list after "Detect automatically". */
    private final List<CsvFormatDescriptor> formats;

    ImportPage(BatchSession session) {
        super("import");
        this.session = session;
        this.formats = session.workspace().importer().formats().formats();
        setTitle("Import a batch");
        setDescription("Choose a CSV file of account pairs: "
                + String.join(", ", formats.stream().map(CsvFormatDescriptor::name).toList()) + ".");
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(3, false));
        new Label(c, SWT.NONE).setText("&File:");
        file = new Text(c, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(file);
        Button browse = new Button(c, SWT.PUSH);
        browse.setText("&Browse…");
        browse.addListener(SWT.Selection, e -> browse());
        new Label(c, SWT.NONE).setText("F&ormat:");
        format = new Combo(c, SWT.READ_ONLY);
        format.add("Detect automatically");
        formats.forEach(f -> format.add(f.label()));
        format.select(0);
        detected = new Label(c, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(detected);
        new Label(c, SWT.NONE).setText("Batch &name:");
        name = new Text(c, SWT.BORDER);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(name);
        preview = new Table(c, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        preview.setHeaderVisible(true);
        preview.setLinesVisible(true);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, true).hint(900, 420).applyTo(preview);
        summary = new Label(c, SWT.WRAP);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).applyTo(summary);
        exchange = new ExchangeFields(c, () -> read(false));
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).applyTo(exchange.control());
        exchange.setEnabled(false);
        skipBadRows = new Button(c, SWT.CHECK);
        skipBadRows.setText("&Skip bad rows (import only the valid pairs)");
        GridDataFactory.fillDefaults().span(3, 1).applyTo(skipBadRows);
        file.addModifyListener(e -> read(true));
        format.addListener(SWT.Selection, e -> read(false));
        name.addModifyListener(e -> validate());
        skipBadRows.addListener(SWT.Selection, e -> validate());
        setControl(c);
        setPageComplete(false);
    }

    public Text fileText() {
        return file;
    }

    public Combo formatCombo() {
        return format;
    }

    public Label detectedLabel() {
        return detected;
    }

    public Text nameText() {
        return name;
    }

    public Table previewTable() {
        return preview;
    }

    public Label summaryLabel() {
        return summary;
    }

    public Text exchangeSourceServer() {
        return exchange.sourceServer();
    }

    public Text exchangeDestinationServer() {
        return exchange.destinationServer();
    }

    public Text exchangeDestinationPassword() {
        return exchange.destinationPassword();
    }

    public Button skipBadRowsButton() {
        return skipBadRows;
    }

    private void browse() {
        FileDialog d = new FileDialog(getShell(), SWT.OPEN);
        // the extensions the installed formats declare (csv, txt, and a plug-in's own)
        d.setFilterExtensions(new String[] { String.join(";", formats.stream().flatMap(f -> f.extensions().stream())
                .distinct().map(x -> "*." + x).toList()), "*" });
        String chosen = d.open();
        if (chosen != null) {
            file.setText(chosen);
        }
    }

    /** Reads the file with the chosen format; a new file also proposes a batch name. */
    private void read(boolean newFile) {
        result = null;
        preview.removeAll();
        Path path = Path.of(file.getText().trim());
        if (file.getText().isBlank() || !Files.isRegularFile(path)) {
            detected.setText("");
            summary.setText("");
            validate();
            return;
        }
        try {
            byte[] data = Files.readAllBytes(path);
            int index = format.getSelectionIndex();
            CsvFormat chosen = index <= 0 ? CsvFormat.AUTO : formats.get(index - 1).format();
            result = session.workspace().importer().read(data, exchange.apply(ImportOptions.auto().withFormat(chosen)));
            exchange.setEnabled(result.format().equals(CsvFormat.EXCHANGE));
            detected.setText("Found: " + result.format().id() + ", " + result.charset());
            var declared = session.workspace().importer().formats().find(result.format());
            var rows = CsvPreview.rows(data, Charset.forName(result.charset()), declared);
            new PreviewTable(preview).show(CsvPreview.columnNames(declared, rows), rows, result.problems());
            summary.setText(result.pairs().size() + " valid pair(s); " + result.problems().size() + " problem(s) in "
                    + result.badLines() + " line(s)" + (result.problems().isEmpty() ? "" : ": " + result.problems().get(0)));
            if (newFile) {
                name.setText(BatchNames.propose(path, session));
            }
        } catch (IOException | RuntimeException e) {
            summary.setText("Cannot read the file: " + e.getMessage());
        }
        detected.getParent().layout(true);
        validate();
    }

    private void validate() {
        String error = null;
        if (result == null) {
            error = file.getText().isBlank() ? null : "Choose an existing, readable file";
        } else if (!result.problems().isEmpty() && !skipBadRows.getSelection()) {
            error = result.problems().size() + " problem(s): fix the file, or skip the bad rows";
        } else if (result.pairs().isEmpty()) {
            error = "No valid account pair in the file";
        } else {
            error = BatchNames.problem(name.getText(), session);
        }
        setErrorMessage(error);
        setPageComplete(result != null && error == null);
    }

    private String imported;

    /** The name the batch was stored under, once Finish stored it; else null. */
    public String imported() {
        return imported;
    }

    /** Stores the batch; false (with the reason shown) when it could not be stored. */
    boolean finish() {
        try {
            session.workspace().importBatch(name.getText().trim(), result, skipBadRows.getSelection(),
                    session.defaults(), java.util.Optional.empty(), java.util.Optional.empty());
            imported = name.getText().trim();
            return true;
        } catch (BatchStoreException | java.io.IOException | RuntimeException e) {
            setErrorMessage("Not imported: " + e.getMessage());
            return false;
        }
    }
}
