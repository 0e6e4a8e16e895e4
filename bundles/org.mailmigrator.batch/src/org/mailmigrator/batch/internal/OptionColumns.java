package org.mailmigrator.batch.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mailmigrator.batch.csv.spi.CsvRow;
import org.mailmigrator.core.model.MessageLimits;

/**
 * The native format's columns for what the migration editor sets beyond include/exclude/mirror:
 * {@code since} and {@code before} (messages received in that window; an ISO date, midnight UTC, or an ISO
 * instant), {@code maxsize} (bytes, or 25M/512K), {@code notbefore} (earliest start, ISO instant or date) and
 * {@code map} ({@code SOURCE=DESTINATION}, split at the first '=', repeatable). {@code batch export} writes
 * them, so an edited batch survives an export and a new import.
 */
final class OptionColumns {
    static final Set<String> NAMES = Set.of("since", "before", "maxsize", "notbefore", "map");

    /** What the columns of one row say; a wrong cell is a problem of that cell and leaves its option unset. */
    record Options(MessageLimits limits, Optional<Instant> notBefore, Map<String, String> map) {
    }

    private OptionColumns() {
    }

    static Options read(CsvRow r, List<String> names) {
        Optional<Instant> since = Optional.empty();
        Optional<Instant> before = Optional.empty();
        Optional<Long> maxSize = Optional.empty();
        Optional<Instant> notBefore = Optional.empty();
        Map<String, String> map = new LinkedHashMap<>();
        for (int c = 0; c < names.size(); c++) {
            String v = r.cell(c);
            if (v.isEmpty() || !NAMES.contains(names.get(c))) {
                continue;
            }
            try {
                switch (names.get(c)) {
                    case "since" -> since = Optional.of(instant(v));
                    case "before" -> before = Optional.of(instant(v));
                    case "notbefore" -> notBefore = Optional.of(instant(v));
                    case "maxsize" -> maxSize = Optional.of(MessageLimits.parseSize(v));
                    default -> {
                        int eq = v.indexOf('=');
                        if (eq <= 0 || eq == v.length() - 1) {
                            throw new IllegalArgumentException("'" + v + "' is not SOURCE=DESTINATION");
                        }
                        map.put(v.substring(0, eq), v.substring(eq + 1));
                    }
                }
            } catch (IllegalArgumentException e) {
                r.problem(c, e.getMessage());
            }
        }
        try {
            return new Options(new MessageLimits(since, before, maxSize), notBefore, map);
        } catch (IllegalArgumentException e) {
            r.problem(names.indexOf("before"), e.getMessage());
            return new Options(MessageLimits.NONE, notBefore, map);
        }
    }

    private static Instant instant(String v) {
        return MessageLimits.parseDate(v);
    }
}
