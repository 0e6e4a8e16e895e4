package org.mailmigrator.ui.internal.wizards;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.mailmigrator.auth.ServiceAccountKey;
import org.mailmigrator.batch.csv.CsvFormat;
import org.mailmigrator.batch.csv.ImportOptions;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * Google Workspace batch: one service account key with domain-wide delegation, the domain, its users (pasted or
 * a one-column CSV) and the destination server with its own key (or the same one). Finish writes a native CSV
 * in memory ({@code source.serviceaccount} = the key file on every row) and imports it as a new batch, so the
 * key is read and sealed with each row exactly as a CSV import does (docs/sign-in.md).
 */
public final class GoogleWorkspaceWizard extends OnePageWizard<GoogleWorkspaceWizard.Page> {
    static final String GMAIL = "imaps://imap.gmail.com";
    private final BatchSession session;

    public GoogleWorkspaceWizard(BatchSession session) {
        this.session = session;
        init("Google Workspace batch", new Page());
    }

    @Override
    void finish() throws BatchStoreException, IOException {
        String csv = page().csv();
        var imported = session.workspace().importer().read(csv.getBytes(StandardCharsets.UTF_8),
                ImportOptions.auto().withFormat(CsvFormat.NATIVE));
        if (!imported.problems().isEmpty()) {
            // the CSV's line 2 is the first user: name the user, not a line of a file nobody sees
            List<String> users = page().users();
            throw new IllegalArgumentException(String.join("; ", imported.problems().stream().map(p -> p.line() >= 2
                    && p.line() - 2 < users.size() ? "User " + users.get(p.line() - 2) + ": " + p.reason()
                            : p.toString()).toList()));
        }
        session.workspace().importBatch(page().name.getText().trim(), imported, false, session.defaults(),
                Optional.empty(), Optional.empty());
    }

    /** The wizard's only page. */
    public final class Page extends WizardPage {
        private Text name;
        private Text key;
        private Text domain;
        private Text source;
        private Text users;
        private Text destination;
        private Text destinationDomain;
        private Text destinationKey;
        private Button loadCsv;

        Page() {
            super("workspace");
            setTitle("Google Workspace batch");
            setDescription("Every mailbox of a domain through one service account key with domain-wide delegation: "
                    + "no password, no sign-in per user.");
        }

        @Override
        public void createControl(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new GridLayout(3, false));
            name = text(c, "Batch &name:", "letters, digits, '.', '_' or '-'");
            key = text(c, "Service account &key:", "the JSON key downloaded from the Google Cloud console");
            browse(c, key);
            domain = text(c, "&Domain:", "example.com: bare names in the list get @example.com");
            source = text(c, "&Source server:", GMAIL);
            source.setText(GMAIL);
            new Label(c, SWT.NONE).setText("&Users:");
            users = new Text(c, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL);
            users.setMessage("one address a line (pasted, or a one-column CSV)");
            GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 120).applyTo(users);
            loadCsv = new Button(c, SWT.PUSH);
            loadCsv.setText("Load &CSV\u2026");
            loadCsv.addListener(SWT.Selection, e -> {
                FileDialog d = new FileDialog(c.getShell(), SWT.OPEN);
                d.setFilterExtensions(new String[] {"*.csv;*.txt", "*"});
                Optional.ofNullable(d.open()).ifPresent(this::load);
            });
            destination = text(c, "Des&tination server:", "imaps://imap.example.net");
            destinationDomain = text(c, "Destination d&omain:", "optional: alice@example.com becomes alice@THIS");
            destinationKey = text(c, "Destination k&ey:", "optional: the destination's service account key; "
                    + "empty signs in with the same key");
            browse(c, destinationKey);
            for (Text t : List.of(name, key, domain, source, users, destination, destinationDomain, destinationKey)) {
                t.addModifyListener(e -> validate());
            }
            setControl(c);
            validate();
        }

        List<String> users() {
            return WorkspaceUsers.parse(users.getText(), domain.getText()).users();
        }

        /** Fills the user list from a one-column CSV file. */
        public void load(String file) {
            try {
                users.setText(Files.readString(Path.of(file), StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                setErrorMessage("Users: the file '" + file + "' cannot be read");
            }
        }

        private Text text(Composite c, String label, String hint) {
            new Label(c, SWT.NONE).setText(label);
            Text t = new Text(c, SWT.BORDER);
            t.setMessage(hint);
            GridDataFactory.fillDefaults().grab(true, false).span(label.contains("&key") || label.contains("k&ey") ? 1 : 2, 1)
                    .applyTo(t);
            return t;
        }

        private void browse(Composite c, Text target) {
            Button b = new Button(c, SWT.PUSH);
            b.setText("Browse\u2026");
            b.addListener(SWT.Selection, e -> {
                FileDialog d = new FileDialog(c.getShell(), SWT.OPEN);
                d.setFilterExtensions(new String[] {"*.json", "*"});
                Optional.ofNullable(d.open()).ifPresent(target::setText);
            });
        }

        private void validate() {
            List<String> problems = problems();
            setErrorMessage(problems.isEmpty() ? null : problems.get(0));
            setPageComplete(problems.isEmpty());
        }

        /** Everything wrong with the page, each naming its field (and line); never a key's content. */
        List<String> problems() {
            List<String> problems = new ArrayList<>();
            String n = name.getText().trim();
            if (!n.matches("[A-Za-z0-9._-]+")) {
                problems.add("Batch name: '" + n + "' is not letters, digits, '.', '_' or '-'");
            } else {
                try {
                    if (session.workspace().store().batch(n).isPresent()) {
                        problems.add("Batch name: a batch named '" + n + "' exists");
                    }
                } catch (BatchStoreException e) {
                    problems.add("Batch name: " + e.getMessage());
                }
            }
            checkKey(problems, "Service account key", key.getText().trim(), true);
            String d = domain.getText().trim();
            if (!d.isEmpty() && !d.matches("[A-Za-z0-9.-]+\\.[A-Za-z]{2,}")) {
                problems.add("Domain: '" + d + "' is not a domain name");
            }
            checkServer(problems, "Source server", source.getText().trim());
            problems.addAll(WorkspaceUsers.parse(users.getText(), d).problems());
            checkServer(problems, "Destination server", destination.getText().trim());
            String dd = destinationDomain.getText().trim();
            if (!dd.isEmpty() && !dd.matches("[A-Za-z0-9.-]+\\.[A-Za-z]{2,}")) {
                problems.add("Destination domain: '" + dd + "' is not a domain name");
            }
            checkKey(problems, "Destination key", destinationKey.getText().trim(), false);
            return problems;
        }

        private static void checkServer(List<String> problems, String field, String value) {
            if (!value.matches("imaps?://[A-Za-z0-9.\\-\\[\\]:]+/?")) {
                problems.add(field + ": '" + value + "' is not imaps://HOST[:PORT] or imap://HOST[:PORT]");
            }
        }

        private static void checkKey(List<String> problems, String field, String path, boolean required) {
            if (path.isEmpty()) {
                if (required) {
                    problems.add(field + ": choose the service account JSON key file");
                }
                return;
            }
            try {
                if (!ServiceAccountKey.isKey(Secret.of(Files.readString(Path.of(path))))) {
                    problems.add(field + ": '" + path + "' is not a service account JSON key (\"type\": \"service_account\")");
                }
            } catch (IOException | RuntimeException e) {
                problems.add(field + ": the file '" + path + "' cannot be read");
            }
        }

        /** The batch as a native CSV: one row a user, both sides signing in with a service account key. */
        String csv() {
            List<String> problems = problems();
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(problems.get(0));
            }
            String k = key.getText().trim();
            String dk = destinationKey.getText().trim().isEmpty() ? k : destinationKey.getText().trim();
            StringBuilder csv = new StringBuilder("source.server,source.login,source.auth,source.serviceaccount,"
                    + "destination.server,destination.login,destination.auth,destination.serviceaccount\n");
            for (String u : WorkspaceUsers.parse(users.getText(), domain.getText()).users()) {
                csv.append(String.join(",", List.of(q(source.getText().trim()), q(u), "xoauth2", q(k),
                        q(destination.getText().trim()), q(WorkspaceUsers.destination(u, destinationDomain.getText())),
                        "xoauth2", q(dk)))).append('\n');
            }
            return csv.toString();
        }

        private static String q(String value) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }

        public Text nameText() {
            return name;
        }

        public Text keyText() {
            return key;
        }

        public Text domainText() {
            return domain;
        }

        public Text sourceText() {
            return source;
        }

        public Text usersText() {
            return users;
        }

        public Text destinationText() {
            return destination;
        }

        public Text destinationDomainText() {
            return destinationDomain;
        }

        public Text destinationKeyText() {
            return destinationKey;
        }

        public Button loadCsvButton() {
            return loadCsv;
        }
    }
}
