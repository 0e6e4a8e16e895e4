package org.mailmigrator.batch.secrets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import org.mailmigrator.batch.Workspace;

/** Creating the vault's key file: owner-only from the first byte, complete or absent. */
final class KeyFiles {
    private KeyFiles() {
    }

    static void create(Path keyFile, SecureRandom random) throws IOException {
        byte[] k = new byte[32];
        random.nextBytes(k);
        write(keyFile, k);
    }

    /** Writes {@code k} (then zeroed) as a new key file; a file already there is kept. */
    static void write(Path keyFile, byte[] k) throws IOException {
        Path dir = keyFile.toAbsolutePath().getParent();
        Workspace.createPrivateDirectories(dir);
        byte[] text = (Base64.getEncoder().encodeToString(k) + "\n").getBytes(StandardCharsets.US_ASCII);
        Arrays.fill(k, (byte) 0);
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, ".secrets-", ".tmp", ownerOnly(dir));
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(text);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            try {
                // a link fails when the name exists: a key another import created meanwhile is kept, not replaced
                Files.createLink(keyFile, tmp);
            } catch (FileAlreadyExistsException other) {
                // theirs is complete too (written the same way); use it
            } catch (UnsupportedOperationException | IOException noLinks) {
                if (Files.exists(keyFile)) {
                    return;
                }
                Files.move(tmp, keyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                tmp = null;
            }
        } catch (IOException e) {
            throw new IOException(org.mailmigrator.batch.FileErrors.describe(e, keyFile, "creating"), e);
        } finally {
            Arrays.fill(text, (byte) 0);
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) }
                : new FileAttribute<?>[0];
    }
}
