package org.mailmigrator.connector.imap.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.mailmigrator.core.spi.ConnectorException;

/**
 * A failed write to the spool of big messages (the temporary folder) in words a person can act on. A full
 * temporary folder is not a network fault: retrying the folder cannot help, so it stops the account pair with
 * the path and the remedy (the batch bundle's {@code FileErrors} says the same for its own files; a connector
 * does not depend on it).
 */
final class SpoolErrors {
    private SpoolErrors() {
    }

    /** The temporary folder big messages are spooled to, read at each use so that it follows the setting. */
    static Path folder() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    static ConnectorException of(IOException e, Path path, String what) {
        if (isDiskFull(e)) {
            return new ConnectorException.AccountFailure("disk full writing " + path
                    + " (temporary folder; set java.io.tmpdir or free space)", e);
        }
        return new ConnectorException.TransientFailure("cannot " + what + " " + path + ": " + e.getMessage(), e);
    }

    private static boolean isDiskFull(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("no space left on device") || m.contains("disk quota exceeded")) {
                return true;
            }
        }
        return false;
    }
}
