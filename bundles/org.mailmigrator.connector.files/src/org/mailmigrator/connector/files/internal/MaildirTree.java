package org.mailmigrator.connector.files.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The folders of a Maildir++ (the root's cur/new/tmp is INBOX, {@code .Sent} is Sent, {@code .a.b} is a/b, as
 * Courier and Dovecot lay them out) and the message files of one folder.
 */
final class MaildirTree {
    private MaildirTree() {
    }

    static boolean isMaildir(Path dir) {
        return Files.isDirectory(dir.resolve("cur")) && Files.isDirectory(dir.resolve("new"));
    }

    static List<TreeFolder> folders(Path root) throws IOException {
        List<TreeFolder> out = new ArrayList<>();
        out.add(new TreeFolder("INBOX", TreeFolder.Kind.MAILDIR, root));
        try (Stream<Path> s = Files.list(root)) {
            for (Path d : s.sorted().toList()) {
                String n = d.getFileName().toString();
                if (n.startsWith(".") && n.length() > 1 && !n.equals("..") && isMaildir(d)) {
                    out.add(new TreeFolder(n.substring(1).replace('.', '/'), TreeFolder.Kind.MAILDIR, d));
                }
            }
        }
        return out;
    }

    /** The message files of a Maildir folder by id (file name before {@code :2,}): new/ then cur/, tmp/ never. */
    static Map<String, Path> files(Path folder) throws IOException {
        Map<String, Path> out = new LinkedHashMap<>();
        for (String sub : List.of("new", "cur")) {
            try (Stream<Path> s = Files.list(folder.resolve(sub))) {
                for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                    String name = f.getFileName().toString();
                    if (!name.startsWith(".")) {
                        out.put(Flags.maildirBase(name), f);
                    }
                }
            }
        }
        return out;
    }

    /** Dovecot's keywords of the Maildir folder holding {@code messageFile} ({@code dovecot-keywords}: "0 name"). */
    static List<String> keywords(Path messageFile) {
        Path file = messageFile.getParent().getParent().resolve("dovecot-keywords");
        List<String> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] p = line.trim().split("\\s+", 2);
                if (p.length == 2 && p[0].matches("\\d{1,2}")) {
                    int i = Integer.parseInt(p[0]);
                    while (out.size() <= i) {
                        out.add(null);
                    }
                    out.set(i, p[1]);
                }
            }
        } catch (IOException e) {
            return List.of(); // unreadable: the messages go without their keywords (the file names keep them)
        }
        return out.stream().map(k -> k == null ? "" : k).toList();
    }
}
