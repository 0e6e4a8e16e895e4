package org.mailmigrator.cli.internal.migrate;

import java.nio.file.Files;
import java.nio.file.Path;

/** What a failed report write leaves behind is removed (the message itself comes from {@code FileErrors}). */
final class WriteFailure {
    private WriteFailure() {
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
