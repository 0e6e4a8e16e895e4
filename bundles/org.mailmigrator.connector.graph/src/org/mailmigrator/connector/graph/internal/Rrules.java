package org.mailmigrator.connector.graph.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mailmigrator.core.spi.ConnectorException;

/**
 * RRULE ↔ Graph's {@code patternedRecurrence}: daily, weekly (days of week), absolute and relative monthly and
 * yearly, with an interval, ended by a count, a date or never. A rule Graph cannot express (BYHOUR, several
 * month days, BYSETPOS lists) is refused with its text rather than approximated.
 */
final class Rrules {
    private static final List<String> DAYS = List.of("SU", "MO", "TU", "WE", "TH", "FR", "SA");
    private static final List<String> NAMES = List.of("sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday");
    private static final List<String> INDEX = List.of("first", "second", "third", "fourth", "last");

    private Rrules() {
    }

    static Map<String, String> parts(String rule) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String p : rule.split(";")) {
            int eq = p.indexOf('=');
            if (eq > 0) {
                m.put(p.substring(0, eq).trim().toUpperCase(Locale.ROOT), p.substring(eq + 1).trim());
            }
        }
        return m;
    }

    /** The Graph recurrence of {@code rule} for a series starting at {@code start}. */
    static Map<String, Object> toGraph(String rule, IcsWhen start) throws ConnectorException.ItemFailure {
        Map<String, String> r = parts(rule);
        for (String k : r.keySet()) {
            if (!List.of("FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS", "COUNT", "UNTIL", "WKST").contains(k)
                    || r.get(k).contains(",") && !k.equals("BYDAY")) {
                throw new ConnectorException.ItemFailure("RRULE:" + rule + " has no Graph recurrence pattern (" + k + ")", null);
            }
        }
        LocalDate first = start.time().toLocalDate();
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("interval", Integer.parseInt(r.getOrDefault("INTERVAL", "1")));
        List<String> byDay = r.containsKey("BYDAY") ? List.of(r.get("BYDAY").split(",")) : List.of();
        String freq = r.getOrDefault("FREQ", "");
        switch (freq) {
            case "DAILY" -> {
                if (byDay.isEmpty()) {
                    pattern.put("type", "daily");
                } else {
                    pattern.put("type", "weekly");
                    pattern.put("daysOfWeek", names(byDay));
                }
            }
            case "WEEKLY" -> {
                pattern.put("type", "weekly");
                pattern.put("daysOfWeek", byDay.isEmpty() ? List.of(NAMES.get(first.getDayOfWeek().getValue() % 7)) : names(byDay));
                pattern.put("firstDayOfWeek", NAMES.get(DAYS.indexOf(r.getOrDefault("WKST", "SU"))));
            }
            case "MONTHLY", "YEARLY" -> {
                boolean yearly = freq.equals("YEARLY");
                if (yearly) {
                    pattern.put("month", Integer.parseInt(r.getOrDefault("BYMONTH", String.valueOf(first.getMonthValue()))));
                }
                if (!byDay.isEmpty()) {
                    String d = byDay.get(0);
                    String offset = d.substring(0, d.length() - 2);
                    int n = !offset.isEmpty() ? Integer.parseInt(offset) : Integer.parseInt(r.getOrDefault("BYSETPOS", "1"));
                    pattern.put("type", yearly ? "relativeYearly" : "relativeMonthly");
                    pattern.put("daysOfWeek", names(List.of(d.substring(d.length() - 2))));
                    pattern.put("index", n < 0 || n > 4 ? "last" : INDEX.get(n - 1));
                } else {
                    pattern.put("type", yearly ? "absoluteYearly" : "absoluteMonthly");
                    pattern.put("dayOfMonth", Integer.parseInt(r.getOrDefault("BYMONTHDAY", String.valueOf(first.getDayOfMonth()))));
                }
            }
            default -> throw new ConnectorException.ItemFailure("RRULE:" + rule + " has no Graph recurrence pattern", null);
        }
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("startDate", first.toString());
        range.put("recurrenceTimeZone", start.graphZone());
        if (r.containsKey("COUNT")) {
            range.put("type", "numbered");
            range.put("numberOfOccurrences", Integer.parseInt(r.get("COUNT")));
        } else if (r.containsKey("UNTIL")) {
            range.put("type", "endDate");
            range.put("endDate", IcsWhen.parse(r.get("UNTIL"), null).time().toLocalDate().toString());
        } else {
            range.put("type", "noEnd");
        }
        return Map.of("pattern", pattern, "range", range);
    }

    private static List<String> names(List<String> byDay) {
        List<String> out = new ArrayList<>();
        for (String d : byDay) {
            out.add(NAMES.get(DAYS.indexOf(d.substring(d.length() - 2).toUpperCase(Locale.ROOT))));
        }
        return out;
    }

    /** The RRULE value of a Graph recurrence (the reader's way back). */
    static String fromGraph(Map<String, Object> recurrence) {
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) recurrence.get("pattern");
        @SuppressWarnings("unchecked")
        Map<String, Object> range = (Map<String, Object>) recurrence.get("range");
        String type = String.valueOf(p.get("type"));
        StringBuilder s = new StringBuilder("FREQ=").append(switch (type) {
            case "daily" -> "DAILY";
            case "weekly" -> "WEEKLY";
            case "absoluteMonthly", "relativeMonthly" -> "MONTHLY";
            default -> "YEARLY";
        });
        Object interval = p.get("interval");
        if (interval instanceof Number n && n.intValue() > 1) {
            s.append(";INTERVAL=").append(n.intValue());
        }
        if (p.get("daysOfWeek") instanceof List<?> days && !days.isEmpty()) {
            List<String> codes = new ArrayList<>();
            String prefix = type.startsWith("relative") ? switch (String.valueOf(p.get("index"))) {
                case "second" -> "2";
                case "third" -> "3";
                case "fourth" -> "4";
                case "last" -> "-1";
                default -> "1";
            } : "";
            for (Object d : days) {
                codes.add(prefix + DAYS.get(NAMES.indexOf(String.valueOf(d).toLowerCase(Locale.ROOT))));
            }
            s.append(";BYDAY=").append(String.join(",", codes));
        }
        if (type.startsWith("absolute") && p.get("dayOfMonth") instanceof Number d && d.intValue() > 0) {
            s.append(";BYMONTHDAY=").append(d.intValue());
        }
        if (type.endsWith("Yearly") && p.get("month") instanceof Number m && m.intValue() > 0) {
            s.append(";BYMONTH=").append(m.intValue());
        }
        String rangeType = String.valueOf(range.get("type"));
        if (rangeType.equals("numbered")) {
            s.append(";COUNT=").append(range.get("numberOfOccurrences"));
        } else if (rangeType.equals("endDate")) {
            s.append(";UNTIL=").append(LocalDate.parse(String.valueOf(range.get("endDate"))).format(DateTimeFormatter.BASIC_ISO_DATE))
                    .append("T235959Z");
        }
        return s.toString();
    }
}
