package org.mailmigrator.connector.ical.internal;

import java.util.List;
import java.util.Optional;

/**
 * A top-level component of a VCALENDAR (VEVENT, VTODO, VTIMEZONE...), as its content lines from BEGIN to
 * END, nested components (VALARM, STANDARD/DAYLIGHT) included.
 */
record Block(String name, List<ContentLine> lines) {

    int firstLine() {
        return lines.get(0).number();
    }

    /** A property of the component itself, not of a nested VALARM. */
    Optional<String> property(String property) {
        int depth = 0;
        for (ContentLine line : lines) {
            String n = line.name();
            if (n.equals("BEGIN")) {
                depth++;
            } else if (n.equals("END")) {
                depth--;
            } else if (depth == 1 && n.equals(property)) {
                return Optional.of(line.value().trim());
            }
        }
        return Optional.empty();
    }
}
