package org.mailmigrator.connector.graph.tests;

import java.nio.file.Files;
import java.nio.file.Path;

/** The files of the bundle's data/ folder (data/README.md says where each comes from). */
final class Data {
    private Data() {
    }

    static Path file(String name) {
        String root = System.getProperty("mailmigrator.sourceRoot");
        if (root == null) {
            throw new IllegalStateException("-Dmailmigrator.sourceRoot is not set (the reactor's POM sets it)");
        }
        Path f = Path.of(root, "bundles", "org.mailmigrator.connector.graph.tests", "data", name);
        if (!Files.isRegularFile(f)) {
            throw new IllegalStateException("no test data file " + f);
        }
        return f;
    }
}
