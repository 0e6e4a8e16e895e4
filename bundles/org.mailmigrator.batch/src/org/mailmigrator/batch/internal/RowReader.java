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
