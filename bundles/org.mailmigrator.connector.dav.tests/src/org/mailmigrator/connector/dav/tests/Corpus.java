package org.mailmigrator.connector.dav.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The tricky files written for these tests, in the bundle's corpus/ folder; copied when a test edits them. */
final class Corpus {
    private Corpus() {
    }

    static Path dir(String name) {
        String root = System.getProperty("mailmigrator.sourceRoot");
        if (root == null) {
            throw new IllegalStateException("-Dmailmigrator.sourceRoot is not set (the reactor's POM sets it)");
        }
        Path dir = Path.of(root, "bundles", "org.mailmigrator.connector.dav.tests", "corpus", name);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no corpus folder " + dir);
        }
        return dir;
    }

    /** The real-world files from public projects, one folder per project (real-world/README.md). */
    static Path realWorld() {
        Path dir = dir("quirks").getParent().getParent().resolve("real-world");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no folder " + dir);
        }
        return dir;
    }

    static Path file(String dir, String name) {
        return dir(dir).resolve(name);
    }

    static Path copy(String name, Path into) throws IOException {
        Path target = Files.createDirectories(into.resolve(name));
        try (Stream<Path> files = Files.list(dir(name))) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        return target;
    }
}
