package org.mailmigrator.ui.internal.editor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the editor's option fields read and write dates, times and sizes: ISO dates ({@code 2024-01-31}) and
 * times ({@code 2024-01-31 18:30}) in the workbench's time zone, sizes as bytes or with a K, M or G unit (1024
 * based, as mail servers count). Blank means "no limit". Wrong input names the field and what is expected.
 */
final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*([KMG]?)B?", Pattern.CASE_INSENSITIVE);

    private Formats() {
    }

    static Optional<Instant> date(String field, String text, ZoneId zone) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.trim()).atStartOfDay(zone).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": '" + text.trim() + "' is not a date like 2024-01-31");
        }
    }

    static String date(Optional<Instant> value, ZoneId zone) {
        return value.map(i -> LocalDate.ofInstant(i, zone).toString()).orElse("");
    }

    static Optional<Instant> time(String field, String text, ZoneId zone) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text.trim(), TIME).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": '" + text.trim() + "' is not a time like 2024-01-31 18:30");
        }
    }

    static String time(Optional<Instant> value, ZoneId zone) {
        return value.map(i -> LocalDateTime.ofInstant(i, zone).format(TIME)).orElse("");
    }

    static Optional<Long> size(String field, String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException(field + ": '" + text.trim() + "' is not a size like 25M, 512K or 1048576");
        }
        int shift = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            default -> 0;
        };
        return Optional.of(Long.parseLong(m.group(1)) << shift);
    }

    /** The largest exact unit: 26214400 reads 25M. */
    static String size(Optional<Long> value) {
        if (value.isEmpty()) {
            return "";
        }
        long v = value.get();
        for (String unit : new String[] { "G", "M", "K" }) {
            int shift = unit.equals("G") ? 30 : unit.equals("M") ? 20 : 10;
            if (v % (1L << shift) == 0) {
                return (v >> shift) + unit;
            }
        }
        return String.valueOf(v);
    }
}
