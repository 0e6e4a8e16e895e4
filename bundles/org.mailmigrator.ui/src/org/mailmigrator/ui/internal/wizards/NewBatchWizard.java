package org.mailmigrator.ui.internal.wizards;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.MigrationOptions;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * New batch: name, concurrency, per-server connection limit, notification address and start time; Finish
 * stores an empty batch (the New migration wizard and imports fill it), or, when a folder of mail files is given, one
 * migration per Outlook data file or mbox file in it ({@link FolderRows}: into the destination server, the login made
 * from the file's name, one password for all, e.g. a master user's). Limits start at the preferences'.
 */
public final class NewBatchWizard extends OnePageWizard<NewBatchWizard.Page> {
    private final BatchSession session;

    public NewBatchWizard(BatchSession session) {
        this.session = session;
        init("New batch", new Page());
    }

    @Override
    void finish() throws BatchStoreException {
        BatchSpec spec = page().spec();
        Optional<FolderRows> files = page().folderRows();
        session.workspace().create(spec);
        if (files.isPresent()) {
            for (FolderRows.Row r : files.get().rows()) {
                Account dst = FolderRows.destination(session.workspace().connectors(), page().server.getText(), r.login());
                try {
                    session.workspace().add(spec.name(), r.source(), Secret.of(""), dst, Secret.of(page().password.getText()),
                            new MigrationOptions(Set.of(ItemKind.MAIL), List.of(), List.of(), Map.of(), false));
                } catch (java.io.IOException e) {
                    throw new BatchStoreException("cannot add the migration of " + r.file() + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** The batch's fields. */
    public final class Page extends WizardPage {
        private Text name;
        private Spinner concurrency;
        private Spinner perHost;
        private Text notify;
        private Text schedule;
        private Text folder;
        private Text server;
        private Text login;
        private Text password;

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
            folder = text(c, "Rows from the &files in:", "optional: a folder of .pst/.ost and mbox files, one migration each");
            new Label(c, SWT.NONE);
            Button pick = new Button(c, SWT.PUSH);
            pick.setText("F&older...");
            pick.addListener(SWT.Selection, e -> {
                String chosen = new org.eclipse.swt.widgets.DirectoryDialog(getShell()).open();
                if (chosen != null) {
                    folder.setText(chosen);
                }
            });
            server = text(c, "Destination ser&ver:", "imaps://imap.example.org");
            login = text(c, "Destination &login:", "{name}@example.org ({name}: the file's name without extension)");
            password = text(c, "Destination &password:", "one for every row (e.g. a master user's)");
            password.setEchoChar('*');
            for (Text t : List.of(name, notify, schedule, folder, server, login, password)) {
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

        /** The folder, destination server, login pattern and password of the rows made from files. */
        public List<Text> filesTexts() {
            return List.of(folder, server, login, password);
        }

        /** The rows of the folder given; empty when none is. */
        Optional<FolderRows> folderRows() {
            if (folder.getText().isBlank()) {
                return Optional.empty();
            }
            FolderRows rows = FolderRows.of(java.nio.file.Path.of(folder.getText().trim()), login.getText().trim());
            FolderRows.destination(session.workspace().connectors(), server.getText(), rows.rows().get(0).login());
            if (password.getText().isEmpty()) {
                throw new IllegalArgumentException("type the destination password of the rows made from files");
            }
            return Optional.of(rows);
        }

        private void validate() {
            String problem = null;
            try {
                spec();
                folderRows();
                if (session.workspace().store().batch(name.getText().trim()).isPresent()) {
                    problem = "a batch named '" + name.getText().trim() + "' exists";
                }
            } catch (IllegalArgumentException | DateTimeParseException | BatchStoreException e) { // InvalidPathException too
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
