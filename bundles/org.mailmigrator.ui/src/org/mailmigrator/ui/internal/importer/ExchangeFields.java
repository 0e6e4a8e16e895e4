package org.mailmigrator.ui.internal.importer;

import java.util.Optional;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.mailmigrator.batch.csv.ImportOptions;
import org.mailmigrator.core.model.Secret;

/**
 * What an Exchange Online CSV does not say, for the whole batch: the source server, the destination server and
 * the destination administrator's password (a password field; kept as a {@link Secret}, never shown again).
 */
final class ExchangeFields {
    private final Group group;
    private final Text source;
    private final Text destination;
    private final Text password;

    ExchangeFields(Composite parent, Runnable onChange) {
        group = new Group(parent, SWT.NONE);
        group.setText("Exchange Online CSV: servers and administrator password for the whole batch");
        group.setLayout(new GridLayout(6, false));
        source = field("Source server:", SWT.BORDER);
        destination = field("Destination server:", SWT.BORDER);
        password = field("Destination password:", SWT.BORDER | SWT.PASSWORD);
        for (Text t : new Text[] { source, destination, password }) {
            t.addModifyListener(e -> onChange.run());
        }
    }

    private Text field(String label, int style) {
        new Label(group, SWT.NONE).setText(label);
        Text t = new Text(group, style);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(t);
        return t;
    }

    Group control() {
        return group;
    }

    Text sourceServer() {
        return source;
    }

    Text destinationServer() {
        return destination;
    }

    Text destinationPassword() {
        return password;
    }

    void setEnabled(boolean enabled) {
        for (var c : group.getChildren()) {
            c.setEnabled(enabled);
        }
    }

    ImportOptions apply(ImportOptions options) {
        return new ImportOptions(options.format(), text(source), text(destination),
                password.getText().isEmpty() ? Optional.empty() : Optional.of(Secret.of(password.getText())));
    }

    private static Optional<String> text(Text t) {
        return t.getText().isBlank() ? Optional.empty() : Optional.of(t.getText().trim());
    }
}
