package org.mailmigrator.cli.internal.migrate;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A failed file write said the way a person can act on it: "disk full writing PATH", never a class name. */
final class WriteFailure {
    private WriteFailure() {
    }

    static String describe(Exception e, Path file) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        String text = String.valueOf(t.getMessage());
        if (t instanceof FileSystemException f && f.getReason() != null) {
            text = f.getReason();
        }
        if (text.contains("No space left on device") || text.contains("Disk quota exceeded")) {
            return "disk full writing " + file.toAbsolutePath();
        }
        if (t instanceof AccessDeniedException || text.contains("Permission denied")) {
            return "permission denied writing " + file.toAbsolutePath();
        }
        return "cannot write " + file.toAbsolutePath() + ": " + text;
    }

    /** Removes what a failed write left (a 0-byte or cut report would look like a real one); never a device. */
    static void removePartial(Path file) {
        try {
            if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(file);
            }
        } catch (java.io.IOException ignored) {
            // nothing more to do: the message already says the report was not written
        }
    }
}
