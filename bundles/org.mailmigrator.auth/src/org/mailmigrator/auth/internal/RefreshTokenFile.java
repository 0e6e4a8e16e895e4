package org.mailmigrator.auth.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.mailmigrator.auth.TokenHome;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorException.AccountFailure.Reason;

/**
 * An authorized user JSON file ({@code --source-token-file}) as the home of its refresh token ({@link TokenHome}):
 * each refresh reads the token from the file, and a token the provider rotated is written back before the new access
 * token is used, so that the next run (or another session of this one: the mail folders and the calendar legs each
 * hold a token source) sends the token the provider now expects. The file is replaced atomically (a temporary file
 * beside it, owner-only from creation, flushed, then renamed over it); its text is never printed.
 */
public final class RefreshTokenFile implements TokenHome {
    /** One lock per file for the whole process: two token sources of one file never refresh at the same time. */
    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path file;

    public RefreshTokenFile(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    @Override
    public Object lock() {
        return LOCKS.computeIfAbsent(file, f -> new Object());
    }

    @Override
    public Secret read() throws ConnectorException {
        try {
            return Secret.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConnectorException.AccountFailure("cannot read the refresh token file " + file + ": " + e.getMessage(),
                    Reason.CONFIGURATION, null);
        }
    }

    @Override
    public void write(Secret json) throws ConnectorException.AccountFailure {
        write(new String(json.reveal()));
    }

    @Override
    public String toString() {
        return file.toString();
    }

    /**
     * Writes a first sign-in's authorized user JSON to the file (a device sign-in's), owner-only and atomically; the
     * file must not exist yet.
     */
    public void create(Secret json) throws ConnectorException.AccountFailure {
        synchronized (lock()) {
            if (Files.exists(file)) {
                throw new ConnectorException.AccountFailure(file + " exists already: it is not replaced by a new sign-in",
                        Reason.CONFIGURATION, null);
            }
            write(new String(json.reveal()));
        }
    }

    private void write(String text) throws ConnectorException.AccountFailure {
        Path dir = file.getParent();
        Path tmp = null;
        try {
            tmp = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempFile(dir, "." + file.getFileName(), ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer b = ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8));
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the reason below is what matters
                }
            }
            // the provider has replaced the old token: going on would leave a file that no longer signs in
            throw new ConnectorException.AccountFailure("the provider issued a new refresh token, but " + file + " cannot be"
                    + " written (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); a token it held before may"
                    + " no longer work: fix the folder's permissions, then sign in again", Reason.CONFIGURATION, null);
        }
    }
}
