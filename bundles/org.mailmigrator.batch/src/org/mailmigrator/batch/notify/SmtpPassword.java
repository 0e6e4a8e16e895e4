package org.mailmigrator.batch.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;

import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.core.model.Secret;

/**
 * The password of the SMTP login, sealed in the workspace's {@link SecretVault} (the key the batch passwords
 * use) under the fixed credential key {@value #KEY}, and kept in its own owner-only file beside the
 * preferences: the preferences file is plain text that people copy and paste, so it holds no password.
 */
public final class SmtpPassword {
    /** Bound to the sealed value as associated data: it cannot be swapped with a batch password. */
    public static final String KEY = "smtp/notify";

    private SmtpPassword() {
    }

    public static Path file(Workspace ws) {
        return ws.dir().resolve(".metadata/.plugins/" + SmtpSettings.NODE + "/smtp-password.sealed");
    }

    public static boolean stored(Workspace ws) {
        return Files.isRegularFile(file(ws));
    }

    public static void save(Workspace ws, SecretVault vault, Secret password) throws IOException {
        Path f = file(ws);
        Files.createDirectories(f.getParent());
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp);
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the user's profile ACL
        }
        Files.writeString(tmp, Base64.getEncoder().encodeToString(vault.seal(KEY, password)) + "\n",
                StandardCharsets.US_ASCII);
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    public static void remove(Workspace ws) throws IOException {
        Files.deleteIfExists(file(ws));
    }

    /** Empty when no password is stored; an IOException when it cannot be decrypted (another key file). */
    public static Optional<Secret> load(Workspace ws, SecretVault vault) throws IOException {
        Path f = file(ws);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(Files.readString(f, StandardCharsets.US_ASCII).trim());
        } catch (IllegalArgumentException e) {
            throw new IOException("the SMTP password file " + f + " is damaged (not Base64): set the password again");
        }
        return Optional.of(vault.open(KEY, sealed));
    }
}
