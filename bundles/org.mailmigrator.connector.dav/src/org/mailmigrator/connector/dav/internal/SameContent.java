package org.mailmigrator.connector.dav.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a resource on the server holds what would be sent: the content lines compared unfolded, in any
 * order, ignoring PRODID and DTSTAMP (servers rewrite them) and the empty trailing components of a structured vCard
 * value (Radicale writes {@code N:Ada;;;;} for ez-vcard's {@code N:Ada}). Used when a resource exists without a state entry,
 * so that the same server reached through another URL does not get every item rewritten.
 */
final class SameContent {
    /** vCard properties whose empty trailing components one writer drops and another writes ({@code N:Ada;;;;}). */
    private static final java.util.Set<String> STRUCTURED = java.util.Set.of("N", "ADR", "ORG");

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
            if (colon < 0) {
                out.add(l);
                continue;
            }
            String name = l.substring(0, colon).toUpperCase(Locale.ROOT);
            String value = l.substring(colon);
            if (STRUCTURED.contains(name.replaceFirst("^[^.]*\\.", "").replaceFirst(";.*", ""))) {
                value = value.replaceAll("(?<!\\\\);+$", ""); // N:Ada and N:Ada;;;; are one name
            }
            out.add(name + value);
        }
        out.sort(null);
        return out;
    }
}
