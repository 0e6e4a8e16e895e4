package org.mailmigrator.batch.secrets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.mailmigrator.core.model.Secret;

/**
 * Encrypts passwords at rest with AES-256-GCM under a key the administrator controls: a key file (32 random
 * bytes, Base64) created with owner-only permissions beside the workspace, or kept anywhere else
 * ({@code --secrets-key}). Without the key file the stored passwords cannot be read. Headless this is the
 * only holder (Equinox secure storage needs a password provider); the workbench can hold the same 32 bytes in
 * its secure storage instead ({@link #withKey}), leaving the {@link #secureStorageMarker} file beside the data.
 * Each sealed value is {@code iv(12) || ciphertext+tag}; the credential key is bound as associated data so a
 * sealed password cannot be moved to another account.
 */
public final class SecretVault {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Cipher instances are costly to look up and not thread-safe: one per thread. */
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    });
    /** Null in a {@link #locked} vault. */
    private final SecretKeySpec key;
    private final Path keyFile;
    /** Where the key is, for messages: "the key file PATH" or the workbench's secure storage. */
    private final String holder;
    /** Why a {@link #locked} vault seals and opens nothing; null when it has its key. */
    private final String locked;

    private SecretVault(byte[] key, Path keyFile, String holder) {
        this.key = new SecretKeySpec(key, "AES");
        this.keyFile = keyFile;
        this.holder = holder;
        this.locked = null;
    }

    private SecretVault(Path keyFile, String why) {
        this.key = null;
        this.keyFile = keyFile;
        this.holder = "no key";
        this.locked = why;
    }

    /**
     * A vault without its key, which is held elsewhere and cannot be had now (the workbench's secure storage while the
     * OS keyring does not answer): sealing and opening fail, saying {@code why}; it writes nothing, so no other key is
     * ever made for the workspace and its key opens every sealed value once it can be had again.
     */
    public static SecretVault locked(Path keyFile, String why) {
        return new SecretVault(keyFile, why);
    }

    /**
     * Opens the vault of a key file, creating the file when {@code create} and it is missing: written to a
     * temporary file that is owner-only (0600) from its creation, synced, then linked into place, so the key
     * is never readable by others, never half-written, and two first imports at once keep one key.
     */
    public static SecretVault open(Path keyFile, boolean create) throws IOException {
        if (!Files.exists(keyFile) && Files.exists(secureStorageMarker(keyFile))) {
            throw new IOException("the secrets key of this workspace is kept in the workbench's secure storage "
                    + "(Preferences > Mail Migrator > Secrets), not in a key file: run this batch from the workbench, "
                    + "or turn that option off there to write the key file " + keyFile + " back");
        }
        if (!Files.exists(keyFile)) {
            if (!create) {
                throw new IOException("the secrets key file " + keyFile + " is missing: stored passwords cannot be "
                        + "decrypted (give --secrets-key FILE, or import the batch again)");
            }
            KeyFiles.create(keyFile, RANDOM);
        }
        String text;
        try {
            text = Files.readString(keyFile, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new IOException(org.mailmigrator.batch.FileErrors.describe(e, keyFile, "reading"));
        }
        if (text.isEmpty()) {
            throw new IOException("the secrets key file " + keyFile + " is empty (0 bytes; a full disk when it was "
                    + "created?). No password can have been sealed with it: delete it and import again; if batches "
                    + "were imported with another key, give that file with --secrets-key");
        }
        byte[] k;
        try {
            k = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IOException("the secrets key file " + keyFile + " is not a key (Base64 text expected): "
                    + "restore it from your backup, or give the right one with --secrets-key");
        }
        if (k.length != 32) {
            throw new IOException("the secrets key file " + keyFile + " must hold 32 bytes (Base64), not " + k.length
                    + ": restore it from your backup, or give the right one with --secrets-key");
        }
        return new SecretVault(k, keyFile, "the key file " + keyFile);
    }

    /**
     * A vault whose key is held elsewhere (the workbench's secure storage): {@code key} is 32 bytes, not kept by
     * the caller; {@code keyFile} is the key file it stands for (the workspace's default), named in messages.
     */
    public static SecretVault withKey(byte[] key, Path keyFile) {
        if (key.length != 32) {
            throw new IllegalArgumentException("a vault key has 32 bytes, not " + key.length);
        }
        return new SecretVault(key.clone(), keyFile, "the key in the workbench's secure storage");
    }

    /** 32 new random bytes for a vault key. */
    public static byte[] newKey() {
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        return k;
    }

    /** The bytes of an existing key file (checked as {@link #open} does), to move them to another holder. */
    public static byte[] readKey(Path keyFile) throws IOException {
        return open(keyFile, false).key.getEncoded();
    }

    /** Writes a key to a new key file, owner-only, complete or absent (the way back from another holder). */
    public static void writeKey(Path keyFile, byte[] key) throws IOException {
        KeyFiles.write(keyFile, key.clone());
    }

    /**
     * The file beside a key file that says the key is in the workbench's secure storage instead (it holds no
     * secret): the command line names the place rather than calling the key missing.
     */
    public static Path secureStorageMarker(Path keyFile) {
        return keyFile.resolveSibling(keyFile.getFileName() + ".in-secure-storage");
    }

    public Path keyFile() {
        return keyFile;
    }

    /** @throws IllegalStateException from a {@link #locked} vault, saying why */
    public byte[] seal(String credentialKey, Secret secret) {
        if (locked != null) {
            throw new IllegalStateException("nothing can be sealed now: " + locked);
        }
        char[] chars = secret.reveal();
        ByteBuffer plain = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        Arrays.fill(chars, '\0');
        byte[] bytes = new byte[plain.remaining()];
        plain.get(bytes);
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher c = CIPHER.get();
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            c.updateAAD(credentialKey.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(bytes);
            byte[] out = new byte[12 + ct.length];
            System.arraycopy(iv, 0, out, 0, 12);
            System.arraycopy(ct, 0, out, 12, ct.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** @throws IOException when the value was sealed under another key (the key file was replaced) */
    public Secret open(String credentialKey, byte[] sealed) throws IOException {
        if (locked != null) {
            throw new IOException("the password of " + credentialKey + " cannot be opened now: " + locked);
        }
        try {
            Cipher c = CIPHER.get();
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, 12));
            c.updateAAD(credentialKey.getBytes(StandardCharsets.UTF_8));
            byte[] plain = c.doFinal(sealed, 12, sealed.length - 12);
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain));
            Arrays.fill(plain, (byte) 0);
            char[] out = new char[chars.remaining()];
            chars.get(out);
            return Secret.of(out);
        } catch (GeneralSecurityException e) {
            throw new IOException("the password of " + credentialKey + " cannot be decrypted with " + holder
                    + " (was it replaced?)");
        }
    }
}
