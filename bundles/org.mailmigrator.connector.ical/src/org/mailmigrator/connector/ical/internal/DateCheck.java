package org.mailmigrator.connector.ical.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses dates that do not exist (February 31, month 13, 25 o'clock). ical4j reads them leniently (February 31
 * becomes March 2 or February 29), so an invalid object would reach the server or land on another day.
 */
final class DateCheck {
    private static final Set<String> DATES = Set.of("DTSTART", "DTEND", "DUE", "RECURRENCE-ID", "EXDATE", "RDATE", "DTSTAMP",
            "CREATED", "LAST-MODIFIED", "COMPLETED");
    private static final Pattern VALUE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:T(\\d{2})(\\d{2})(\\d{2})Z?)?");
    private static final Pattern UNTIL = Pattern.compile("(?i)UNTIL=([0-9TZ]+)");

    private DateCheck() {
    }

    /** Why the line's date or date-time value does not exist, or empty. */
    static Optional<String> problem(ContentLine line) {
        String name = line.name();
        String value = line.value().trim();
        if (name.equals("RRULE") || name.equals("EXRULE")) {
            Matcher m = UNTIL.matcher(value);
            return m.find() ? check(m.group(1)).map(p -> "line " + line.number() + ", " + name + " UNTIL: " + p) : Optional.empty();
        }
        if (!DATES.contains(name) || line.text().toUpperCase(java.util.Locale.ROOT).contains("VALUE=PERIOD")) {
            return Optional.empty();
        }
        for (String v : value.split(",")) {
            String single = v.contains("/") ? v.substring(0, v.indexOf('/')) : v;
            Optional<String> p = check(single.trim());
            if (p.isPresent()) {
                return Optional.of("line " + line.number() + ", " + name + ": " + p.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> check(String v) {
        Matcher m = VALUE.matcher(v);
        if (!m.matches()) {
            return Optional.empty(); // other forms are the parser's to judge
        }
        try {
            LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            if (m.group(4) != null) {
                int second = Integer.parseInt(m.group(6));
                LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), second == 60 ? 59 : second);
            }
            return Optional.empty();
        } catch (DateTimeException e) {
            return Optional.of(v + " does not exist (" + e.getMessage() + ")");
        }
    }
}
