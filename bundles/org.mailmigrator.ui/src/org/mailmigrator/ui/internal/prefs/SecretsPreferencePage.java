package org.mailmigrator.ui.internal.prefs;

import java.io.IOException;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * "Secrets": where the key that encrypts the stored passwords lives. Off (the default): the key file
 * {@code secrets.key} in the workspace, as the command line uses it. On: the workbench's Equinox secure storage
 * ({@link SecureStorageKey}); the key file is removed and the command line says where the key went.
 */
public final class SecretsPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {
    public static final String IN_SECURE_STORAGE = "secrets.keyInSecureStorage";
    private Workspace workspace;

    public SecretsPreferencePage() {
        super(GRID);
        setDescription("Passwords in this workspace are encrypted (AES-256-GCM) with one key. By default that key is "
                + "the file secrets.key inside the workspace folder (owner-only), which the command line also uses: "
                + "whoever can read the folder can read the passwords.\n\nWith the option below the workbench keeps "
                + "the key in Eclipse secure storage instead (a file of your user, by default "
                + "~/.eclipse/org.eclipse.equinox.security/secure_storage, encrypted with a random master password that "
                + "your desktop's keyring keeps through the Secret Service: gnome-keyring, KeePassXC) and deletes "
                + "secrets.key: whoever can open your keyring can read the passwords. The command line then cannot run "
                + "these batches and says so. Without a running, unlocked Secret Service the option is refused and the "
                + "key file stays.");
    }

    /** Whether the workbench keeps the vault key in secure storage (off unless the user turned it on). */
    public static boolean keyInSecureStorage() {
        return InstanceScope.INSTANCE.getNode(RunPreferences.NODE).getBoolean(IN_SECURE_STORAGE, false);
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, RunPreferences.NODE));
        BatchSession session = workbench.getService(BatchSession.class);
        workspace = session == null ? null : session.workspace().folder();
    }

    @Override
    protected void createFieldEditors() {
        addField(new BooleanFieldEditor(IN_SECURE_STORAGE,
                "Keep the secrets &key in the workbench's secure storage, not in the workspace folder",
                getFieldEditorParent()));
        org.eclipse.swt.widgets.Label now = new org.eclipse.swt.widgets.Label(getFieldEditorParent(), org.eclipse.swt.SWT.WRAP);
        now.setText(where());
        now.setData("where", Boolean.TRUE);
        org.eclipse.swt.layout.GridData wrap = new org.eclipse.swt.layout.GridData(org.eclipse.swt.SWT.FILL,
                org.eclipse.swt.SWT.TOP, true, false);
        wrap.widthHint = 400; // wraps a long workspace path instead of widening the dialog
        now.setLayoutData(wrap);
    }

    /** Where the key of this workspace is now, as the page opens. */
    private String where() {
        if (workspace == null) {
            return "";
        }
        java.nio.file.Path keyFile = workspace.defaultSecretsKey();
        if (keyInSecureStorage()) {
            return "Now: in the workbench's secure storage (master password in the OS keyring); no key file in "
                    + workspace.dir();
        }
        return java.nio.file.Files.exists(keyFile) ? "Now: the key file " + keyFile
                : "Now: no key yet (the key file " + keyFile + " is made with the first password stored)";
    }

    @Override
    public boolean performOk() {
        boolean was = keyInSecureStorage();
        if (!super.performOk()) {
            return false;
        }
        boolean now = getPreferenceStore().getBoolean(IN_SECURE_STORAGE);
        if (was == now || workspace == null) {
            return true;
        }
        try {
            SecureStorageKey holder = SecureStorageKey.ofDefault();
            if (now) {
                holder.vault(workspace); // the same key bytes: what the session sealed still opens
            } else {
                holder.release(workspace);
            }
            return true;
        } catch (IOException e) {
            getPreferenceStore().setValue(IN_SECURE_STORAGE, was);
            setErrorMessage(e.getMessage());
            return false;
        }
    }
}
