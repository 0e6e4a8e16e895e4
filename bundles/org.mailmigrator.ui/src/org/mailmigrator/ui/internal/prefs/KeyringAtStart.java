package org.mailmigrator.ui.internal.prefs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.workspace.BatchWorkspace;

/**
 * The workbench's start with the secrets key in secure storage (Preferences &gt; Mail Migrator &gt; Secrets on): the
 * key is installed as the workspace's vault before its session opens it. When the OS keyring does not answer (no
 * Secret Service in this login, the keyring locked, libsecret missing) the workbench still opens, says so in the
 * Error Log and in a dialog titled {@value #TITLE}, and changes nothing: a key file that is still there (the key never
 * reached the storage) is kept and used; without one the workspace gets a {@link SecretVault#locked} vault, so that no
 * new key is made beside the data (the marker file stays) and opening or sealing a password says why it cannot.
 */
public final class KeyringAtStart {
    public static final String TITLE = "Secrets key not available";

    /** Opens the secure storage that holds the key ({@link SecureStorageKey#ofDefault} in the product). */
    @FunctionalInterface
    public interface Storage {
        SecureStorageKey open() throws IOException;
    }

    private KeyringAtStart() {
    }

    /**
     * Installs the key of {@code ws} from {@code storage}; when that fails, logs the reason, shows it in a dialog on
     * {@code display} (after the current event) and returns it.
     */
    public static Optional<String> install(BatchWorkspace ws, Storage storage, Display display) {
        try {
            storage.open().install(ws);
            return Optional.empty();
        } catch (IOException e) {
            Path keyFile = ws.folder().defaultSecretsKey();
            String text = message(e, keyFile);
            if (!Files.exists(keyFile)) {
                ws.useVault(SecretVault.locked(keyFile, "the secrets key is in the workbench's secure storage, which "
                        + "could not be opened when the workbench started (the OS keyring did not answer): restart the "
                        + "workbench with the keyring available"));
            }
            ILog.of(KeyringAtStart.class).error(text);
            if (!display.isDisposed()) {
                display.asyncExec(() -> MessageDialog.openError(display.getActiveShell(), TITLE, text));
            }
            return Optional.of(text);
        }
    }

    /** What the administrator reads: why, and what it means for the stored passwords (true for each case). */
    static String message(IOException e, Path keyFile) {
        String why = "The secrets key of this workspace is to be kept in the workbench's secure storage (Preferences > "
                + "Mail Migrator > Secrets), which cannot be opened now: " + e.getMessage() + ". ";
        if (Files.exists(keyFile)) {
            return why + "Until it can, the key file " + keyFile + " is used as it is: stored passwords open, and "
                    + "the key moves to the keyring at a start with the keyring available.";
        }
        return why + "Stored passwords cannot be read until the workbench is restarted with the keyring available; "
                + "nothing was changed (no new key was made, nothing sealed was touched).";
    }
}
