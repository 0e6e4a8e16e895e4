package org.mailmigrator.connector.graph.tests;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.mailmigrator.core.pim.WindowsZones;

import net.minidev.json.JSONObject;

/**
 * The events of the fake's mailbox: series expanded into instances as Graph lists them
 * ({@code GET /events/{id}/instances}): daily and weekly patterns, numbered, endDate and noEnd ranges; an instance
 * has the id {@code SERIES_yyyyMMdd}, type occurrence, or exception once PATCHed; a deleted one is no longer listed.
 * Times are stored as written and answered in UTC, as Graph does without a {@code Prefer: outlook.timezone}.
 */
final class FakeEvents {
    final Map<String, JSONObject> events = new LinkedHashMap<>();
    final Map<String, JSONObject> exceptions = new TreeMap<>();
    final Set<String> deleted = new java.util.HashSet<>();

    static ZoneId zone(String name) {
        return ZoneId.of(WindowsZones.toIana(name).orElse(name.equals("UTC") ? "UTC" : name));
    }

    /** A dateTimeTimeZone as the instant it names. */
    static OffsetDateTime instant(Object dateTimeTimeZone) {
        Map<?, ?> m = (Map<?, ?>) dateTimeTimeZone;
        String d = String.valueOf(m.get("dateTime"));
        LocalDateTime local = LocalDateTime.parse(d.length() > 19 ? d.substring(0, 19) : d);
        return local.atZone(zone(String.valueOf(m.get("timeZone")))).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The event as Graph answers a GET: start and end in UTC. */
    static JSONObject inUtc(JSONObject e) {
        JSONObject copy = new JSONObject(e);
        for (String k : List.of("start", "end")) {
            if (e.get(k) instanceof Map<?, ?>) {
                copy.put(k, utc(instant(e.get(k))));
            }
        }
        return copy;
    }

    /** A dateTimeTimeZone in UTC as Graph writes it: {"dateTime": "2017-09-04T19:00:00.0000000", "timeZone": "UTC"}. */
    static Map<String, Object> utc(OffsetDateTime t) {
        return Map.of("dateTime", t.toLocalDateTime().format(java.time.format.DateTimeFormatter.ofPattern(
                "yyyy-MM-dd'T'HH:mm:ss")) + ".0000000", "timeZone", "UTC");
    }

    /** The series' instances whose original start lies in [from, to). */
    List<JSONObject> instances(String seriesId, OffsetDateTime from, OffsetDateTime to) {
        JSONObject master = events.get(seriesId);
        List<JSONObject> out = new ArrayList<>();
        if (master == null || !(master.get("recurrence") instanceof Map<?, ?> rec)) {
            return out;
        }
        Map<?, ?> pattern = (Map<?, ?>) rec.get("pattern");
        Map<?, ?> range = (Map<?, ?>) rec.get("range");
        ZoneId zone = zone(String.valueOf(((Map<?, ?>) master.get("start")).get("timeZone")));
        LocalDateTime first = instant(master.get("start")).atZoneSameInstant(zone).toLocalDateTime();
        long length = java.time.Duration.between(instant(master.get("start")), instant(master.get("end"))).toMinutes();
        int interval = ((Number) pattern.get("interval")).intValue();
        boolean weekly = "weekly".equals(pattern.get("type"));
        Set<DayOfWeek> days = new java.util.HashSet<>();
        if (pattern.get("daysOfWeek") instanceof List<?> l) {
            l.forEach(d -> days.add(DayOfWeek.valueOf(String.valueOf(d).toUpperCase(Locale.ROOT))));
        }
        int count = range.get("numberOfOccurrences") instanceof Number n && "numbered".equals(range.get("type")) ? n.intValue()
                : Integer.MAX_VALUE;
        LocalDate end = "endDate".equals(range.get("type")) ? LocalDate.parse(String.valueOf(range.get("endDate")))
                : LocalDate.parse(String.valueOf(range.get("startDate"))).plusYears(3);
        int made = 0;
        for (LocalDate day = first.toLocalDate(); !day.isAfter(end) && made < count; day = day.plusDays(1)) {
            long n = java.time.temporal.ChronoUnit.DAYS.between(first.toLocalDate(), day);
            boolean on = weekly ? days.contains(day.getDayOfWeek()) && (n / 7) % interval == 0 : n % interval == 0;
            if (!on) {
                continue;
            }
            made++;
            OffsetDateTime start = day.atTime(first.toLocalTime()).atZone(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
            String id = seriesId + "_" + day.toString().replace("-", "");
            if (start.isBefore(from) || !start.isBefore(to) || deleted.contains(id)) {
                continue;
            }
            JSONObject i = exceptions.containsKey(id) ? inUtc(exceptions.get(id)) : new JSONObject();
            if (!exceptions.containsKey(id)) {
                i.put("subject", master.get("subject"));
                i.put("start", utc(start));
                i.put("end", utc(start.plusMinutes(length)));
            }
            i.put("id", id);
            i.put("seriesMasterId", seriesId);
            i.put("type", exceptions.containsKey(id) ? "exception" : "occurrence");
            i.put("originalStart", start.toInstant().toString());
            out.add(i);
        }
        return out;
    }

    /** The series an instance id belongs to, or null. */
    String seriesOf(String instanceId) {
        int u = instanceId.lastIndexOf('_');
        return u > 0 && events.containsKey(instanceId.substring(0, u)) ? instanceId.substring(0, u) : null;
    }
}
