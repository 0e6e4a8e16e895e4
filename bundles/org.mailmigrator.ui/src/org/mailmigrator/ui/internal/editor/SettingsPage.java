package org.mailmigrator.ui.internal.editor;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.core.model.Migration;

/** The first page: source and destination accounts on the left, options on the right. */
final class SettingsPage extends FormPage {
    static final String ID = "org.mailmigrator.ui.editor.settings";

    private final MigrationEditor editor;
    private final Migration migration;
    private AccountSection source;
    private AccountSection destination;
    private OptionsSection options;

    SettingsPage(MigrationEditor editor, Migration migration) {
        super(editor, ID, "Settings");
        this.editor = editor;
        this.migration = migration;
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        FormToolkit toolkit = managedForm.getToolkit();
        Composite body = managedForm.getForm().getBody();
        body.setLayout(new GridLayout(2, true));
        Composite accounts = toolkit.createComposite(body);
        accounts.setLayout(new GridLayout(1, false));
        GridDataFactory.fillDefaults().grab(true, true).applyTo(accounts);
        ConnectorRegistry registry = editor.connectors();
        source = new AccountSection(toolkit, accounts, "Source account", migration.source(), registry, editor.pages(),
                editor::changed);
        destination = new AccountSection(toolkit, accounts, "Destination account", migration.destination(), registry,
                editor.pages(), editor::changed);
        source.detectButton().ifPresent(b -> b.addListener(org.eclipse.swt.SWT.Selection, e -> editor.detect(source)));
        destination.detectButton().ifPresent(b -> b.addListener(org.eclipse.swt.SWT.Selection, e -> editor.detect(destination)));
        options = new OptionsSection(toolkit, body, migration.options(), editor::changed);
    }

    /** Null until the page was shown once (FormEditor creates page contents lazily; the editor forces it). */
    AccountSection source() {
        return source;
    }

    AccountSection destination() {
        return destination;
    }

    OptionsSection options() {
        return options;
    }
}
