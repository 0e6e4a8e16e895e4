package org.mailmigrator.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which messages of the selected folders a migration copies: only those received at or after {@code since}
 * and before {@code before} (the server's internal date), and none larger than {@code maxSize} bytes. A
 * message outside the dates is left where it is, silently (the administrator chose the window); one over the
 * size is reported as skipped with the limit, because the person expects it and will ask where it went.
 */
public record MessageLimits(Optional<Instant> since, Optional<Instant> before, Optional<Long> maxSize) {
    public static final MessageLimits NONE = new MessageLimits(Optional.empty(), Optional.empty(), Optional.empty());
    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*([KMG]?)B?", Pattern.CASE_INSENSITIVE);

    public MessageLimits {
        if (since.isPresent() && before.isPresent() && !since.get().isBefore(before.get())) {
            throw new IllegalArgumentException("the date limits select nothing: 'since' " + since.get()
                    + " is not before 'before' " + before.get());
        }
        if (maxSize.isPresent() && maxSize.get() < 1) {
            throw new IllegalArgumentException("the maximum message size must be at least 1 byte, not " + maxSize.get());
        }
    }

    /** True when a message of this internal date is inside the window (an unknown date always is). */
    public boolean dateAllows(Instant date) {
        if (date == null) {
            return true;
        }
        return since.map(s -> !date.isBefore(s)).orElse(true) && before.map(date::isBefore).orElse(true);
    }

    /** The reason a message of {@code size} bytes is skipped, or empty when it may be copied. */
    public Optional<String> sizeRefusal(long size) {
        return maxSize.filter(max -> size > max)
                .map(max -> "larger than the migration's size limit of " + max + " bytes");
    }

    /**
     * A size as people write it: bytes, or a number with K, M or G (1024 based, as mail servers count),
     * optionally followed by B: {@code 26214400}, {@code 25M}, {@code 512 KB}.
     *
     * @throws IllegalArgumentException saying what is expected
     */
    public static long parseSize(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a size like 25M, 512K or 1048576");
        }
        return Long.parseLong(m.group(1)) << shift(m.group(2).toUpperCase(Locale.ROOT));
    }

    /**
     * A date limit as people write it: an ISO date (midnight UTC) or an ISO instant.
     *
     * @throws IllegalArgumentException saying what is expected
     */
    public static Instant parseDate(String text) {
        String v = text.trim();
        try {
            return v.contains("T") ? Instant.parse(v) : LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + v + "' is not a date (2024-01-31) or an instant (2024-01-31T22:00:00Z)");
        }
    }

    /** The largest exact unit: 26214400 reads 25M, 1000 reads 1000. */
    public static String formatSize(long bytes) {
        for (String unit : new String[] { "G", "M", "K" }) {
            if (bytes % (1L << shift(unit)) == 0) {
                return (bytes >> shift(unit)) + unit;
            }
        }
        return String.valueOf(bytes);
    }

    private static int shift(String unit) {
        return switch (unit) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            default -> 0;
        };
    }

    public boolean any() {
        return since.isPresent() || before.isPresent() || maxSize.isPresent();
    }
}
