package org.mailmigrator.connector.dav.tests;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.mailmigrator.core.pim.ZoneAliases;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.component.VTimeZone;

/**
 * An iCalendar document read for a comparison by meaning, independently of the code under test: components
 * (VEVENT, VTODO, VJOURNAL) with their nested VALARMs, each property as a normalised string: date-times as
 * instants (the TZID resolved through the document's own VTIMEZONE, else the zone alias table), dates as dates,
 * floating times as local times, text unescaped, parameters sorted without TZID and VALUE, RRULE parts sorted,
 * EXDATE/RDATE values merged into one set.
 */
final class IcsModel {
    private static final Set<String> TIMES = Set.of("DTSTART", "DTEND", "DUE", "RECURRENCE-ID", "EXDATE", "RDATE", "DTSTAMP",
            "CREATED", "LAST-MODIFIED", "COMPLETED", "TRIGGER");
    private static final Set<String> MERGED = Set.of("EXDATE", "RDATE", "CATEGORIES", "RESOURCES");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

    /** One component: type, UID, first line, and property name → normalised values. */
    record Comp(String type, String uid, int line, Map<String, List<String>> props) {
        String key(IcsModel doc) {
            List<String> rid = props.getOrDefault("RECURRENCE-ID", List.of());
            return type + "|" + uid + "|" + (rid.isEmpty() ? "" : rid.get(0));
        }
    }

    final List<Comp> components = new ArrayList<>();
    private final Map<String, java.util.TimeZone> zones = new HashMap<>();

    IcsModel(String text) {
        List<String[]> lines = unfold(text);
        readZones(lines);
        String type = null;
        int depth = 0;
        int start = 0;
        Map<String, List<String>> props = null;
        String nested = "";
        for (String[] numbered : lines) {
            String line = numbered[1];
            String name = name(line);
            String value = value(line);
            if (name.equals("BEGIN")) {
                depth++;
                String v = value.trim().toUpperCase(Locale.ROOT);
                if (depth == 2 && Set.of("VEVENT", "VTODO", "VJOURNAL").contains(v)) {
                    type = v;
                    props = new TreeMap<>();
                    start = Integer.parseInt(numbered[0]);
                } else if (type != null) {
                    nested = v + "/";
                }
            } else if (name.equals("END")) {
                depth--;
                if (type != null && depth == 1) {
                    String uid = props.containsKey("UID") ? props.get("UID").get(0).replaceFirst("^\\[[^\\]]*\\]", "") : "";
                    components.add(new Comp(type, uid, start, props));
                    type = null;
                } else if (type != null) {
                    nested = "";
                }
            } else if (type != null) {
                String key = nested + name;
                List<String> values = props.computeIfAbsent(key, k -> new ArrayList<>());
                if (MERGED.contains(name)) {
                    for (String v : splitList(value)) {
                        values.add(normalise(name, line, v));
                    }
                } else {
                    values.add(normalise(name, line, value));
                }
                values.sort(null);
            }
        }
    }

    private void readZones(List<String[]> lines) {
        StringBuilder zone = null;
        String id = null;
        for (String[] n : lines) {
            String l = n[1];
            if (l.equalsIgnoreCase("BEGIN:VTIMEZONE")) {
                zone = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:t\r\n");
            }
            if (zone != null) {
                zone.append(l).append("\r\n");
                if (name(l).equals("TZID")) {
                    id = value(l).trim().replace("\\,", ",").replace("\\;", ";");
                }
                if (l.equalsIgnoreCase("END:VTIMEZONE")) {
                    try {
                        Calendar c = new CalendarBuilder().build(new StringReader(zone.append("END:VCALENDAR\r\n").toString()));
                        Optional<VTimeZone> v = c.getComponent(Component.VTIMEZONE);
                        if (v.isPresent() && id != null) {
                            zones.putIfAbsent(id, new TimeZone(v.get()));
                        }
                    } catch (Exception unreadable) {
                        // the zone stays unknown: its times compare as local times with the zone name
                    }
                    zone = null;
                    id = null;
                }
            }
        }
    }

    private String normalise(String name, String line, String value) {
        Map<String, String> params = params(line);
        String p = params.entrySet().stream().filter(e -> !e.getKey().equals("TZID") && !e.getKey().equals("VALUE"))
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().toList().toString();
        String v;
        String trimmed = value.trim();
        if (trimmed.matches("[+-]?P[0-9WDTHMS]*")) {
            // -PT15M and -P0DT0H15M0S are one duration
            try {
                boolean negative = trimmed.startsWith("-");
                String body = trimmed.replaceFirst("^[+-]", "");
                long seconds;
                if (body.contains("W")) {
                    seconds = Long.parseLong(body.substring(1, body.indexOf('W'))) * 7 * 86400;
                } else {
                    seconds = java.time.Duration.parse(body.startsWith("PT") || !body.contains("D") ? body : body.replace("DT", "DT")).getSeconds();
                }
                v = "duration:" + (negative ? -seconds : seconds);
                return p + v;
            } catch (RuntimeException notADuration) {
                // compared as text
            }
        }
        if (TIMES.contains(name) && !value.startsWith("-") && !value.startsWith("+") && !value.startsWith("P")) {
            v = time(value.trim(), params.get("TZID"));
        } else if (name.equals("RRULE") || name.equals("EXRULE")) {
            List<String> parts = new ArrayList<>();
            for (String part : value.trim().toUpperCase(Locale.ROOT).split(";")) {
                parts.add(part.startsWith("UNTIL=") ? "UNTIL=" + time(part.substring(6), params.get("TZID")) : part);
            }
            parts.sort(null);
            v = String.join(";", parts);
        } else {
            v = value.replace("\\n", "\n").replace("\\N", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\").strip();
        }
        return p + v;
    }

    private String time(String value, String tzid) {
        String v = value.contains("/") ? value.substring(0, value.indexOf('/')) : value;
        try {
            if (v.matches("\\d{8}")) {
                return "date:" + LocalDate.parse(v, DateTimeFormatter.BASIC_ISO_DATE);
            }
            if (v.matches("\\d{8}T\\d{6}Z")) {
                return "instant:" + LocalDateTime.parse(v.substring(0, 15), LOCAL).atZone(ZoneId.of("UTC")).toInstant();
            }
            if (v.matches("\\d{8}T\\d{6}")) {
                LocalDateTime local = LocalDateTime.parse(v, LOCAL);
                if (tzid == null) {
                    return "local:" + local;
                }
                java.util.TimeZone own = zones.get(tzid);
                if (own != null) {
                    java.util.Calendar c = java.util.Calendar.getInstance(own);
                    c.clear();
                    c.set(local.getYear(), local.getMonthValue() - 1, local.getDayOfMonth(), local.getHour(), local.getMinute(),
                            local.getSecond());
                    return "instant:" + c.toInstant();
                }
                Optional<String> iana = ZoneAliases.toIana(tzid);
                if (iana.isPresent()) {
                    return "instant:" + local.atZone(ZoneId.of(iana.get())).toInstant();
                }
                return "local:" + local + "@" + tzid;
            }
        } catch (RuntimeException e) {
            return "unparsed:" + value;
        }
        return value;
    }

    static List<String> splitList(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                cur.append(c).append(value.charAt(++i));
            } else if (c == ',') {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().trim());
        return out;
    }

    static List<String[]> unfold(String text) {
        List<String[]> out = new ArrayList<>();
        String[] physical = text.replace("\uFEFF", "").split("\r\n|\n|\r", -1);
        for (int i = 0; i < physical.length; i++) {
            String p = physical[i];
            if (!p.isEmpty() && (p.charAt(0) == ' ' || p.charAt(0) == '\t') && !out.isEmpty()) {
                String[] last = out.get(out.size() - 1);
                last[1] = last[1] + p.substring(1);
            } else if (!p.isBlank()) {
                out.add(new String[] { String.valueOf(i + 1), p });
            }
        }
        return out;
    }

    static String name(String line) {
        int end = 0;
        while (end < line.length() && ";:=\"".indexOf(line.charAt(end)) < 0) {
            end++;
        }
        return line.substring(0, end).toUpperCase(Locale.ROOT).strip();
    }

    static String value(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return line.substring(i + 1);
            }
        }
        return "";
    }

    /** Parameters (upper-case names, unquoted values), split on unquoted semicolons before the value. */
    static Map<String, String> params(String line) {
        String head = line.substring(0, line.length() - value(line).length());
        Map<String, String> out = new TreeMap<>();
        boolean quoted = false;
        int start = -1;
        for (int i = 0; i <= head.length(); i++) {
            char c = i < head.length() ? head.charAt(i) : ';';
            if (c == '"') {
                quoted = !quoted;
            } else if ((c == ';' || c == ':' && i == head.length() - 1) && !quoted) {
                if (start >= 0) {
                    String p = head.substring(start, i);
                    int eq = p.indexOf('=');
                    if (eq > 0) {
                        out.put(p.substring(0, eq).toUpperCase(Locale.ROOT).strip(),
                                p.substring(eq + 1).replace("\"", "").replace("\\;", ";").replace("\\,", ",").strip());
                    }
                }
                start = i + 1;
            }
        }
        return out;
    }
}
