package org.mailmigrator.batch.internal;

import java.util.List;
import java.util.Locale;

/** How one CSV dialect turns a record into a pair (or problems). */
sealed interface RowReader permits OmmRows, ImapsyncRows, ExchangeRows, NativeRows {

    /** Column names for messages, from the header or the dialect's fixed layout. */
    List<String> names();

    /** Whether the first record is a header (and not data). */
    boolean isHeader(List<String> firstRecord);

    /** Called once with the header when {@link #isHeader} said so; returns problems of the header itself. */
    default void header(Rows.Row header) {
    }

    void read(Rows.Row row);

    /**
     * Why a record of {@code cells} cells is refused before it is read, or null. A header-led format wants the
     * header's count exactly: a missing or extra separator would shift every later cell (a password into
     * a login or a host column).
     *
     * @param headerWidth the header's cell count, -1 without a header
     * @param usualWidth the most common cell count of the file's data records, -1 while it is being found
     */
    default String width(List<String> cells, int headerWidth, int usualWidth) {
        if (headerWidth >= 0 && cells.size() != headerWidth) {
            return "has " + cells.size() + " cells but the header has " + headerWidth
                    + " (a separator missing or too many: a separator inside a value, a password, must be quoted)";
        }
        return null;
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
