package org.mailmigrator.connector.files.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.stream.Stream;

/** Gives files put into a test server's home the owner of that home (the server runs unprivileged). */
final class Owners {
    private Owners() {
    }

    static void like(Path model, Path tree) throws IOException {
        PosixFileAttributes a = Files.readAttributes(model, PosixFileAttributes.class);
        try (Stream<Path> s = Files.walk(tree)) {
            for (Path p : s.toList()) {
                PosixFileAttributeView v = Files.getFileAttributeView(p, PosixFileAttributeView.class);
                v.setOwner(a.owner());
                v.setGroup(a.group());
            }
        }
    }
}
