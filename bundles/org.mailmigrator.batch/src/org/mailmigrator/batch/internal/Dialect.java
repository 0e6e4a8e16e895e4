package org.mailmigrator.batch.internal;

import java.util.List;
import java.util.Locale;

/** Small readings shared by the built-in CSV formats. */
final class Dialect {

    private Dialect() {
    }

    /** Whether the last cell is empty (a line ending with a separator). */
    static boolean trailingEmpty(List<String> cells) {
        String last = cells.get(cells.size() - 1);
        return last == null || last.isBlank();
    }

    /** Protocol named in a type column ("IMAP", "POP", "Exchange"...), or null. */
    static String protocol(String type) {
        String t = type.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "imap", "imap4", "imaps" -> "imap";
            case "pop", "pop3", "pops", "pop3s" -> "pop3";
            case "exchange", "ews", "office365", "office 365", "microsoft 365", "exchange online" -> "ews";
            default -> null;
        };
    }
}
