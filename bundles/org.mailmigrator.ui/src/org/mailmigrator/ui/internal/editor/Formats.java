package org.mailmigrator.ui.internal.editor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import org.mailmigrator.core.model.MessageLimits;

/**
 * How the editor's option fields read and write dates, times and sizes: ISO dates ({@code 2024-01-31}) and
 * times ({@code 2024-01-31 18:30}) in the workbench's time zone, sizes as bytes or with a K, M or G unit (1024
 * based, as mail servers count). Blank means "no limit". Wrong input names the field and what is expected.
 */
final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

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
        try {
            return Optional.of(MessageLimits.parseSize(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
    }

    static String size(Optional<Long> value) {
        return value.map(MessageLimits::formatSize).orElse("");
    }
}
