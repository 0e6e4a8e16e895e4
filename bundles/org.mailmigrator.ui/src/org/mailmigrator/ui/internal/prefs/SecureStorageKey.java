package org.mailmigrator.ui.internal.prefs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.StorageException;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.secrets.SecretVault;

/**
 * Keeps a workspace's vault key in Equinox secure storage instead of the key file beside the data (workbench
 * only: the command line keeps the key file). One node per workspace folder (named by the SHA-256 of its path),
 * the key Base64 and encrypted by the storage's password provider. While the key is there, the workspace holds
 * no {@code secrets.key}, only a marker file (no secret in it) so the command line says where the key is.
 * Moving the key either way keeps its bytes: nothing sealed needs sealing again.
 */
public final class SecureStorageKey {
    private static final String ROOT = "org.mailmigrator/vault-keys";
    private static final String KEY = "key";
    private final ISecurePreferences storage;

    /** The workbench's default secure storage; says so when Equinox cannot open one. */
    public static SecureStorageKey ofDefault() throws IOException {
        ISecurePreferences d = org.eclipse.equinox.security.storage.SecurePreferencesFactory.getDefault();
        if (d == null) {
            throw new IOException("the workbench's secure storage cannot be opened (see the error log)");
        }
        return new SecureStorageKey(d);
    }

    /** @param storage the secure storage root ({@code SecurePreferencesFactory.getDefault()} in the product) */
    public SecureStorageKey(ISecurePreferences storage) {
        this.storage = storage;
    }

    /**
     * The vault of {@code ws} with its key from secure storage: moved there from the key file on first use
     * (the file is deleted once the storage is saved), or made new when the workspace has none yet.
     */
    public SecretVault vault(Workspace ws) throws IOException {
        Path keyFile = ws.defaultSecretsKey();
        ISecurePreferences node = node(ws);
        byte[] key;
        String doing = "give";
        try {
            String stored = node.get(KEY, null);
            if (stored != null) {
                key = java.util.Base64.getDecoder().decode(stored);
                refuseAnotherKeyFile(keyFile, key);
            } else {
                key = Files.exists(keyFile) ? SecretVault.readKey(keyFile) : SecretVault.newKey();
                doing = "hold";
                node.put(KEY, java.util.Base64.getEncoder().encodeToString(key), true);
                if (!node.isEncrypted(KEY)) {
                    // Equinox keeps a value in clear when its provider gives no password and throws nothing (libsecret
                    // with no Secret Service on the bus, once its service object went stale): never written so
                    node.remove(KEY);
                    throw new StorageException(StorageException.NO_SECURE_MODULE, "no password was given");
                }
                node.flush();
            }
        } catch (StorageException e) {
            throw refused(doing, KeyringAdvice.explain(e), keyFile);
        } catch (LinkageError e) {
            throw refused(doing, KeyringAdvice.explain(e), keyFile);
        }
        try {
            Files.writeString(SecretVault.secureStorageMarker(keyFile), "The secrets key of this workspace is kept in "
                    + "the Mail Migrator workbench's secure storage (Preferences > Mail Migrator > Secrets): Eclipse secure "
                    + "storage of the user who turned that on, whose master password the OS keyring keeps. Turn the option "
                    + "off there to write the key file secrets.key back for the command line.\n",
                    StandardCharsets.UTF_8);
            Files.deleteIfExists(keyFile);
            return SecretVault.withKey(key, keyFile);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Makes the key in secure storage the vault of {@code ws} in this process (before its session opens it). */
    public void install(org.mailmigrator.batch.workspace.BatchWorkspace ws) throws IOException {
        ws.useVault(vault(ws.folder()));
    }

    /** Writes the key back to the workspace's key file and forgets it in secure storage (the option turned off). */
    public void release(Workspace ws) throws IOException {
        Path keyFile = ws.defaultSecretsKey();
        ISecurePreferences node = node(ws);
        try {
            String stored = node.get(KEY, null);
            if (stored != null) {
                byte[] key = java.util.Base64.getDecoder().decode(stored);
                try {
                    refuseAnotherKeyFile(keyFile, key);
                    SecretVault.writeKey(keyFile, key);
                } finally {
                    Arrays.fill(key, (byte) 0);
                }
            }
            Files.deleteIfExists(SecretVault.secureStorageMarker(keyFile));
            node.removeNode();
            storage.flush();
        } catch (StorageException e) {
            throw new IOException("the workbench's secure storage cannot be read: " + KeyringAdvice.explain(e)
                    + ". Nothing was changed");
        } catch (LinkageError e) {
            throw new IOException("the workbench's secure storage cannot be read: " + KeyringAdvice.explain(e)
                    + ". Nothing was changed");
        }
    }

    private static IOException refused(String doing, String why, Path keyFile) {
        return new IOException("the workbench's secure storage cannot " + doing + " the secrets key: " + why
                + (Files.exists(keyFile) ? ". The key file " + keyFile + " is kept" : ". No key file was made"));
    }

    /** A key file that holds another key than the storage's may have sealed passwords: never replaced silently. */
    private static void refuseAnotherKeyFile(Path keyFile, byte[] key) throws IOException {
        if (Files.exists(keyFile)) {
            byte[] file = SecretVault.readKey(keyFile);
            boolean same = MessageDigest.isEqual(file, key);
            Arrays.fill(file, (byte) 0);
            if (!same) {
                throw new IOException("the key file " + keyFile + " holds another key than the workbench's secure "
                        + "storage: both are kept (passwords may be sealed with either); move the key file that does not "
                        + "belong away, keeping a copy, and try again");
            }
        }
    }

    private ISecurePreferences node(Workspace ws) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(
                    ws.dir().toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return storage.node(ROOT + "/" + HexFormat.of().formatHex(h));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
