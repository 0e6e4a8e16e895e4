package org.mailmigrator.connector.dav.internal;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's own reason for refusing a write, in words: the precondition of a {@code DAV:error} body
 * (RFC 4791 §5.3.2.1, RFC 6352 §6.3.2.1) explained, else the text of the body without its markup, else the
 * HTTP reason phrase.
 */
final class Refusal {
    private static final Map<String, String> PRECONDITIONS = Map.ofEntries(
            Map.entry("valid-calendar-data", "the server finds the iCalendar data invalid"),
            Map.entry("valid-calendar-object-resource", "the server finds the calendar object invalid (e.g. two masters, mixed UIDs)"),
            Map.entry("supported-calendar-component", "this calendar does not take this kind of component"),
            Map.entry("supported-calendar-data", "the server does not take this calendar data format"),
            Map.entry("no-uid-conflict", "another resource of the collection already holds this UID"),
            Map.entry("max-resource-size", "the item is larger than the server allows"),
            Map.entry("min-date-time", "a date is earlier than the server allows"),
            Map.entry("max-date-time", "a date is later than the server allows"),
            Map.entry("max-instances", "the event has more occurrences than the server allows"),
            Map.entry("max-attendees-per-instance", "the event has more attendees than the server allows"),
            Map.entry("valid-address-data", "the server finds the vCard data invalid"),
            Map.entry("supported-address-data", "the server does not take this vCard version or format"));
    private static final Pattern ELEMENT = Pattern.compile("<(?:[\\w-]+:)?([\\w-]+)\\s*/?>");
    private static final Pattern STATUS = Pattern.compile("^HTTP/\\S+ \\d+ ");

    private Refusal() {
    }

    static String reason(HttpResponse<String> r) {
        String body = r.body() == null ? "" : r.body().strip();
        if (body.contains("error") && body.startsWith("<?xml") || body.startsWith("<d:error") || body.startsWith("<D:error")) {
            Matcher m = ELEMENT.matcher(body);
            while (m.find()) {
                String explained = PRECONDITIONS.get(m.group(1).toLowerCase(Locale.ROOT));
                if (explained != null) {
                    String text = body.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
                    return explained + " (" + m.group(1) + (text.isEmpty() ? "" : ": " + DavHttp.snippet(text)) + ")";
                }
            }
        }
        String text = body.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]+>", " ")
                .replaceAll("\\s+", " ").strip();
        text = STATUS.matcher(text).replaceFirst("");
        return text.isEmpty() ? "the server gave no reason" : DavHttp.snippet(text);
    }
}
