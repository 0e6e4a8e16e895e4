package org.mailmigrator.core.model;

import java.util.Locale;

/** What a connector can carry. The lower-case name is the id used in plug-in declarations, CSV and CLI. */
public enum ItemKind {
    MAIL, CALENDAR, CONTACTS, TASKS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the unknown value and the accepted ones */
    public static ItemKind fromId(String id) {
        for (ItemKind k : values()) {
            if (k.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown item kind '" + id + "' (expected mail, calendar, contacts or tasks)");
    }
}
