package org.mailmigrator.core.model;

import java.time.Instant;
import java.util.Optional;

/**
 * Which messages of the selected folders a migration copies: only those received at or after {@code since}
 * and before {@code before} (the server's internal date), and none larger than {@code maxSize} bytes. A
 * message outside the dates is left where it is, silently (the administrator chose the window); one over the
 * size is reported as skipped with the limit, because the person expects it and will ask where it went.
 */
public record MessageLimits(Optional<Instant> since, Optional<Instant> before, Optional<Long> maxSize) {
    public static final MessageLimits NONE = new MessageLimits(Optional.empty(), Optional.empty(), Optional.empty());

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

    public boolean any() {
        return since.isPresent() || before.isPresent() || maxSize.isPresent();
    }
}
