package org.mailmigrator.ui.internal.wizards;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.mailmigrator.core.connector.ConnectorDescriptor;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.ui.forms.ConnectorPage;
import org.mailmigrator.ui.forms.ConnectorPages;

/**
 * The source or destination account of a new migration: the account page of the connector chosen on the
 * first page (its own, else generated from its declared settings), rebuilt when another connector is chosen.
 * Complete when the page reports no problem and a password was typed.
 */
final class AccountPage extends WizardPage {
    private final Supplier<ConnectorDescriptor> connector;
    private final ConnectorPages pages;
    private Composite body;
    private ConnectorPage page;
    private ConnectorDescriptor shownFor;

    AccountPage(String name, String title, ConnectorPages pages, Supplier<ConnectorDescriptor> connector) {
        super(name);
        setTitle(title);
        this.connector = connector;
        this.pages = pages;
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        body = new Composite(parent, SWT.NONE);
        body.setLayout(new GridLayout(1, false));
        setControl(body);
    }

    @Override
    public void setVisible(boolean visible) {
        ConnectorDescriptor c = connector.get();
        if (visible && c != null && !c.equals(shownFor)) {
            for (var child : body.getChildren()) {
                child.dispose();
            }
            page = pages.create(c);
            GridDataFactory.fillDefaults().grab(true, false).applyTo(page.createControl(body, c, Map.of()));
            page.addChangeListener(this::validate);
            shownFor = c;
            setDescription(c.name() + " account");
            body.layout(true, true);
            validate();
        }
        super.setVisible(visible);
    }

    ConnectorPage page() {
        return page;
    }

    private void validate() {
        String problem = page.problems().stream().findFirst()
                .orElse(page.secret().isEmpty() ? "type the account's password" : null);
        setErrorMessage(problem);
        setPageComplete(problem == null);
    }

    /** The account as filled in; its credential reference is replaced by the batch's own when stored. */
    Account account() {
        return new Account(shownFor.id(), page.values(), new CredentialRef("new"));
    }

    Optional<Secret> secret() {
        return page.secret();
    }
}
