package org.mailmigrator.connector.files.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A folder of .eml files: the top folder's files are INBOX, each sub-directory (relative path, {@code /}
 * separated) a folder; a message's id is its file name.
 */
final class EmlTree {
    private EmlTree() {
    }

    static boolean isEml(Path f) {
        return Files.isRegularFile(f) && f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".eml");
    }

    static boolean holdsEml(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.anyMatch(EmlTree::isEml);
        }
    }

    static List<TreeFolder> folders(Path root) throws IOException {
        List<TreeFolder> out = new ArrayList<>();
        out.add(new TreeFolder("INBOX", TreeFolder.Kind.EML, root));
        try (Stream<Path> s = Files.walk(root)) {
            for (Path d : s.filter(Files::isDirectory).filter(d -> !d.equals(root)).sorted().toList()) {
                if (!d.getFileName().toString().startsWith(".")) {
                    out.add(new TreeFolder(root.relativize(d).toString().replace('\\', '/'), TreeFolder.Kind.EML, d));
                }
            }
        }
        return out;
    }

    static Map<String, Path> files(Path dir) throws IOException {
        Map<String, Path> out = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(EmlTree::isEml).sorted().forEach(f -> out.put(f.getFileName().toString(), f));
        }
        return out;
    }
}
