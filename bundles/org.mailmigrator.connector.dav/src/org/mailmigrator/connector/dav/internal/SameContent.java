package org.mailmigrator.connector.dav.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a resource on the server holds what would be sent: the content lines compared unfolded, in any
 * order, ignoring PRODID and DTSTAMP (servers rewrite them). Used when a resource exists without a state entry,
 * so that the same server reached through another URL does not get every item rewritten.
 */
final class SameContent {
    private SameContent() {
    }

    static boolean of(String onServer, String toSend) {
        return lines(onServer).equals(lines(toSend));
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String l : text.replaceAll("\r?\n[ \t]", "").split("\r?\n")) {
            String upper = l.toUpperCase(Locale.ROOT);
            if (l.isBlank() || upper.startsWith("PRODID") || upper.startsWith("DTSTAMP")) {
                continue;
            }
            int colon = l.indexOf(':');
            out.add(colon < 0 ? l : l.substring(0, colon).toUpperCase(Locale.ROOT) + l.substring(colon));
        }
        out.sort(null);
        return out;
    }
}
