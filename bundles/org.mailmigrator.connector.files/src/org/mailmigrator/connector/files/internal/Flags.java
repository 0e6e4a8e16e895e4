package org.mailmigrator.connector.files.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Message flags as the mail files keep them. mbox: {@code Status:} ({@code R} read) and {@code X-Status:}
 * ({@code A} answered, {@code F} flagged, {@code T} draft, {@code D} deleted) as mutt and Dovecot write them;
 * Thunderbird's {@code X-Mozilla-Status} (hex: 0x1 read, 0x2 replied, 0x4 marked, 0x8 deleted, 0x1000
 * forwarded) and {@code X-Mozilla-Keys} (keywords). Maildir: the letters after {@code :2,} in a file name
 * ({@code P} passed/forwarded, {@code R} replied, {@code S} seen, {@code T} trashed, {@code D} draft, {@code F}
 * flagged; {@code a}-{@code z} the keywords of Dovecot's {@code dovecot-keywords} file).
 */
final class Flags {
    /** Thunderbird's "expunged" bit: deleted in the client, still in the file until it compacts the folder. */
    static final int MOZILLA_DELETED = 0x8;

    private Flags() {
    }

    static Set<String> ofMbox(Headers h) {
        Set<String> out = new LinkedHashSet<>();
        h.first("Status").ifPresent(s -> {
            if (s.indexOf('R') >= 0) {
                out.add("\\Seen");
            }
        });
        h.first("X-Status").ifPresent(s -> {
            letter(s, 'A', "\\Answered", out);
            letter(s, 'F', "\\Flagged", out);
            letter(s, 'T', "\\Draft", out);
            letter(s, 'D', "\\Deleted", out);
        });
        mozilla(h).ifPresent(m -> {
            bit(m, 0x1, "\\Seen", out);
            bit(m, 0x2, "\\Answered", out);
            bit(m, 0x4, "\\Flagged", out);
            bit(m, 0x1000, "$Forwarded", out);
        });
        h.first("X-Mozilla-Keys").ifPresent(k -> {
            for (String word : k.trim().split("\\s+")) {
                if (!word.isEmpty() && word.chars().allMatch(c -> c > 32 && c < 127 && "(){%*\"\\]".indexOf(c) < 0)) {
                    out.add(word);
                }
            }
        });
        return out;
    }

    /** The value of {@code X-Mozilla-Status}, when the message has a readable one. */
    static java.util.OptionalInt mozilla(Headers h) {
        return h.first("X-Mozilla-Status").map(String::trim).filter(v -> v.matches("[0-9A-Fa-f]{1,8}"))
                .map(v -> java.util.OptionalInt.of((int) Long.parseLong(v, 16))).orElse(java.util.OptionalInt.empty());
    }

    /** Flags of a Maildir file name ({@code base:2,FRS}); {@code keywords}: Dovecot's letters a-z in order. */
    static Set<String> ofMaildir(String fileName, List<String> keywords) {
        Set<String> out = new LinkedHashSet<>();
        int info = fileName.lastIndexOf(":2,");
        if (info < 0) {
            info = fileName.lastIndexOf("!2,"); // the separator on file systems without ':'
        }
        if (info < 0) {
            return out;
        }
        for (char c : fileName.substring(info + 3).toCharArray()) {
            switch (c) {
            case 'P' -> out.add("$Forwarded");
            case 'R' -> out.add("\\Answered");
            case 'S' -> out.add("\\Seen");
            case 'T' -> out.add("\\Deleted");
            case 'D' -> out.add("\\Draft");
            case 'F' -> out.add("\\Flagged");
            default -> {
                if (c >= 'a' && c <= 'z' && c - 'a' < keywords.size()) {
                    out.add(keywords.get(c - 'a'));
                }
            }
            }
        }
        return out;
    }

    /** The stable part of a Maildir file name: what stays when the file moves from new/ to cur/ or its flags change. */
    static String maildirBase(String fileName) {
        int info = fileName.lastIndexOf(":2,");
        if (info < 0) {
            info = fileName.lastIndexOf("!2,");
        }
        return info < 0 ? fileName : fileName.substring(0, info);
    }

    private static void letter(String s, char c, String flag, Set<String> out) {
        if (s.indexOf(c) >= 0) {
            out.add(flag);
        }
    }

    private static void bit(int v, int mask, String flag, Set<String> out) {
        if ((v & mask) != 0) {
            out.add(flag);
        }
    }
}
