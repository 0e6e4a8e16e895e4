package org.mailmigrator.connector.files.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A folder of .eml (or Apple Mail .emlx) files: the top folder's files are INBOX, each sub-directory (relative path,
 * {@code /} separated) a folder; a message's id is its file name ({@link Emlx#id} for .emlx). Apple Mail's own
 * store is walked the same way: a directory {@code NAME.mbox} is the folder NAME (nested ones NAME/SUB), holding
 * the .emlx files anywhere below it ({@code UUID/Data/…/Messages/N.emlx}) but not those of nested mailboxes; a top
 * directory without messages of its own gives INBOX to its {@code INBOX.mbox}.
 */
final class EmlTree {
    private EmlTree() {
    }

    static boolean isEml(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return (n.endsWith(".eml") || n.endsWith(".emlx")) && Files.isRegularFile(f);
    }

    static boolean holdsEml(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.anyMatch(EmlTree::isEml);
        }
    }

    /** True when Apple Mail .emlx files are somewhere in the tree (its live store rather than an export). */
    static boolean holdsEmlx(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.anyMatch(f -> Emlx.is(f) && Files.isRegularFile(f));
        }
    }

    static boolean isAppleMailbox(Path dir) {
        return dir.getFileName() != null && dir.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mbox");
    }

    static List<TreeFolder> folders(Path root) throws IOException {
        List<TreeFolder> sub = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path d : s.filter(Files::isDirectory).filter(d -> !d.equals(root)).sorted().toList()) {
                String rel = root.relativize(d).toString().replace('\\', '/');
                if (rel.startsWith(".") || rel.contains("/.") || insideAppleMailbox(root, d)) {
                    continue; // hidden, or a Data/…/Messages directory whose files are its mailbox's
                }
                sub.add(isAppleMailbox(d) ? new TreeFolder(appleName(rel), TreeFolder.Kind.APPLE, d)
                        : new TreeFolder(rel, TreeFolder.Kind.EML, d));
            }
        }
        List<TreeFolder> out = new ArrayList<>();
        boolean inboxBelow = sub.stream().anyMatch(f -> f.name().equalsIgnoreCase("INBOX"));
        TreeFolder.Kind top = isAppleMailbox(root) ? TreeFolder.Kind.APPLE : TreeFolder.Kind.EML;
        if (!inboxBelow || !files(top, root).isEmpty()) {
            out.add(new TreeFolder("INBOX", top, root));
        }
        for (TreeFolder f : sub) {
            out.add(f.name().equalsIgnoreCase("INBOX") ? new TreeFolder("INBOX", f.kind(), f.path()) : f);
        }
        return out;
    }

    private static boolean insideAppleMailbox(Path root, Path dir) {
        if (isAppleMailbox(dir)) {
            return false;
        }
        for (Path p = dir.getParent(); p != null && p.startsWith(root); p = p.getParent()) {
            if (isAppleMailbox(p)) {
                return true;
            }
        }
        return false;
    }

    /** {@code Archive.mbox/2019.mbox} is {@code Archive/2019}. */
    private static String appleName(String rel) {
        List<String> parts = new ArrayList<>();
        for (String p : rel.split("/")) {
            parts.add(p.toLowerCase(Locale.ROOT).endsWith(".mbox") ? p.substring(0, p.length() - 5) : p);
        }
        return String.join("/", parts);
    }

    /** The message files of a folder by id: its own files, or for an Apple mailbox every one below it. */
    static Map<String, Path> files(TreeFolder.Kind kind, Path dir) throws IOException {
        Map<String, Path> out = new LinkedHashMap<>();
        if (kind != TreeFolder.Kind.APPLE) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(EmlTree::isEml).sorted().forEach(f -> out.putIfAbsent(Emlx.id(f.getFileName().toString()), f));
            }
            return out;
        }
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                boolean other = !d.equals(dir) && (isAppleMailbox(d) || d.getFileName().toString().startsWith("."));
                return other ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && isEml(f)) {
                    found.add(f);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        found.stream().sorted().forEach(f -> out.putIfAbsent(Emlx.id(f.getFileName().toString()), f));
        return out;
    }
}
