package org.mailmigrator.connector.graph.tests;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mailmigrator.core.pim.WindowsZones;

/**
 * The request bodies Graph accepts, after the v1.0 resource reference (event, patternedRecurrence, dateTimeTimeZone,
 * contact, physicalAddress, todoTask, linkedResource, singleValueLegacyExtendedProperty): writable property names
 * only (a read-only or unknown one is refused, as Graph answers 400), enumerations, required members per recurrence
 * pattern and range type, date-time formats and known time zone names. Each method returns the first problem or null.
 */
final class FakeShapes {
    static final Set<String> EVENT = Set.of("subject", "body", "start", "end", "isAllDay", "location", "locations",
            "categories", "showAs", "sensitivity", "importance", "recurrence", "attendees", "isReminderOn",
            "reminderMinutesBeforeStart", "responseRequested", "singleValueExtendedProperties",
            "multiValueExtendedProperties", "transactionId", "isOnlineMeeting", "onlineMeetingProvider",
            "allowNewTimeProposals", "hideAttendees");
    static final Set<String> CONTACT = Set.of("givenName", "surname", "middleName", "displayName", "nickName", "title",
            "emailAddresses", "businessPhones", "homePhones", "mobilePhone", "companyName", "department", "jobTitle",
            "birthday", "homeAddress", "businessAddress", "otherAddress", "personalNotes", "categories",
            "singleValueExtendedProperties", "imAddresses", "spouseName", "profession", "manager", "assistantName",
            "officeLocation", "businessHomePage", "children", "fileAs", "generation", "initials");
    static final Set<String> TASK = Set.of("title", "body", "status", "importance", "dueDateTime", "startDateTime",
            "completedDateTime", "reminderDateTime", "isReminderOn", "categories", "linkedResources", "recurrence");
    private static final String DATE_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,7})?";
    private static final List<String> DAYS = List.of("sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday");

    private FakeShapes() {
    }

    static String event(Map<String, Object> j, boolean create, boolean occurrence) {
        String p = names(j, EVENT, "event");
        if (p == null && occurrence && (j.containsKey("recurrence") || j.containsKey("transactionId"))) {
            p = "an occurrence takes no recurrence or transactionId";
        }
        if (p == null && !create && j.containsKey("transactionId")) {
            p = "transactionId is set at creation only";
        }
        if (p == null && create && (!j.containsKey("start") || !j.containsKey("end"))) {
            p = "an event needs start and end";
        }
        for (String k : List.of("start", "end")) {
            p = p != null || !j.containsKey(k) ? p : dateTimeTimeZone(j.get(k), k);
        }
        if (p == null && j.get("body") instanceof Map<?, ?> b
                && !List.of("text", "html").contains(String.valueOf(b.get("contentType")).toLowerCase())) {
            p = "body.contentType must be text or html";
        }
        if (p == null && j.containsKey("showAs") && !List.of("free", "tentative", "busy", "oof", "workingElsewhere", "unknown")
                .contains(j.get("showAs"))) {
            p = "showAs " + j.get("showAs") + " is not a freeBusyStatus";
        }
        if (p == null && j.containsKey("sensitivity") && !List.of("normal", "personal", "private", "confidential")
                .contains(j.get("sensitivity"))) {
            p = "sensitivity " + j.get("sensitivity") + " is not a sensitivity";
        }
        if (p == null && Boolean.TRUE.equals(j.get("isAllDay")) && !(String.valueOf(((Map<?, ?>) j.get("start")).get("dateTime"))
                .endsWith("T00:00:00") && String.valueOf(((Map<?, ?>) j.get("end")).get("dateTime")).endsWith("T00:00:00"))) {
            p = "an all-day event starts and ends at midnight";
        }
        p = p != null || !j.containsKey("recurrence") ? p : recurrence(j.get("recurrence"));
        return p != null ? p : extended(j.get("singleValueExtendedProperties"));
    }

    static String contact(Map<String, Object> j) {
        String p = names(j, CONTACT, "contact");
        if (p == null && j.get("birthday") instanceof String b && !b.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")) {
            p = "birthday is not a DateTimeOffset: " + b;
        }
        if (p == null && j.get("emailAddresses") instanceof List<?> l) {
            for (Object o : l) {
                if (!(o instanceof Map<?, ?> m) || !(m.get("address") instanceof String)) {
                    return "emailAddresses holds an emailAddress without address";
                }
            }
        }
        for (String a : List.of("homeAddress", "businessAddress", "otherAddress")) {
            if (p == null && j.get(a) instanceof Map<?, ?> m) {
                p = names(m, Set.of("street", "city", "state", "postalCode", "countryOrRegion"), a);
            }
        }
        return p != null ? p : extended(j.get("singleValueExtendedProperties"));
    }

    static String task(Map<String, Object> j) {
        String p = names(j, TASK, "todoTask");
        if (p == null && j.containsKey("status") && !List.of("notStarted", "inProgress", "completed", "waitingOnOthers",
                "deferred").contains(j.get("status"))) {
            p = "status " + j.get("status") + " is not a taskStatus";
        }
        if (p == null && j.containsKey("importance") && !List.of("low", "normal", "high").contains(j.get("importance"))) {
            p = "importance " + j.get("importance") + " is not an importance";
        }
        for (String k : List.of("dueDateTime", "startDateTime", "completedDateTime", "reminderDateTime")) {
            p = p != null || !j.containsKey(k) ? p : dateTimeTimeZone(j.get(k), k);
        }
        if (p == null && j.get("linkedResources") instanceof List<?> l) {
            for (Object o : l) {
                p = p != null ? p : names((Map<?, ?>) o, Set.of("webUrl", "applicationName", "displayName", "externalId"),
                        "linkedResource");
            }
        }
        return p;
    }

    private static String names(Map<?, ?> j, Set<String> writable, String type) {
        for (Object k : j.keySet()) {
            if (!writable.contains(k)) {
                return "'" + k + "' is not a writable property of " + type;
            }
        }
        return null;
    }

    private static String dateTimeTimeZone(Object o, String name) {
        if (!(o instanceof Map<?, ?> m) || !(m.get("dateTime") instanceof String d) || !(m.get("timeZone") instanceof String z)) {
            return name + " is not a dateTimeTimeZone";
        }
        if (!d.matches(DATE_TIME)) {
            return name + ".dateTime " + d + " is not a local date-time";
        }
        return knownZone(z) ? null : name + ".timeZone " + z + " is not a time zone Graph knows";
    }

    static boolean knownZone(String z) {
        if (WindowsZones.toIana(z).isPresent() || z.equals("UTC")) {
            return true;
        }
        try {
            return z.contains("/") && ZoneId.of(z) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String recurrence(Object o) {
        if (!(o instanceof Map<?, ?> r) || !(r.get("pattern") instanceof Map<?, ?> p) || !(r.get("range") instanceof Map<?, ?> g)) {
            return "recurrence needs pattern and range";
        }
        String type = String.valueOf(p.get("type"));
        if (!List.of("daily", "weekly", "absoluteMonthly", "relativeMonthly", "absoluteYearly", "relativeYearly").contains(type)) {
            return "recurrence pattern type " + type + " is not a recurrencePatternType";
        }
        if (!(p.get("interval") instanceof Number n) || n.intValue() < 1) {
            return "recurrence pattern needs an interval of 1 or more";
        }
        if ((type.equals("weekly") || type.startsWith("relative"))
                && !(p.get("daysOfWeek") instanceof List<?> days && !days.isEmpty() && DAYS.containsAll(days))) {
            return "a " + type + " pattern needs daysOfWeek (lower-case day names)";
        }
        if (type.startsWith("absolute") && !(p.get("dayOfMonth") instanceof Number)) {
            return "a " + type + " pattern needs dayOfMonth";
        }
        if (type.endsWith("Yearly") && !(p.get("month") instanceof Number)) {
            return "a " + type + " pattern needs month";
        }
        String range = String.valueOf(g.get("type"));
        if (!List.of("endDate", "noEnd", "numbered").contains(range)) {
            return "recurrence range type " + range + " is not a recurrenceRangeType";
        }
        if (!String.valueOf(g.get("startDate")).matches("\\d{4}-\\d\\d-\\d\\d")) {
            return "recurrence range needs startDate (yyyy-MM-dd)";
        }
        if (range.equals("endDate") && !String.valueOf(g.get("endDate")).matches("\\d{4}-\\d\\d-\\d\\d")) {
            return "an endDate range needs endDate (yyyy-MM-dd)";
        }
        if (range.equals("numbered") && !(g.get("numberOfOccurrences") instanceof Number c && c.intValue() > 0)) {
            return "a numbered range needs numberOfOccurrences";
        }
        return g.get("recurrenceTimeZone") == null || knownZone(String.valueOf(g.get("recurrenceTimeZone"))) ? null
                : "recurrenceTimeZone " + g.get("recurrenceTimeZone") + " is not a time zone Graph knows";
    }

    private static String extended(Object o) {
        if (o == null) {
            return null;
        }
        if (!(o instanceof List<?> l)) {
            return "singleValueExtendedProperties is not a collection";
        }
        for (Object e : l) {
            if (!(e instanceof Map<?, ?> m) || !String.valueOf(m.get("id")).matches(
                    "(?i)(String|Integer|Boolean|SystemTime) \\{[0-9a-f-]{36}\\} Name \\w+") || !(m.get("value") instanceof String)) {
                return "a singleValueLegacyExtendedProperty needs an id 'TYPE {GUID} Name NAME' and a string value";
            }
        }
        return null;
    }
}
