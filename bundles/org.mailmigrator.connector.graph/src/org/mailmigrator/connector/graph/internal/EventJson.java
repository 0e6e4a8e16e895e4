package org.mailmigrator.connector.graph.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.core.spi.ConnectorException;

import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * A VEVENT as Graph's {@code event} JSON: subject, body, start and end in the event's own zone, all-day, location,
 * categories, free/busy, sensitivity, the recurrence, the source UID in a single-value extended property (how the
 * writer finds the event again) and a {@code transactionId} (Graph refuses a second POST with the same one, so a
 * retried creation never makes a copy).
 * <p>
 * <b>Invitations</b>: Graph sends a meeting request to every attendee of an event created or updated with an
 * {@code attendees} list, and has no "send none" option (EWS had SendMeetingInvitations="SendToNone"). A migration
 * must never mail the attendees, so attendees and the organizer are not given to Graph: they are written at the end
 * of the body ("Attendees: ...") and the report notes it.
 */
final class EventJson {
    /** The named extended property that holds the source UID (Graph: String {GUID} Name NAME). */
    static final String UID_PROPERTY = "String {6d4ae5c1-3f1b-4d8e-9b0a-2c7e1f5a9d40} Name MailMigratorUid";

    private EventJson() {
    }

    static String text(Component c, String name) {
        return c.getProperty(name).map(Property::getValue).orElse("");
    }

    /** The event's JSON; {@code notes} receives what the report must say (attendees kept in the body). */
    static Map<String, Object> of(VEvent e, String uid, boolean master, List<String> notes) throws ConnectorException.ItemFailure {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("subject", text(e, Property.SUMMARY));
        IcsWhen start = IcsWhen.of(e.getProperty(Property.DTSTART)).orElseThrow(() -> new ConnectorException.ItemFailure(
                "the event " + uid + " has no DTSTART", null));
        IcsWhen end = IcsWhen.of(e.getProperty(Property.DTEND)).orElse(start.date()
                ? new IcsWhen(start.time().plusDays(1), start.zone(), true) : start);
        if (start.date()) {
            j.put("isAllDay", true);
            j.put("start", Map.of("dateTime", start.time().format(IcsWhen.GRAPH), "timeZone", "UTC"));
            j.put("end", Map.of("dateTime", end.time().format(IcsWhen.GRAPH), "timeZone", "UTC"));
        } else {
            if (start.zone().isEmpty()) {
                notes.add("floating time of " + uid + " read as UTC (Exchange has no floating time)");
            }
            j.put("start", start.graph());
            j.put("end", end.zone().isEmpty() && start.zone().isPresent()
                    ? new IcsWhen(end.time(), start.zone(), false).graph() : end.graph());
        }
        String location = text(e, Property.LOCATION);
        if (!location.isEmpty()) {
            j.put("location", Map.of("displayName", location));
        }
        List<String> categories = new ArrayList<>();
        e.getProperties(Property.CATEGORIES).forEach(p -> {
            for (String c : p.getValue().split(",")) {
                if (!c.isBlank()) {
                    categories.add(c.trim());
                }
            }
        });
        if (!categories.isEmpty()) {
            j.put("categories", categories);
        }
        j.put("showAs", text(e, Property.TRANSP).equalsIgnoreCase("TRANSPARENT") ? "free" : "busy");
        String cls = text(e, Property.CLASS).toUpperCase(Locale.ROOT);
        j.put("sensitivity", cls.equals("PRIVATE") ? "private" : cls.equals("CONFIDENTIAL") ? "confidential" : "normal");
        j.put("body", Map.of("contentType", "text", "content", body(e, uid, notes)));
        if (master) {
            Optional<Property> rrule = e.getProperty(Property.RRULE);
            if (rrule.isPresent()) {
                if (start.date()) {
                    j.put("recurrence", Rrules.toGraph(rrule.get().getValue(), new IcsWhen(start.time(), Optional.of("UTC"), true)));
                } else {
                    j.put("recurrence", Rrules.toGraph(rrule.get().getValue(), start));
                }
            }
            j.put("singleValueExtendedProperties", List.of(Map.of("id", UID_PROPERTY, "value", uid)));
            j.put("transactionId", "mm-" + Integer.toHexString(uid.hashCode()) + "-" + Integer.toHexString(e.toString().hashCode()));
        }
        return j;
    }

    /** The description, then the attendees and organizer Graph is not given (so that no invitation is sent). */
    private static String body(VEvent e, String uid, List<String> notes) {
        StringBuilder b = new StringBuilder(text(e, Property.DESCRIPTION));
        List<String> people = new ArrayList<>();
        e.getProperties(Property.ATTENDEE).forEach(a -> people.add(a.getValue().replaceFirst("(?i)^mailto:", "")));
        String organizer = text(e, Property.ORGANIZER).replaceFirst("(?i)^mailto:", "");
        if (!people.isEmpty() || !organizer.isEmpty()) {
            b.append(b.length() > 0 ? "\n\n" : "");
            if (!organizer.isEmpty()) {
                b.append("Organizer: ").append(organizer).append('\n');
            }
            if (!people.isEmpty()) {
                b.append("Attendees: ").append(String.join(", ", people));
            }
            if (notes.stream().noneMatch(n -> n.startsWith("attendees"))) {
                notes.add("attendees and organizer of " + uid + " written in the body, not as Graph attendees (Graph would "
                        + "send them invitations)");
            }
        }
        return b.toString();
    }
}
