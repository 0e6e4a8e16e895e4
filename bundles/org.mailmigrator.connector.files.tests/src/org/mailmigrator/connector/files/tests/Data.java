package org.mailmigrator.connector.files.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** The real-world files (real-world/README.md) and generated mbox messages. */
final class Data {
    private Data() {
    }

    static Path realWorld(String... more) {
        String root = System.getProperty("mailmigrator.sourceRoot");
        if (root == null) {
            throw new IllegalStateException("-Dmailmigrator.sourceRoot is not set (the reactor's POM sets it)");
        }
        Path p = Path.of(root, "bundles", "org.mailmigrator.connector.files.tests", "real-world");
        for (String m : more) {
            p = p.resolve(m);
        }
        if (!Files.exists(p)) {
            throw new IllegalStateException("no test data " + p);
        }
        return p;
    }

    /** Copies a tree; every Maildir folder gets its cur/, new/ and tmp/ (git keeps no empty folder). */
    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        try (Stream<Path> s = Files.walk(to)) {
            for (Path d : s.filter(Files::isDirectory).toList()) {
                if (Files.isDirectory(d.resolve("cur")) || Files.isDirectory(d.resolve("new"))) {
                    for (String sub : List.of("cur", "new", "tmp")) {
                        Files.createDirectories(d.resolve(sub));
                    }
                }
            }
        }
        return to;
    }

    /** One mbox message: From line with an asctime date, header lines, empty line, body lines, separating empty line. */
    static String message(String date, List<String> header, String... body) {
        StringBuilder b = new StringBuilder("From sender@example.org " + date + "\n");
        header.forEach(h -> b.append(h).append('\n'));
        b.append('\n');
        for (String line : body) {
            b.append(line).append('\n');
        }
        return b.append('\n').toString();
    }

    static String simple(int n, String status) {
        return message("Mon Jan  2 15:04:0" + (n % 10) + " 2006", List.of("From: a" + n + "@example.org",
                "To: b@example.org", "Subject: message " + n, "Message-ID: <m" + n + "@example.org>",
                "X-Mozilla-Status: " + status, "X-Mozilla-Status2: 00000000"), "Body of message " + n + ".");
    }

    static Path write(Path file, String... messages) throws IOException {
        Files.writeString(file, String.join("", messages), StandardCharsets.ISO_8859_1);
        return file;
    }
}
