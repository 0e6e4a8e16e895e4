package org.mailmigrator.ui.internal.batches;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Start-up options for screenshots and demonstrations (see {@code releng/screenshots.sh}):
 * {@code -Dmailmigrator.demo.importFile=FILE} opens the Import wizard on FILE once the Batches view is up.
 */
final class DemoFlags {
    private DemoFlags() {
    }

    static Optional<Path> importFile() {
        String f = System.getProperty("mailmigrator.demo.importFile");
        return f == null || f.isBlank() || !Files.isRegularFile(Path.of(f)) ? Optional.empty() : Optional.of(Path.of(f));
    }
}
