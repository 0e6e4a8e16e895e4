package org.mailmigrator.connector.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The folders of a tree of mbox files: a Thunderbird profile's mail folder ({@code Inbox}, {@code Sent},
 * {@code Inbox.sbd/Work}: the files are folders, {@code X.sbd} holds the sub-folders of {@code X}) and Apple Mail's
 * exported {@code X.mbox} bundles (a directory holding a file {@code mbox}, nested bundles as sub-folders). A file
 * is an mbox when it is empty or starts with {@code From }; Thunderbird's indexes ({@code .msf}), settings and
 * other files are not folders. Thunderbird's {@code Inbox} is INBOX.
 */
final class MboxTree {
    private MboxTree() {
    }

    /** True when the file is empty or starts with "From ". */
    static boolean isMbox(Path f) {
        if (!Files.isRegularFile(f)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(f)) {
            byte[] b = in.readNBytes(5);
            return b.length == 0 || new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).equals("From ");
        } catch (IOException e) {
            return false;
        }
    }

    static List<TreeFolder> folders(Path root) throws IOException {
        List<TreeFolder> out = new ArrayList<>();
        if (Files.isRegularFile(root)) {
            out.add(new TreeFolder("INBOX", TreeFolder.Kind.MBOX, root));
            return out;
        }
        if (isBundle(root)) {
            out.add(new TreeFolder("INBOX", TreeFolder.Kind.MBOX, root.resolve("mbox")));
        }
        walk(root, "", out);
        return out;
    }

    private static boolean isBundle(Path dir) {
        return dir.getFileName() != null && dir.getFileName().toString().endsWith(".mbox")
                && Files.isRegularFile(dir.resolve("mbox"));
    }

    private static void walk(Path dir, String prefix, List<TreeFolder> out) throws IOException {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.sorted().toList();
        }
        for (Path p : entries) {
            String n = p.getFileName().toString();
            if (n.startsWith(".") || n.endsWith(".msf")) {
                continue;
            }
            if (Files.isDirectory(p) && n.endsWith(".sbd")) {
                String base = n.substring(0, n.length() - 4);
                if (!Files.isRegularFile(dir.resolve(base))) {
                    out.add(new TreeFolder(name(prefix, base), TreeFolder.Kind.PARENT, null));
                }
                walk(p, name(prefix, base) + "/", out);
            } else if (Files.isDirectory(p) && n.endsWith(".mbox")) {
                String base = n.substring(0, n.length() - 5);
                out.add(Files.isRegularFile(p.resolve("mbox"))
                        ? new TreeFolder(name(prefix, base), TreeFolder.Kind.MBOX, p.resolve("mbox"))
                        : new TreeFolder(name(prefix, base), TreeFolder.Kind.PARENT, null));
                walk(p, name(prefix, base) + "/", out);
            } else if (Files.isRegularFile(p) && !n.equals("mbox") && isMbox(p)) {
                out.add(new TreeFolder(name(prefix, n), TreeFolder.Kind.MBOX, p));
            }
        }
    }

    private static String name(String prefix, String leaf) {
        if (prefix.isEmpty() && leaf.toLowerCase(Locale.ROOT).equals("inbox")) {
            return "INBOX";
        }
        return prefix + leaf;
    }
}
