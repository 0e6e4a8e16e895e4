package org.mailmigrator.core.engine;

/** Item ids shown as numbers where a report or store keeps numbers (IMAP UIDs are decimal ids). */
final class ItemIds {
    private ItemIds() {
    }

    /** -1 for no id, the number for a decimal id, 0 for any other id. */
    static long number(String id) {
        if (id == null) {
            return -1;
        }
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
