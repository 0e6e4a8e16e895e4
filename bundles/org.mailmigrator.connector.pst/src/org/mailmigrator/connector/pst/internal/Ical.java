package org.mailmigrator.connector.pst.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/**
 * Lines of an iCalendar or vCard document: values escaped (backslash, comma, semicolon, newline), lines folded at
 * 75 octets, CRLF ends; date-times in UTC or, for a recurring series, in its zone (TZID).
 */
final class Ical {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private final StringBuilder text = new StringBuilder();

    Ical line(String raw) {
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= 75) {
            text.append(raw).append("\r\n");
            return this;
        }
        int used = 0;
        int limit = 75;
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + len > limit) {
                text.append(cur).append("\r\n ");
                cur.setLength(0);
                used = 0;
                limit = 74;
            }
            cur.appendCodePoint(cp);
            used += len;
            i += Character.charCount(cp);
        }
        text.append(cur).append("\r\n");
        return this;
    }

    /** {@code NAME:value} with the value escaped; nothing when the value is blank. */
    Ical text(String name, String value) {
        if (value != null && !value.isBlank()) {
            line(name + ":" + escape(value));
        }
        return this;
    }

    Ical utc(String name, Date when) {
        if (when != null) {
            line(name + ":" + utc(when.toInstant()));
        }
        return this;
    }

    /** {@code NAME;TZID=zone:local} in {@code zone}, or {@code NAME:...Z} when it is null. */
    Ical when(String name, Instant when, java.time.ZoneId zone) {
        if (when != null) {
            line(name + (zone == null ? ":" + utc(when) : ";TZID=" + zone.getId() + ":" + LOCAL.format(when.atZone(zone))));
        }
        return this;
    }

    static String utc(Instant i) {
        return UTC.format(i);
    }

    static String escape(String v) {
        return v.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\n").replace("\r", "\n")
                .replace("\n", "\\n");
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
