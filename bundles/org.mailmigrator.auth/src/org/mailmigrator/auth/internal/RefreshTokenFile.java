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

import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorException.AccountFailure.Reason;

import net.minidev.json.JSONObject;
import net.minidev.json.parser.JSONParser;

/**
 * An authorized user JSON file ({@code --source-token-file}) as the home of its refresh token: each refresh reads the
 * token from the file, and a token the provider rotated is written back before the new access token is used, so
 * that the next run (or another session of this one: the mail folders and the calendar legs each hold a token
 * source) sends the token the provider now expects. The file is replaced atomically (a temporary file beside it,
 * owner-only from creation, flushed, then renamed over it); its text is never printed.
 */
public final class RefreshTokenFile {
    /** One lock per file for the whole process: two token sources of one file never refresh at the same time. */
    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

    /** Sends a refresh grant with the refresh token given, returns the endpoint's answer. */
    @FunctionalInterface
    public interface Exchange {
        Fetched send(Secret refreshToken) throws ConnectorException;
    }

    private final Path file;

    public RefreshTokenFile(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    /** Reads the refresh token, exchanges it, writes back the one the endpoint rotated it into. */
    public Fetched exchange(Exchange exchange) throws ConnectorException {
        synchronized (LOCKS.computeIfAbsent(file, f -> new Object())) {
            JSONObject json = read();
            Object token = json.get("refresh_token");
            if (!(token instanceof String current) || current.isBlank()) {
                throw new ConnectorException.AccountFailure(file + " has no refresh_token any more", Reason.CONFIGURATION, null);
            }
            Fetched f = exchange.send(Secret.of(current));
            if (f.refreshToken().isPresent() && !new String(f.refreshToken().get().reveal()).equals(current)) {
                json.put("refresh_token", new String(f.refreshToken().get().reveal()));
                write(json.toJSONString());
            }
            return f;
        }
    }

    /**
     * Writes a first sign-in's authorized user JSON to the file (a device sign-in's), owner-only and atomically; the
     * file must not exist yet.
     */
    public void create(Secret json) throws ConnectorException.AccountFailure {
        synchronized (LOCKS.computeIfAbsent(file, f -> new Object())) {
            if (Files.exists(file)) {
                throw new ConnectorException.AccountFailure(file + " exists already: it is not replaced by a new sign-in",
                        Reason.CONFIGURATION, null);
            }
            write(new String(json.reveal()));
        }
    }

    private JSONObject read() throws ConnectorException {
        try {
            Object o = new JSONParser(JSONParser.MODE_RFC4627).parse(Files.readString(file, StandardCharsets.UTF_8));
            if (o instanceof JSONObject j) {
                return j;
            }
        } catch (IOException e) {
            throw new ConnectorException.AccountFailure("cannot read the refresh token file " + file + ": " + e.getMessage(),
                    Reason.CONFIGURATION, null);
        } catch (net.minidev.json.parser.ParseException e) {
            // fall through: the message must not quote the file
        }
        throw new ConnectorException.AccountFailure(file + " is no longer an authorized user JSON (it cannot be read as a"
                + " JSON object)", Reason.CONFIGURATION, null);
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
