package org.mailmigrator.connector.graph.internal;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.core.pim.WindowsZones;

import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.minidev.json.JSONObject;

/**
 * Graph's event and todoTask JSON as iCalendar text (the reader's side): times put back into the event's original
 * zone ({@code originalStartTimeZone}, a Windows or IANA name) with its VTIMEZONE, the recurrence as an RRULE, the
 * series' modified occurrences as RECURRENCE-ID overrides. The UID is the source UID the writer kept (extended
 * property), else Graph's {@code iCalUId}.
 */
final class IcsFromGraph {
    private static final DateTimeFormatter ICS = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final String CRLF = "\r\n";

    private IcsFromGraph() {
    }

    static String uid(JSONObject o) {
        if (o.get("singleValueExtendedProperties") instanceof List<?> props) {
            for (Object p : props) {
                if (p instanceof Map<?, ?> m && EventJson.UID_PROPERTY.equalsIgnoreCase(String.valueOf(m.get("id")))) {
                    return String.valueOf(m.get("value"));
                }
            }
        }
        String ical = o.getAsString("iCalUId");
        return ical != null ? ical : o.getAsString("id");
    }

    static String event(JSONObject e, List<JSONObject> exceptions) {
        return event(e, exceptions, List.of());
    }

    /**
     * The event with its modified occurrences; {@code masterLines} (its EXDATE, ATTACH lines) go into the series' or
     * single event's VEVENT.
     */
    static String event(JSONObject e, List<JSONObject> exceptions, List<String> masterLines) {
        String zone = zone(e);
        boolean allDay = Boolean.TRUE.equals(e.get("isAllDay"));
        StringBuilder b = new StringBuilder("BEGIN:VCALENDAR" + CRLF + "VERSION:2.0" + CRLF
                + "PRODID:-//Mail Migrator//Graph//EN" + CRLF);
        if (!allDay && !zone.equals("UTC")) {
            b.append(TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(zone).getVTimeZone().toString());
        }
        String uid = uid(e);
        vevent(b, e, uid, zone, allDay, null, masterLines);
        for (JSONObject x : exceptions) {
            vevent(b, x, uid, zone, allDay, x.getAsString("originalStart"), List.of());
        }
        return b.append("END:VCALENDAR").append(CRLF).toString();
    }

    /** The event's zone as an IANA id (its original start zone). */
    static String zone(JSONObject e) {
        return iana(Optional.ofNullable(e.getAsString("originalStartTimeZone")).orElse("UTC"));
    }

    /** A dateTimeTimeZone value as local time in {@code zone}. */
    static LocalDateTime local(Object value, String zone) {
        Map<?, ?> v = (Map<?, ?>) value;
        String text = String.valueOf(v.get("dateTime"));
        LocalDateTime t = LocalDateTime.parse(text.length() > 19 ? text.substring(0, 19) : text);
        return t.atZone(ZoneId.of(iana(String.valueOf(v.get("timeZone"))))).withZoneSameInstant(ZoneId.of(zone)).toLocalDateTime();
    }

    private static void vevent(StringBuilder b, JSONObject e, String uid, String zone, boolean allDay, String originalStart,
            List<String> extra) {
        b.append("BEGIN:VEVENT").append(CRLF).append("UID:").append(escape(uid)).append(CRLF);
        b.append("DTSTAMP:").append(stamp(e)).append(CRLF);
        if (originalStart != null) {
            LocalDateTime rid = java.time.OffsetDateTime.parse(originalStart).atZoneSameInstant(ZoneId.of(zone)).toLocalDateTime();
            b.append(allDay ? "RECURRENCE-ID;VALUE=DATE:" + rid.toLocalDate().format(DateTimeFormatter.BASIC_ISO_DATE)
                    : when("RECURRENCE-ID", rid, zone)).append(CRLF);
        }
        b.append(time("DTSTART", e.get("start"), zone, allDay)).append(CRLF);
        b.append(time("DTEND", e.get("end"), zone, allDay)).append(CRLF);
        line(b, "SUMMARY", e.getAsString("subject"));
        if (e.get("body") instanceof Map<?, ?> body && body.get("content") != null) {
            String content = String.valueOf(body.get("content"));
            line(b, "DESCRIPTION", "html".equalsIgnoreCase(String.valueOf(body.get("contentType")))
                    ? content.replaceAll("(?s)<[^>]*>", "").replace("&nbsp;", " ").strip() : content);
        }
        if (e.get("location") instanceof Map<?, ?> loc && loc.get("displayName") != null) {
            line(b, "LOCATION", String.valueOf(loc.get("displayName")));
        }
        if ("free".equals(e.getAsString("showAs"))) {
            b.append("TRANSP:TRANSPARENT").append(CRLF);
        }
        EventExtras.labels(b, e);
        EventExtras.people(b, e);
        if (originalStart == null && e.get("recurrence") instanceof Map<?, ?> rec) {
            @SuppressWarnings("unchecked")
            Map<String, Object> r = (Map<String, Object>) rec;
            b.append("RRULE:").append(Rrules.fromGraph(r)).append(CRLF);
        }
        for (String line : extra) {
            b.append(line).append(CRLF);
        }
        EventExtras.alarm(b, e);
        b.append("END:VEVENT").append(CRLF);
    }

    /** A dateTimeTimeZone value as a property in {@code zone}. */
    private static String time(String name, Object value, String zone, boolean allDay) {
        Map<?, ?> v = (Map<?, ?>) value;
        String text = String.valueOf(v.get("dateTime"));
        LocalDateTime local = LocalDateTime.parse(text.length() > 19 ? text.substring(0, 19) : text);
        String from = iana(String.valueOf(v.get("timeZone")));
        if (allDay) {
            return name + ";VALUE=DATE:" + local.toLocalDate().format(DateTimeFormatter.BASIC_ISO_DATE);
        }
        LocalDateTime there = local.atZone(ZoneId.of(from)).withZoneSameInstant(ZoneId.of(zone)).toLocalDateTime();
        return when(name, there, zone);
    }

    private static String when(String name, LocalDateTime t, String zone) {
        return zone.equals("UTC") ? name + ":" + t.format(ICS) + "Z" : name + ";TZID=" + zone + ":" + t.format(ICS);
    }

    /** A Windows or IANA zone name as an IANA id; UTC when unknown. */
    static String iana(String name) {
        String n = WindowsZones.toIana(name).orElse(name);
        try {
            return ZoneId.of(n).getId().equals("Z") || n.equalsIgnoreCase("UTC") ? "UTC" : ZoneId.of(n).getId();
        } catch (RuntimeException e) {
            return "UTC";
        }
    }

    static String task(JSONObject t) {
        StringBuilder b = new StringBuilder("BEGIN:VCALENDAR" + CRLF + "VERSION:2.0" + CRLF + "PRODID:-//Mail Migrator//Graph//EN"
                + CRLF + "BEGIN:VTODO" + CRLF);
        String uid = Optional.ofNullable(TaskJson.uid(t)).orElse(t.getAsString("id"));
        b.append("UID:").append(escape(uid)).append(CRLF);
        b.append("DTSTAMP:").append(stamp(t)).append(CRLF);
        line(b, "SUMMARY", t.getAsString("title"));
        if (t.get("body") instanceof Map<?, ?> body && body.get("content") != null && !String.valueOf(body.get("content")).isBlank()) {
            line(b, "DESCRIPTION", String.valueOf(body.get("content")));
        }
        b.append("STATUS:").append(switch (String.valueOf(t.get("status"))) {
            case "completed" -> "COMPLETED";
            case "inProgress" -> "IN-PROCESS";
            case "deferred" -> "CANCELLED";
            default -> "NEEDS-ACTION";
        }).append(CRLF);
        String importance = String.valueOf(t.get("importance"));
        b.append("PRIORITY:").append(importance.equals("high") ? 1 : importance.equals("low") ? 9 : 5).append(CRLF);
        if (t.get("dueDateTime") instanceof Map<?, ?> due) {
            String zone = iana(String.valueOf(due.get("timeZone")));
            b.append(time("DUE", due, zone, false)).append(CRLF);
        }
        return b.append("END:VTODO").append(CRLF).append("END:VCALENDAR").append(CRLF).toString();
    }

    /**
     * DTSTAMP from the item's last modification (never the reading time: an unchanged item must read the same on every
     * run, or each run would rewrite it).
     */
    static String stamp(JSONObject o) {
        for (String k : new String[] { "lastModifiedDateTime", "createdDateTime" }) {
            String v = o.getAsString(k);
            if (v != null) {
                try {
                    return java.time.OffsetDateTime.parse(v).atZoneSameInstant(ZoneOffset.UTC).toLocalDateTime().format(ICS) + "Z";
                } catch (RuntimeException e) {
                    // the next one
                }
            }
        }
        return "19700101T000000Z";
    }

    private static void line(StringBuilder b, String name, String value) {
        if (value != null && !value.isEmpty()) {
            b.append(name).append(':').append(escape(value)).append(CRLF);
        }
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n");
    }
}
