package org.mailmigrator.ui.internal.prefs;

import java.io.IOException;
import java.util.Optional;

import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.PreferenceStore;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.notify.SmtpPassword;
import org.mailmigrator.batch.notify.SmtpSettings;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * "Notifications": the SMTP server of the batches' notification mails, kept where the command line reads it
 * ({@link SmtpSettings#file}), so {@code batch run} and the workbench send through the same server. The
 * login's password is masked, sealed in the workspace's vault ({@link SmtpPassword}); left empty it keeps the
 * stored one, and an empty login forgets it. "Sign-in" OAuth2 (preference {@code smtp.auth=xoauth2}, as
 * {@code batch notify-settings --smtp-auth xoauth2} sets it) makes that secret an OAuth2 one (docs/sign-in.md).
 */
public final class SmtpPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {
    static final String HOST = "smtp.host";
    static final String PORT = "smtp.port";
    static final String SECURITY = "smtp.security";
    static final String FROM = "smtp.from";
    static final String LOGIN = "smtp.login";
    /** password, or xoauth2: the secret below is then a service account key, an authorized user JSON or an access token. */
    static final String AUTH = "smtp.auth";
    /** Only in this page's memory store: the typed password goes to the vault, never to a preferences file. */
    static final String PASSWORD = "smtp.password";

    private Workspace workspace;
    private SecretVault vault;
    private StringFieldEditor password;
    /** The login whose password is stored: another login needs its own. */
    private Optional<String> storedLogin = Optional.empty();

    public SmtpPreferencePage() {
        super(GRID);
        setDescription("The SMTP server that sends batch notifications (an empty host sends none).");
    }

    @Override
    public void init(IWorkbench workbench) {
        BatchSession session = workbench.getService(BatchSession.class);
        workspace = session.workspace().folder();
        try {
            vault = session.workspace().vault(true);
        } catch (java.io.IOException e) {
            // the session opened it already; a key file gone since then is told when a password is saved
            throw new IllegalStateException(e.getMessage(), e);
        }
        PreferenceStore store = new PreferenceStore();
        store.setDefault(PORT, 25);
        store.setDefault(SECURITY, "starttls");
        store.setDefault(FROM, "mailmigrator@localhost");
        store.setDefault(AUTH, "password");
        try {
            SmtpSettings.auth(workspace).ifPresent(a -> store.setValue(AUTH, a));
            SmtpSettings.load(workspace).ifPresent(s -> {
                store.setValue(HOST, s.host());
                store.setValue(PORT, s.port());
                store.setValue(SECURITY, s.security());
                store.setValue(FROM, s.from());
                store.setValue(LOGIN, s.login().orElse(""));
                storedLogin = s.login().filter(l -> SmtpPassword.stored(workspace));
            });
        } catch (IOException | RuntimeException e) {
            setErrorMessage("cannot read " + SmtpSettings.file(workspace) + ": " + e.getMessage());
        }
        setPreferenceStore(store);
    }

    @Override
    protected void createFieldEditors() {
        addField(new StringFieldEditor(HOST, "SMTP &host:", getFieldEditorParent()));
        IntegerFieldEditor port = new IntegerFieldEditor(PORT, "&Port:", getFieldEditorParent());
        port.setValidRange(1, 65535);
        addField(port);
        addField(new ComboFieldEditor(SECURITY, "&Security:", new String[][] { { "STARTTLS", "starttls" },
                { "TLS", "tls" }, { "None", "none" } }, getFieldEditorParent()));
        addField(new StringFieldEditor(FROM, "&From address:", getFieldEditorParent()));
        addField(new StringFieldEditor(LOGIN, "&Login (optional):", getFieldEditorParent()));
        addField(new ComboFieldEditor(AUTH, "Sign-&in:", new String[][] { { "Password", "password" },
                { "OAuth2 (XOAUTH2): key, refresh token JSON or access token below", "xoauth2" } }, getFieldEditorParent()));
        password = new StringFieldEditor(PASSWORD, "Pass&word:", getFieldEditorParent());
        password.getTextControl(getFieldEditorParent()).setEchoChar('*');
        password.getTextControl(getFieldEditorParent()).setMessage(
                SmtpPassword.stored(workspace) ? "(stored, encrypted: empty keeps it)" : "(none stored)");
        addField(password);
    }

    @Override
    public boolean performOk() {
        if (!super.performOk()) {
            return false;
        }
        var s = getPreferenceStore();
        try {
            Optional<String> login = Optional.of(s.getString(LOGIN).trim()).filter(l -> !l.isEmpty());
            String typed = s.getString(PASSWORD);
            if (login.isPresent() && typed.isEmpty() && !login.equals(storedLogin)) {
                setErrorMessage("type the password of the login " + login.get() + " (it is stored encrypted)");
                return false;
            }
            if (s.getString(AUTH).equals("xoauth2") && !typed.isEmpty()) {
                try { // checked now (a key's fields), never quoted
                    org.mailmigrator.auth.SignIns.tokens(Secret.of(typed.strip()), login.orElse(""), java.util.List.of(),
                            "the OAuth2 secret typed", java.time.Clock.systemUTC());
                } catch (IllegalArgumentException e) {
                    setErrorMessage(e.getMessage());
                    return false;
                }
            }
            new SmtpSettings(s.getString(HOST).trim(), s.getInt(PORT), s.getString(SECURITY), s.getString(FROM).trim(),
                    login).save(workspace);
            SmtpSettings.saveAuth(workspace, s.getString(AUTH));
            if (login.isEmpty()) {
                SmtpPassword.remove(workspace);
            } else if (!typed.isEmpty()) {
                SmtpPassword.save(workspace, vault, Secret.of(s.getString(AUTH).equals("xoauth2") ? typed.strip() : typed));
            }
            storedLogin = login;
            // the typed password leaves the page's memory store once sealed
            s.setValue(PASSWORD, "");
            password.load();
            return true;
        } catch (IOException e) {
            setErrorMessage("cannot save " + SmtpSettings.file(workspace) + ": " + e.getMessage());
            return false;
        }
    }
}
