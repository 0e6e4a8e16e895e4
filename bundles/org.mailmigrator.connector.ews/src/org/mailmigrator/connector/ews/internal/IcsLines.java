package org.mailmigrator.connector.ews.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * iCalendar (RFC 5545) text written line by line: values escaped, lines folded at 75 octets (never inside a UTF-8
 * character), CRLF line ends; dates and times in the forms the source items use.
 */
final class IcsLines {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private final StringBuilder text = new StringBuilder();

    /** A property line as given (name, parameters and an already formatted value). */
    IcsLines raw(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        boolean first = true;
        while (start < bytes.length) {
            int limit = first ? 75 : 74;
            int end = Math.min(bytes.length, start + limit);
            while (end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
                end--; // never cut a UTF-8 character
            }
            text.append(first ? "" : " ").append(new String(bytes, start, end - start, StandardCharsets.UTF_8)).append("\r\n");
            start = end;
            first = false;
        }
        return this;
    }

    /** A text property, its value escaped; nothing when the value is empty. */
    IcsLines text(String name, String value) {
        return value == null || value.isBlank() ? this : raw(name + ":" + escape(value));
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\n").replace("\r", "\n")
                .replace("\n", "\\n");
    }

    /** A parameter value, quoted when it holds characters a bare one cannot. */
    static String param(String value) {
        String v = value.replace("\"", "'");
        return v.matches("[^;:,]*") ? v : "\"" + v + "\"";
    }

    static String utc(Instant i) {
        return UTC.format(i);
    }

    /** {@code ;TZID=zone:local time}, or {@code ;VALUE=DATE:day} for an all-day value, or {@code :...Z} in UTC. */
    static String when(Instant i, ZoneId zone, boolean allDay) {
        if (allDay) {
            return ";VALUE=DATE:" + DAY.format(i.atZone(zone).toLocalDate());
        }
        if (zone.equals(ZoneOffset.UTC)) {
            return ":" + utc(i);
        }
        return ";TZID=" + zone.getId() + ":" + LOCAL.format(i.atZone(zone).toLocalDateTime());
    }

    static String day(LocalDate d) {
        return DAY.format(d);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
