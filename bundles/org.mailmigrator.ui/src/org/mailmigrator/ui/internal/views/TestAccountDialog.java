package org.mailmigrator.ui.internal.views;

import java.util.Map;
import java.util.Optional;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.mailmigrator.core.connector.ConnectorDescriptor;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.ui.forms.ConnectorPage;
import org.mailmigrator.ui.forms.ConnectorPages;
import org.mailmigrator.ui.internal.trust.UiConnectContext;

/**
 * Fills in an account of one connector with its account page (its own, else generated from its declared
 * settings), and tests it:
 * connect and log in through the connector, in a background job, with the outcome shown in the dialog.
 */
public final class TestAccountDialog extends TitleAreaDialog {
    private final ConnectorRegistry connectors;
    private final ConnectorPages pages;
    private final ConnectorDescriptor connector;
    private ConnectorPage page;
    private Button test;
    private Label result;

    /**
     * {@code connectors}: the registry of the workspace service, which connects the tested account; {@code pages}:
     * the session's connector pages.
     */
    public TestAccountDialog(Shell parent, ConnectorRegistry connectors, ConnectorPages pages, ConnectorDescriptor connector) {
        super(parent);
        this.connectors = connectors;
        this.pages = pages;
        this.connector = connector;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        getShell().setText("Test an account");
        setTitle(connector.name() + " account");
        setMessage("Fill in the settings and test the connection. Nothing is stored.");
        Composite area = (Composite) super.createDialogArea(parent);
        Composite body = new Composite(area, SWT.NONE);
        body.setLayout(new GridLayout(1, false));
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        page = pages.create(connector);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(page.createControl(body, connector, Map.of()));
        test = new Button(body, SWT.PUSH);
        test.setText("&Test connection");
        test.addListener(SWT.Selection, e -> runTest());
        result = new Label(body, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(460, SWT.DEFAULT).applyTo(result);
        page.addChangeListener(this::showProblems);
        showProblems();
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        close();
    }

    private void showProblems() {
        var problems = page.problems();
        test.setEnabled(problems.isEmpty());
        setErrorMessage(problems.isEmpty() ? null : problems.get(0));
    }

    private void runTest() {
        Account account = new Account(connector.id(), page.values(), null);
        Optional<Secret> secret = page.secret();
        Role role = connector.canRead() ? Role.SOURCE : Role.DESTINATION;
        result.setText("Connecting…");
        test.setEnabled(false);
        new ConnectionTestJob(connectors, connector, account, role, new UiConnectContext(getShell().getDisplay(), secret.orElse(null)), outcome ->
                result.getDisplay().asyncExec(() -> {
                    if (!result.isDisposed()) {
                        result.setText(outcome);
                        result.getParent().layout(true, true);
                        showProblems();
                    }
                })).schedule();
    }

    /** The text the dialog shows after a test, for tests of the dialog. */
    public String resultText() {
        return result.getText();
    }

    public ConnectorPage page() {
        return page;
    }

    public Button testButton() {
        return test;
    }
}
