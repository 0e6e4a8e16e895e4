package org.mailmigrator.connector.files.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of the mail files: the {@code From } line's (asctime, {@code Mon Jan  2 15:04:05 2006}, sometimes with a
 * zone before or after the year; without a zone it is taken as UTC) and RFC 5322 dates ({@code Date:}, the date
 * after the last {@code ;} of a {@code Received:}).
 */
final class Dates {
    private static final Pattern ASCTIME = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\\s+(\\w{3})\\s+(\\d{1,2})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?"
                    + "(?:\\s+([A-Z]{3,4}|[+-]\\d{4}))?\\s+(\\d{4})(?:\\s+([+-]\\d{4}))?");
    private static final Pattern RFC5322 = Pattern.compile(
            "(\\d{1,2})\\s+(\\w{3})\\s+(\\d{2,4})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([+-]\\d{4}|[A-Z]{1,5})?");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH);

    private Dates() {
    }

    static Optional<Instant> fromLine(String line) {
        Matcher m = ASCTIME.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        String zone = m.group(9) != null ? m.group(9) : m.group(7);
        return at(m.group(8), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), zone);
    }

    static Optional<Instant> rfc5322(String value) {
        Matcher m = RFC5322.matcher(value);
        if (!m.find()) {
            return Optional.empty();
        }
        String year = m.group(3).length() == 2 ? (Integer.parseInt(m.group(3)) < 50 ? "20" : "19") + m.group(3) : m.group(3);
        return at(year, m.group(2), m.group(1), m.group(4), m.group(5), m.group(6), m.group(7));
    }

    /** The arrival date a {@code Received:} field says (after its last ';'). */
    static Optional<Instant> received(String value) {
        int semi = value.lastIndexOf(';');
        return semi < 0 ? Optional.empty() : rfc5322(value.substring(semi + 1));
    }

    private static Optional<Instant> at(String year, String month, String day, String h, String min, String s,
            String zone) {
        try {
            int mon = MONTH.parse(month.substring(0, 1).toUpperCase(Locale.ROOT) + month.substring(1).toLowerCase(Locale.ROOT))
                    .get(java.time.temporal.ChronoField.MONTH_OF_YEAR);
            LocalDateTime t = LocalDateTime.of(Integer.parseInt(year), mon, Integer.parseInt(day), Integer.parseInt(h),
                    Integer.parseInt(min), s == null ? 0 : Integer.parseInt(s));
            ZoneOffset offset = ZoneOffset.UTC;
            if (zone != null && (zone.startsWith("+") || zone.startsWith("-"))) {
                offset = ZoneOffset.of(zone.substring(0, 3) + ":" + zone.substring(3));
            }
            return Optional.of(ZonedDateTime.of(t, offset).toInstant());
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
