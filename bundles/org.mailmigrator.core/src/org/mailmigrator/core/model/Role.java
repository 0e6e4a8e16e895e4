package org.mailmigrator.core.model;

import java.util.Locale;

/** Whether a connector reads items (source) or writes them (destination). */
public enum Role {
    SOURCE, DESTINATION;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the unknown value and the accepted ones */
    public static Role fromId(String id) {
        for (Role r : values()) {
            if (r.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + id + "' (expected source or destination)");
    }
}
