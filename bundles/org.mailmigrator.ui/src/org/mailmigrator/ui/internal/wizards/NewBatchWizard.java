package org.mailmigrator.ui.internal.wizards;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * New batch: name, concurrency, per-server connection limit, notification address and start time; Finish
 * stores an empty batch (the New migration wizard and imports fill it). Limits start at the preferences'.
 */
public final class NewBatchWizard extends OnePageWizard<NewBatchWizard.Page> {
    private final BatchSession session;

    public NewBatchWizard(BatchSession session) {
        this.session = session;
        init("New batch", new Page());
    }

    @Override
    void finish() throws BatchStoreException {
        session.workspace().create(page().spec());
    }

    /** The batch's fields. */
    public final class Page extends WizardPage {
        private Text name;
        private Spinner concurrency;
        private Spinner perHost;
        private Text notify;
        private Text schedule;

        Page() {
            super("batch");
            setTitle("New batch");
            setDescription("A named set of migrations with its limits; add migrations to it afterwards.");
        }

        @Override
        public void createControl(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new GridLayout(2, false));
            name = text(c, "&Name:", "letters, digits, '.', '_' or '-'");
            concurrency = spinner(c, "&Concurrency (migrations at once):", session.defaults().concurrency());
            perHost = spinner(c, "Connections per &server:", session.defaults().perHost());
            notify = text(c, "&Notify (e-mail address):", "optional: sent when the batch starts, fails, finishes");
            schedule = text(c, "S&tart at:", "optional: yyyy-mm-ddThh:mm, local time; empty starts at once");
            for (Text t : List.of(name, notify, schedule)) {
                t.addModifyListener(e -> validate());
            }
            setControl(c);
            validate();
        }

        private Text text(Composite c, String label, String hint) {
            new Label(c, SWT.NONE).setText(label);
            Text t = new Text(c, SWT.BORDER);
            t.setMessage(hint);
            GridDataFactory.fillDefaults().grab(true, false).applyTo(t);
            return t;
        }

        private Spinner spinner(Composite c, String label, int value) {
            new Label(c, SWT.NONE).setText(label);
            Spinner s = new Spinner(c, SWT.BORDER);
            s.setValues(value, 1, 1000, 0, 1, 10);
            return s;
        }

        public Text nameText() {
            return name;
        }

        public Spinner concurrencySpinner() {
            return concurrency;
        }

        public Spinner perHostSpinner() {
            return perHost;
        }

        public Text notifyText() {
            return notify;
        }

        public Text scheduleText() {
            return schedule;
        }

        private void validate() {
            String problem = null;
            try {
                spec();
                if (session.workspace().store().batch(name.getText().trim()).isPresent()) {
                    problem = "a batch named '" + name.getText().trim() + "' exists";
                }
            } catch (IllegalArgumentException | DateTimeParseException | BatchStoreException e) {
                problem = e.getMessage();
            }
            setErrorMessage(problem);
            setPageComplete(problem == null);
        }

        BatchSpec spec() {
            String address = notify.getText().trim();
            if (!address.isEmpty() && !address.matches("[^@\\s]+@[^@\\s]+")) {
                throw new IllegalArgumentException("notification address '" + address + "' is not an e-mail address");
            }
            String at = schedule.getText().trim();
            Optional<Instant> start;
            try {
                start = at.isEmpty() ? Optional.empty()
                        : Optional.of(LocalDateTime.parse(at).atZone(ZoneId.systemDefault()).toInstant());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("start time '" + at + "' is not yyyy-mm-ddThh:mm");
            }
            return new BatchSpec(name.getText().trim(), List.of(), concurrency.getSelection(), perHost.getSelection(),
                    address.isEmpty() ? Optional.empty() : Optional.of(address), start, Instant.now());
        }
    }
}
