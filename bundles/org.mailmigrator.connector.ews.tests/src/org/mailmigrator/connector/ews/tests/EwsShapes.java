package org.mailmigrator.connector.ews.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.w3c.dom.Element;

/**
 * What the fake checks in each request, after the EWS reference (Microsoft's CreateItem, UpdateItem,
 * DeleteItem, CalendarItem, Recurrence and TimeZone element pages): required elements and attributes, the
 * schema's element order for calendar items, a Windows time zone id in StartTimeZone/EndTimeZone, one
 * known recurrence pattern followed by one range, text bodies, and invitations/cancellations never sent.
 */
final class EwsShapes {
    /** CalendarItem children in the order of the schema's sequence (ItemType, then CalendarItemType). */
    private static final List<String> CALENDAR_ORDER = List.of("MimeContent", "ItemId", "ParentFolderId", "ItemClass", "Subject",
            "Sensitivity", "Body", "Attachments", "DateTimeReceived", "Size", "Categories", "Importance", "InReplyTo",
            "IsSubmitted", "IsDraft", "IsFromMe", "IsResend", "IsUnmodified", "InternetMessageHeaders", "DateTimeSent",
            "DateTimeCreated", "ResponseObjects", "ReminderDueBy", "ReminderIsSet", "ReminderMinutesBeforeStart", "DisplayCc",
            "DisplayTo", "HasAttachments", "ExtendedProperty", "Culture", "UID", "RecurrenceId", "DateTimeStamp", "Start", "End",
            "OriginalStart", "IsAllDayEvent", "LegacyFreeBusyStatus", "Location", "When", "IsMeeting", "IsCancelled",
            "IsRecurring", "MeetingRequestWasSent", "IsResponseRequested", "CalendarItemType", "MyResponseType", "Organizer",
            "RequiredAttendees", "OptionalAttendees", "Resources", "ConflictingMeetingCount", "AdjacentMeetingCount",
            "ConflictingMeetings", "AdjacentMeetings", "Duration", "TimeZone", "AppointmentReplyTime",
            "AppointmentSequenceNumber", "AppointmentState", "Recurrence", "FirstOccurrence", "LastOccurrence",
            "ModifiedOccurrences", "DeletedOccurrences", "MeetingTimeZone", "StartTimeZone", "EndTimeZone");
    private static final Set<String> PATTERNS = Set.of("RelativeYearlyRecurrence", "AbsoluteYearlyRecurrence",
            "RelativeMonthlyRecurrence", "AbsoluteMonthlyRecurrence", "WeeklyRecurrence", "DailyRecurrence");
    private static final Set<String> RANGES = Set.of("NoEndRecurrence", "EndDateRecurrence", "NumberedRecurrence");
    private static final Set<String> WINDOWS_ZONES = Set.of("UTC", "Romance Standard Time", "W. Europe Standard Time",
            "Eastern Standard Time", "Tokyo Standard Time", "GMT Standard Time", "Pacific Standard Time",
            "Central Europe Standard Time", "Central European Standard Time");

    private EwsShapes() {
    }

    static List<String> createItem(Element request, List<Element> items) {
        List<String> v = new ArrayList<>();
        boolean calendar = items.stream().anyMatch(i -> i.getLocalName().equals("CalendarItem"));
        if (calendar && !"SendToNone".equals(request.getAttribute("SendMeetingInvitations"))) {
            v.add("CreateItem of a CalendarItem without SendMeetingInvitations=\"SendToNone\" (was '"
                    + request.getAttribute("SendMeetingInvitations") + "'): invitations would be sent");
        }
        if (Xml.child(request, "Items").isEmpty()) {
            v.add("CreateItem without Items");
        }
        for (Element item : items) {
            v.addAll(item(item, true));
        }
        return v;
    }

    static List<String> item(Element item, boolean create) {
        List<String> v = new ArrayList<>();
        String kind = item.getLocalName();
        if (create && Xml.child(item, "Subject").isEmpty() && !kind.equals("Contact")) {
            v.add(kind + " without Subject");
        }
        Xml.child(item, "Body").ifPresent(b -> {
            if (!"Text".equals(b.getAttribute("BodyType"))) {
                v.add(kind + " Body with BodyType='" + b.getAttribute("BodyType") + "': plain text sent as HTML");
            }
        });
        if (create && Xml.children(item).stream().noneMatch(c -> c.getLocalName().equals("ExtendedProperty")
                && Xml.find(c, "ExtendedFieldURI").map(u -> u.getAttribute("PropertyName").equals("MailMigratorUid")
                        && u.getAttribute("DistinguishedPropertySetId").equals("PublicStrings")
                        && u.getAttribute("PropertyType").equals("String")).orElse(false)
                && Xml.child(c, "Value").isPresent())) {
            v.add(kind + " without the MailMigratorUid extended property (PublicStrings, String, Value)");
        }
        if (kind.equals("CalendarItem")) {
            v.addAll(calendar(item, create));
        }
        return v;
    }

    private static List<String> calendar(Element item, boolean create) {
        List<String> v = new ArrayList<>();
        int last = -1;
        for (Element c : Xml.children(item)) {
            int at = CALENDAR_ORDER.indexOf(c.getLocalName());
            if (at < 0) {
                v.add("CalendarItem has an element unknown to the schema: " + c.getLocalName());
            } else if (at < last) {
                v.add("CalendarItem element " + c.getLocalName() + " is out of the schema's order");
            } else {
                last = at;
            }
        }
        if (create) {
            for (String required : List.of("Start", "End", "StartTimeZone", "EndTimeZone")) {
                if (Xml.child(item, required).isEmpty()) {
                    v.add("CalendarItem without " + required + (required.endsWith("TimeZone") ? ": the item would be stored in UTC" : ""));
                }
            }
        }
        for (String zone : List.of("StartTimeZone", "EndTimeZone")) {
            Xml.child(item, zone).ifPresent(z -> {
                if (!WINDOWS_ZONES.contains(z.getAttribute("Id"))) {
                    v.add(zone + " Id='" + z.getAttribute("Id") + "' is not a Windows time zone id");
                }
            });
        }
        Xml.child(item, "Recurrence").ifPresent(r -> v.addAll(recurrence(r)));
        return v;
    }

    private static List<String> recurrence(Element r) {
        List<String> v = new ArrayList<>();
        List<Element> parts = Xml.children(r);
        if (parts.size() != 2 || !PATTERNS.contains(parts.get(0).getLocalName()) || !RANGES.contains(parts.get(1).getLocalName())) {
            v.add("Recurrence must hold one pattern then one range, has " + parts.stream().map(Element::getLocalName).toList());
            return v;
        }
        Element pattern = parts.get(0);
        List<String> needs = switch (pattern.getLocalName()) {
            case "DailyRecurrence" -> List.of("Interval");
            case "WeeklyRecurrence" -> List.of("Interval", "DaysOfWeek");
            case "AbsoluteMonthlyRecurrence" -> List.of("Interval", "DayOfMonth");
            case "RelativeMonthlyRecurrence" -> List.of("Interval", "DaysOfWeek", "DayOfWeekIndex");
            case "AbsoluteYearlyRecurrence" -> List.of("DayOfMonth", "Month");
            default -> List.of("DaysOfWeek", "DayOfWeekIndex", "Month");
        };
        needs.stream().filter(n -> Xml.child(pattern, n).isEmpty()).forEach(n -> v.add(pattern.getLocalName() + " without " + n));
        Element range = parts.get(1);
        if (Xml.child(range, "StartDate").isEmpty()) {
            v.add(range.getLocalName() + " without StartDate");
        }
        if (range.getLocalName().equals("NumberedRecurrence") && Xml.child(range, "NumberOfOccurrences").isEmpty()) {
            v.add("NumberedRecurrence without NumberOfOccurrences");
        }
        if (range.getLocalName().equals("EndDateRecurrence") && Xml.child(range, "EndDate").isEmpty()) {
            v.add("EndDateRecurrence without EndDate");
        }
        return v;
    }
}
