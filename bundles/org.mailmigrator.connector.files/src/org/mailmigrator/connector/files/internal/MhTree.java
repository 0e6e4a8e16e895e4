package org.mailmigrator.connector.files.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * MH folders (nmh, mailutils, Claws Mail, Sylpheed): a directory per folder, one file per message named by its
 * number, sub-folders as sub-directories; flags in {@code .mh_sequences} ({@code unseen: 1-3 7}): a message not in
 * {@code unseen} is read, one in {@code flagged} is flagged, one in {@code replied} answered. The root's messages
 * are INBOX; a root without messages of its own has its {@code inbox} folder as INBOX (nmh's layout). A message's
 * id is its number, so a folder renumbered between runs ({@code folder -pack}, {@code sortm}) is not recognised
 * (docs/file-sources.md).
 */
final class MhTree {
    static final String SEQUENCES = ".mh_sequences";

    private MhTree() {
    }

    static boolean isMessage(Path f) {
        String n = f.getFileName().toString();
        return n.matches("\\d{1,9}") && Files.isRegularFile(f);
    }

    /** True when the tree has {@code .mh_sequences} somewhere, or the root holds numbered files. */
    static boolean holdsMh(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            if (s.anyMatch(p -> p.getFileName().toString().equals(SEQUENCES))) {
                return true;
            }
        }
        return !files(root).isEmpty();
    }

    static List<TreeFolder> folders(Path root) throws IOException {
        List<TreeFolder> out = new ArrayList<>();
        boolean rootHolds = !files(root).isEmpty();
        if (rootHolds) {
            out.add(new TreeFolder("INBOX", TreeFolder.Kind.MH, root));
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path d : s.filter(Files::isDirectory).filter(d -> !d.equals(root)).sorted().toList()) {
                String rel = root.relativize(d).toString().replace('\\', '/');
                if (rel.startsWith(".") || rel.contains("/.")) {
                    continue;
                }
                String name = !rootHolds && rel.toLowerCase(Locale.ROOT).equals("inbox") ? "INBOX" : rel;
                out.add(new TreeFolder(name, TreeFolder.Kind.MH, d));
            }
        }
        return out;
    }

    /** The messages of an MH folder by id (the number), in numeric order. */
    static Map<String, Path> files(Path dir) throws IOException {
        Map<String, Path> out = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(MhTree::isMessage).sorted((a, b) -> Long.compare(number(a), number(b)))
                    .forEach(f -> out.put(f.getFileName().toString(), f));
        }
        return out;
    }

    private static long number(Path f) {
        return Long.parseLong(f.getFileName().toString());
    }

    /** The flags of one folder's messages from its {@code .mh_sequences}, read again when the file changed. */
    static final class Sequences {
        private final Path file;
        private long stamp = Long.MIN_VALUE;
        private Map<String, BitSet> sequences = Map.of();

        Sequences(Path dir) {
            this.file = dir.resolve(SEQUENCES);
        }

        Set<String> flags(String id) {
            refresh();
            int n = Integer.parseInt(id);
            Set<String> out = new LinkedHashSet<>();
            if (!has("unseen", n)) {
                out.add("\\Seen");
            }
            if (has("flagged", n)) {
                out.add("\\Flagged");
            }
            if (has("replied", n)) {
                out.add("\\Answered");
            }
            return out;
        }

        private boolean has(String sequence, int n) {
            BitSet b = sequences.get(sequence);
            return b != null && b.get(n);
        }

        private void refresh() {
            long now;
            try {
                now = Files.isRegularFile(file) ? Files.getLastModifiedTime(file).toMillis() ^ Files.size(file) : -1;
            } catch (IOException e) {
                now = -1;
            }
            if (now == stamp) {
                return;
            }
            stamp = now;
            sequences = now == -1 ? Map.of() : parse(file);
        }

        /** Lines {@code name: 1 3-5 9}; a line that does not read so is passed over. */
        private static Map<String, BitSet> parse(Path file) {
            Map<String, BitSet> out = new HashMap<>();
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
                    int colon = line.indexOf(':');
                    if (colon <= 0) {
                        continue;
                    }
                    BitSet b = out.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            k -> new BitSet());
                    for (String part : line.substring(colon + 1).trim().split("\\s+")) {
                        if (part.matches("\\d{1,9}")) {
                            b.set(Integer.parseInt(part));
                        } else if (part.matches("\\d{1,9}-\\d{1,9}")) {
                            String[] r = part.split("-");
                            int from = Integer.parseInt(r[0]);
                            int to = Integer.parseInt(r[1]);
                            if (from <= to && to - from < 10_000_000) {
                                b.set(from, to + 1);
                            }
                        }
                    }
                }
            } catch (IOException e) {
                return Map.of(); // unreadable: the messages go without flags (unread)
            }
            return out;
        }
    }
}
