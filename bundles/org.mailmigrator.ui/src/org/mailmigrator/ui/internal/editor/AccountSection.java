package org.mailmigrator.ui.internal.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.Section;
import org.mailmigrator.core.connector.ConnectorDescriptor;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.core.connector.SettingDescriptor;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.ui.forms.ConnectorPage;
import org.mailmigrator.ui.forms.ConnectorPages;
import org.mailmigrator.ui.forms.GeneratedPage;
import org.mailmigrator.ui.forms.SettingsForm;

/**
 * One account of the migration: the connector's page (contributed through {@code connectorPages}, else
 * generated from its declared settings) in a form section, and "Detect settings" for pages that have the
 * usual host, port and security fields. An empty password field keeps the stored password.
 */
final class AccountSection {
    private final Account original;
    private final ConnectorDescriptor connector;
    private final ConnectorPage page;
    private final Button detect;
    private SignInChoice signIn;

    AccountSection(FormToolkit toolkit, Composite parent, String title, Account account, ConnectorRegistry registry,
            ConnectorPages pages, Runnable changed) {
        this.original = account;
        Section section = toolkit.createSection(parent, Section.TITLE_BAR | Section.DESCRIPTION);
        section.setText(title);
        Composite client = toolkit.createComposite(section);
        client.setLayout(new GridLayout(1, false));
        section.setClient(client);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(section);
        connector = registry.find(account.connectorId()).orElse(null);
        if (connector == null) {
            section.setDescription("Connector '" + account.connectorId() + "' is not installed: its settings are kept "
                    + "as they are.");
            page = null;
            detect = null;
            return;
        }
        section.setDescription(connector.name() + " account. Leave the password empty to keep the stored one.");
        page = pages.create(connector);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(page.createControl(client, connector, account.settings()));
        page.addChangeListener(changed);
        // the stored password stays when its field is left empty: not "required" here
        form().ifPresent(f -> connector.settings().stream().filter(SettingDescriptor::secret)
                .forEach(setting -> f.markStored(setting.id())));
        if (account.connectorId().equals("imap")) {
            signIn = new SignInChoice(toolkit, client, account.settings(), () -> page.values().getOrDefault("login", ""),
                    changed);
        }
        detect = toolkit.createButton(client, "Detect settings", SWT.PUSH);
        detect.setToolTipText("Look up the server, port and security of the login's e-mail address (autodetection)");
        // a connector addressed by a host and a login (its declaration says which settings those are)
        var addressing = connector.addressing();
        detect.setEnabled(addressing.endpoint().filter(e -> e.type() == org.mailmigrator.core.connector.SettingType.HOST)
                .isPresent() && addressing.login().isPresent() && form().map(f -> f.field(addressing.endpoint().get().id())
                        != null && f.field(addressing.login().get().id()) != null).orElse(false));
    }

    /** The account as edited: undeclared settings of the stored account are kept, declared ones replaced. */
    Account account() {
        if (page == null) {
            return original;
        }
        Map<String, String> settings = new LinkedHashMap<>(original.settings());
        connector.settings().forEach(s -> settings.remove(s.id()));
        settings.putAll(page.values());
        if (signIn != null) {
            signIn.apply(settings);
        }
        return new Account(original.connectorId(), settings, original.credential());
    }

    /** Which of the connector's settings are its endpoint, login and port ({@code NONE} when not installed). */
    org.mailmigrator.core.connector.Addressing addressing() {
        return connector == null ? org.mailmigrator.core.connector.Addressing.NONE : connector.addressing();
    }

    Optional<Secret> password() {
        if (signIn != null && !signIn.id().equals("password")) {
            return signIn.secret();
        }
        return page == null ? Optional.empty() : page.secret();
    }

    /**
     * What is wrong with the account. A required secret left empty is not: the stored one stays (the page
     * reports it as missing because it cannot know a password is stored).
     */
    List<String> problems(String side) {
        if (page == null) {
            return List.of();
        }
        List<String> problems = new ArrayList<>(page.problems());
        for (SettingDescriptor s : connector.settings()) {
            if (s.secret()) {
                s.validate(null).ifPresent(problems::remove);
            }
        }
        if (signIn != null) {
            problems.addAll(signIn.problems());
        }
        return problems.stream().map(p -> side + ": " + p).toList();
    }

    /** The generated form, when the connector has no page of its own (tests and "Detect settings" fill it). */
    Optional<SettingsForm> form() {
        return page instanceof GeneratedPage g ? Optional.of(g.form()) : Optional.empty();
    }

    /** The sign-in choice of an IMAP account (absent for other connectors). */
    Optional<SignInChoice> signIn() {
        return Optional.ofNullable(signIn);
    }

    Optional<Button> detectButton() {
        return Optional.ofNullable(detect);
    }
}
