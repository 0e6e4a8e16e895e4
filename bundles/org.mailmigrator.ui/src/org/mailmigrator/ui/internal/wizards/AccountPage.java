package org.mailmigrator.ui.internal.wizards;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
import org.mailmigrator.ui.internal.editor.SignInChoice;

/**
 * The source or destination account of a new migration: the account page of the connector chosen on the
 * first page (its own, else generated from its declared settings), rebuilt when another connector is chosen.
 * An IMAP account also gets the sign-in choice of the migration editor ({@link SignInChoice}: password, OAuth2 in the
 * browser, service account key file, access token file). Complete when the page reports no problem and the
 * password was typed, or the chosen sign-in is made; an account of a connector without a secret setting (a file:
 * a PST, an mbox, a Maildir, with its File... and Folder... pickers) needs none.
 */
final class AccountPage extends WizardPage {
    private final Supplier<ConnectorDescriptor> connector;
    private final ConnectorPages pages;
    private Composite body;
    private ConnectorPage page;
    private ConnectorDescriptor shownFor;
    private SignInChoice signIn;
    private org.eclipse.ui.forms.widgets.FormToolkit toolkit;

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
        toolkit = new org.eclipse.ui.forms.widgets.FormToolkit(parent.getDisplay());
        body.addDisposeListener(e -> toolkit.dispose());
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
            signIn = c.id().equals("imap") ? new SignInChoice(toolkit, body, Map.of(),
                    () -> page.values().getOrDefault("login", ""), this::validate) : null;
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

    /** The sign-in choice of an IMAP account, else empty. */
    public Optional<SignInChoice> signIn() {
        return Optional.ofNullable(signIn);
    }

    private boolean oauth() {
        return signIn != null && !signIn.id().equals("password");
    }

    private void validate() {
        List<String> problems = new ArrayList<>(page.problems());
        if (oauth()) {
            // signing in with OAuth2, the account's password field stays empty: its "required" is no problem
            shownFor.settings().stream().filter(org.mailmigrator.core.connector.SettingDescriptor::secret)
                    .forEach(s -> s.validate(null).ifPresent(problems::remove));
            problems.addAll(signIn.problems());
        }
        // a file on this machine (a PST, an mbox...) has no password: its connector declares no secret
        boolean signsIn = oauth() || shownFor.settings().stream().anyMatch(org.mailmigrator.core.connector.SettingDescriptor::secret);
        String problem = problems.stream().findFirst()
                .orElse(signsIn && secret().isEmpty() ? oauth() ? "sign in as chosen" : "type the account's password" : null);
        setErrorMessage(problem);
        setPageComplete(problem == null);
    }

    /** The account as filled in; its credential reference is replaced by the batch's own when stored. */
    Account account() {
        Map<String, String> settings = new HashMap<>(page.values());
        if (signIn != null) {
            signIn.apply(settings); // auth = xoauth2 and which sign-in, or neither for a password
        }
        return new Account(shownFor.id(), settings, new CredentialRef("new"));
    }

    /** The password typed, or the chosen sign-in's secret (refresh token JSON, key, token) to seal. */
    Optional<Secret> secret() {
        return oauth() ? signIn.secret() : page.secret();
    }
}
