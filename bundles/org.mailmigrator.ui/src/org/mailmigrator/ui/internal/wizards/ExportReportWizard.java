package org.mailmigrator.ui.internal.wizards;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.mailmigrator.batch.report.BatchReport;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * Export report: a batch and an output folder; Finish writes the files {@code batch report NAME --out DIR}
 * writes ({@link BatchReport}: summary.txt, batch.json, migrations.csv, skipped.csv, migrations/ID.*).
 */
public final class ExportReportWizard extends OnePageWizard<ExportReportWizard.Page> {
    private final BatchSession session;

    public ExportReportWizard(BatchSession session, String batch) {
        this.session = session;
        init("Export report", new Page(batch));
    }

    @Override
    void finish() throws Exception {
        try {
            BatchReport.load(session.workspace().store(), session.workspace().folder(), page().batch.getText(),
                    org.mailmigrator.batch.jobs.ConnectorFactory.of(session.workspace().connectors())).write(page().folder());
        } catch (IOException | InvalidPathException e) {
            throw new IOException("cannot write the report: " + e.getMessage(), e);
        }
    }

    /** The batch and the folder. */
    public final class Page extends WizardPage {
        private final String initialBatch;
        private Combo batch;
        private Text folder;

        Page(String initialBatch) {
            super("report");
            this.initialBatch = initialBatch;
            setTitle("Export report");
            setDescription("Writes summary.txt, batch.json, migrations.csv, skipped.csv and one report per migration.");
        }

        @Override
        public void createControl(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new GridLayout(3, false));
            new Label(c, SWT.NONE).setText("&Batch:");
            batch = new Combo(c, SWT.READ_ONLY);
            GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(batch);
            try {
                BatchCombo.fill(batch, session, initialBatch);
            } catch (BatchStoreException e) {
                setErrorMessage(e.getMessage());
            }
            new Label(c, SWT.NONE).setText("&Output folder:");
            folder = new Text(c, SWT.BORDER);
            GridDataFactory.fillDefaults().grab(true, false).applyTo(folder);
            Button browse = new Button(c, SWT.PUSH);
            browse.setText("B&rowse…");
            browse.addListener(SWT.Selection, e -> {
                String chosen = new DirectoryDialog(getShell()).open();
                if (chosen != null) {
                    folder.setText(chosen);
                }
            });
            folder.addModifyListener(e -> validate());
            batch.addListener(SWT.Selection, e -> validate());
            setControl(c);
            validate();
        }

        public Combo batchCombo() {
            return batch;
        }

        public Text folderText() {
            return folder;
        }

        Path folder() {
            return Path.of(folder.getText().trim());
        }

        private void validate() {
            String problem = batch.getText().isEmpty() ? "no batch to report on"
                    : folder.getText().isBlank() ? "choose the output folder" : null;
            setErrorMessage(problem);
            setPageComplete(problem == null);
        }
    }
}
