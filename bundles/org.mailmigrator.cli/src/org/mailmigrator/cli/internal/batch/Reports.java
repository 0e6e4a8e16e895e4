package org.mailmigrator.cli.internal.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.mailmigrator.batch.FileErrors;
import org.mailmigrator.batch.Workspace;

/**
 * Writes report files owner-only: they name accounts and the subjects of skipped messages. The folder is
 * created 0700 when missing and what was written is made 0600; a full disk is said as such.
 */
final class Reports {
    interface Writer {
        void write(Path dir) throws IOException;
    }

    private Reports() {
    }

    static void write(Path dir, Writer writer) throws IOException {
        try {
            boolean created = !Files.exists(dir);
            java.time.Instant start = java.time.Instant.now().minusSeconds(2);
            Workspace.createPrivateDirectories(dir);
            writer.write(dir);
            // only what this command wrote: the folder may be one the user keeps other files in
            try (Stream<Path> all = Files.walk(dir, 2)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    boolean mine = p.equals(dir) ? created
                            : Files.getLastModifiedTime(p).toInstant().isAfter(start);
                    if (mine) {
                        Workspace.restrict(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new IOException(FileErrors.describe(e, dir, "writing the reports in"), e);
        }
    }
}
