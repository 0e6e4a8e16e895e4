package org.mailmigrator.connector.graph.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import net.fortuna.ical4j.model.Recur;
import net.minidev.json.JSONObject;

/**
 * What a Graph event carries besides its times and text, as iCalendar (the reader's side): the organizer and the
 * attendees as data (ORGANIZER/ATTENDEE with their answers; never a METHOD: nothing is sent to anyone), the reminder
 * as a VALARM, categories, sensitivity as CLASS, and a series' deleted occurrences as EXDATE: Graph v1.0 lists only
 * the instances that remain, so the occurrences the pattern makes and Graph no longer lists were deleted.
 */
final class EventExtras {
    private static final String CRLF = "\r\n";
    private static final DateTimeFormatter ICS = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private EventExtras() {
    }

    /** ORGANIZER and ATTENDEE lines: names, addresses, required/optional/resource and each one's answer. */
    static void people(StringBuilder b, JSONObject e) {
        if (e.get("organizer") instanceof Map<?, ?> o && o.get("emailAddress") instanceof Map<?, ?> a && a.get("address") != null) {
            b.append("ORGANIZER").append(cn(a)).append(":mailto:").append(a.get("address")).append(CRLF);
        }
        if (e.get("attendees") instanceof List<?> list) {
            for (Object x : list) {
                if (x instanceof Map<?, ?> at && at.get("emailAddress") instanceof Map<?, ?> a && a.get("address") != null) {
                    String type = String.valueOf(at.get("type"));
                    String answer = at.get("status") instanceof Map<?, ?> s ? String.valueOf(s.get("response")) : "none";
                    b.append("ATTENDEE").append(cn(a)).append(type.equals("resource") ? ";CUTYPE=RESOURCE" : "")
                            .append(";ROLE=").append(type.equals("optional") ? "OPT-PARTICIPANT"
                                    : type.equals("resource") ? "NON-PARTICIPANT" : "REQ-PARTICIPANT")
                            .append(";PARTSTAT=").append(switch (answer) {
                                case "accepted", "organizer" -> "ACCEPTED";
                                case "tentativelyAccepted" -> "TENTATIVE";
                                case "declined" -> "DECLINED";
                                default -> "NEEDS-ACTION";
                            }).append(":mailto:").append(a.get("address")).append(CRLF);
                }
            }
        }
    }

    private static String cn(Map<?, ?> address) {
        Object name = address.get("name");
        if (name == null || String.valueOf(name).isBlank()) {
            return "";
        }
        String n = String.valueOf(name).replace("\"", "'").replaceAll("[\\r\\n]", " ");
        return ";CN=" + (n.matches(".*[,;:].*") ? "\"" + n + "\"" : n);
    }

    /** CATEGORIES, CLASS for a private or confidential event. */
    static void labels(StringBuilder b, JSONObject e) {
        if (e.get("categories") instanceof List<?> c && !c.isEmpty()) {
            List<String> names = new ArrayList<>();
            c.forEach(x -> names.add(IcsFromGraph.escape(String.valueOf(x))));
            b.append("CATEGORIES:").append(String.join(",", names)).append(CRLF);
        }
        String sensitivity = e.getAsString("sensitivity");
        if ("private".equals(sensitivity) || "confidential".equals(sensitivity)) {
            b.append("CLASS:").append(sensitivity.toUpperCase(Locale.ROOT)).append(CRLF);
        }
    }

    /** The reminder (isReminderOn, reminderMinutesBeforeStart) as a display alarm; goes last in its VEVENT. */
    static void alarm(StringBuilder b, JSONObject e) {
        if (Boolean.TRUE.equals(e.get("isReminderOn")) && e.get("reminderMinutesBeforeStart") instanceof Number n) {
            b.append("BEGIN:VALARM").append(CRLF).append("ACTION:DISPLAY").append(CRLF).append("DESCRIPTION:Reminder")
                    .append(CRLF).append("TRIGGER:-PT").append(Math.max(0, n.longValue())).append('M').append(CRLF)
                    .append("END:VALARM").append(CRLF);
        }
    }

    /**
     * The occurrences of {@code rrule} from {@code first} (local time in {@code zone}) up to {@code to} whose start is
     * not among {@code listed} (the original starts of the instances Graph lists): the deleted ones, as EXDATE values.
     */
    static List<String> deleted(String rrule, LocalDateTime first, ZoneId zone, boolean allDay, Set<Instant> listed,
            Set<LocalDate> listedDays, Instant to) {
        List<String> out = new ArrayList<>();
        if (allDay) {
            Recur<LocalDate> r = new Recur<>(rrule);
            for (LocalDate d : r.getDates(first.toLocalDate(), first.toLocalDate(), to.atZone(zone).toLocalDate())) {
                if (!listedDays.contains(d)) {
                    out.add(d.format(DateTimeFormatter.BASIC_ISO_DATE));
                }
            }
            return out;
        }
        ZonedDateTime seed = first.atZone(zone);
        Recur<ZonedDateTime> r = new Recur<>(rrule);
        for (ZonedDateTime t : r.getDates(seed, seed, to.atZone(zone))) {
            if (t.toInstant().isBefore(to) && !listed.contains(t.toInstant())) {
                out.add(t.withZoneSameInstant(zone).toLocalDateTime().format(ICS));
            }
        }
        return out;
    }

    /** Attachments Graph lists with their bytes up to this size; larger ones are read by their own request. */
    static final long MAX_ATTACHMENT = 3L * 1024 * 1024;
    /**
     * Files up to this size are copied (each is held in memory while its event is copied); larger ones are listed as
     * not copied.
     */
    static final long MAX_COPIED = 50L * 1024 * 1024;

    /** The EXDATE line of a series' deleted occurrences (local times in {@code zone}, or dates). */
    static String exdate(List<String> values, String zone, boolean allDay) {
        String head = allDay ? "EXDATE;VALUE=DATE:" : zone.equals("UTC") ? "EXDATE:" : "EXDATE;TZID=" + zone + ":";
        return head + String.join(",", values.stream().map(x -> allDay || !zone.equals("UTC") ? x : x + "Z").toList());
    }

    /** Reads one attachment's bytes ({@code GET /events/{id}/attachments/{id}/$value}). */
    @FunctionalInterface
    interface Bytes {
        /** The bytes, or null when the attachment is gone (404). */
        byte[] of(String attachmentId) throws org.mailmigrator.core.spi.ConnectorException;
    }

    /**
     * The event's file attachments as inline ATTACH lines (base64, with their media type and file name): the bytes Graph
     * listed, or, for a file over {@value #MAX_ATTACHMENT} bytes or listed without them, its {@code $value} read through
     * {@code read}; an attached Outlook item, a link to a file in the cloud, or a file larger than {@value #MAX_COPIED}
     * bytes is not copied and said in {@code notes}.
     */
    static List<String> attachments(List<JSONObject> attachments, List<String> notes, Bytes read)
            throws org.mailmigrator.core.spi.ConnectorException {
        List<String> lines = new ArrayList<>();
        for (JSONObject a : attachments) {
            String name = String.valueOf(a.getOrDefault("name", "attachment"));
            String type = String.valueOf(a.get("@odata.type"));
            long size = a.get("size") instanceof Number n ? n.longValue() : 0;
            if (!type.endsWith("fileAttachment")) {
                notes.add("the attachment '" + name + "' is " + (type.endsWith("itemAttachment") ? "an attached Outlook item"
                        : "a link to a file in the cloud") + ": not copied");
            } else if (size > MAX_COPIED) {
                notes.add("the attachment '" + name + "' (" + size + " bytes) is larger than " + MAX_COPIED / 1024 / 1024
                        + " MB: not copied");
            } else {
                byte[] raw = size <= MAX_ATTACHMENT && a.get("contentBytes") instanceof String ? null : read.of(a.getAsString("id"));
                if (raw == null && !(a.get("contentBytes") instanceof String)) {
                    notes.add("the attachment '" + name + "' was removed while it was read: not copied");
                    continue;
                }
                String bytes = raw == null ? a.getAsString("contentBytes").replaceAll("\\s", "")
                        : java.util.Base64.getEncoder().encodeToString(raw);
                String media = a.get("contentType") instanceof String m && m.matches("[\\w.+-]+/[\\w.+-]+") ? m : "application/octet-stream";
                lines.add("ATTACH;FMTTYPE=" + media + ";ENCODING=BASE64;VALUE=BINARY;X-FILENAME=\"" + name.replace("\"", "'")
                        .replaceAll("[\\r\\n]", " ") + "\":" + bytes);
            }
        }
        return lines;
    }

    /** An instance's {@code originalStart} (a DateTimeOffset) as an instant, or null. */
    static Instant originalStart(JSONObject instance) {
        String s = instance.getAsString("originalStart");
        try {
            return s == null ? null : OffsetDateTime.parse(s.endsWith("Z") || s.matches(".*[+-]\\d\\d:\\d\\d$") ? s : s + "Z").toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
