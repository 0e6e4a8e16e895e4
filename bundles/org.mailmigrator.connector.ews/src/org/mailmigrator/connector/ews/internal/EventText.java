package org.mailmigrator.connector.ews.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.mailmigrator.core.pim.WindowsZones;
import org.mailmigrator.core.pim.ZoneAliases;

import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BodyType;
import microsoft.exchange.webservices.data.core.enumeration.property.LegacyFreeBusyStatus;
import microsoft.exchange.webservices.data.core.enumeration.property.Sensitivity;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.core.service.schema.AppointmentSchema;
import microsoft.exchange.webservices.data.core.service.schema.ItemSchema;
import microsoft.exchange.webservices.data.property.complex.Attendee;
import microsoft.exchange.webservices.data.property.complex.AttendeeCollection;
import microsoft.exchange.webservices.data.property.complex.DeletedOccurrenceInfo;
import microsoft.exchange.webservices.data.property.complex.EmailAddress;
import microsoft.exchange.webservices.data.property.complex.OccurrenceInfo;
import microsoft.exchange.webservices.data.property.complex.time.TimeZoneDefinition;

/**
 * An Exchange calendar item as one iCalendar object (docs/ews-source.md): the item in its own time zone
 * (StartTimeZone's Windows id as its IANA name, TZID; the VTIMEZONE is added from the zone database by the .ics
 * reader), its recurrence as RRULE, each deleted occurrence as an EXDATE and each modified occurrence as a
 * RECURRENCE-ID override (read with GetItem from its own ItemId), organizer and attendees with their answers (no
 * METHOD: nothing is a scheduling message, nothing is sent again), the reminder as a VALARM, categories, sensitivity,
 * free/busy. DTSTAMP is the item's last change, so an unchanged item reads the same text every run.
 */
final class EventText {
    private EventText() {
    }

    /** What GetItem asks for a calendar item (and, without the series' parts, for a modified occurrence). */
    static PropertySet properties(boolean series) throws Exception {
        PropertySet p = new PropertySet(BasePropertySet.IdOnly, ItemSchema.Subject, ItemSchema.Sensitivity, ItemSchema.Body,
                ItemSchema.Categories, ItemSchema.DateTimeCreated, ItemSchema.IsReminderSet, ItemSchema.ReminderMinutesBeforeStart,
                ItemSchema.LastModifiedTime, AppointmentSchema.Start, AppointmentSchema.End, AppointmentSchema.IsAllDayEvent,
                AppointmentSchema.LegacyFreeBusyStatus, AppointmentSchema.Location, AppointmentSchema.Organizer,
                AppointmentSchema.RequiredAttendees, AppointmentSchema.OptionalAttendees, AppointmentSchema.Resources,
                AppointmentSchema.StartTimeZone, AppointmentSchema.EndTimeZone);
        if (series) {
            p.add(AppointmentSchema.ICalUid);
            p.add(AppointmentSchema.Recurrence);
            p.add(AppointmentSchema.LastOccurrence);
            p.add(AppointmentSchema.ModifiedOccurrences);
            p.add(AppointmentSchema.DeletedOccurrences);
            p.add(EwsWriter.UID);
        }
        p.setRequestedBodyType(BodyType.Text);
        return p;
    }

    /**
     * The object's text.
     *
     * @param modified the modified occurrences read with GetItem, by their ItemId
     * @param notes    receives what could not be kept as it was (a zone without IANA name)
     */
    static String of(Appointment a, Map<String, Appointment> modified, List<String> notes) throws Exception {
        String uid = SourceItems.uid(a, a.getICalUid());
        ZoneId zone = zone(a.getStartTimeZone(), notes);
        ZoneId endZone = a.getEndTimeZone() == null ? zone : zone(a.getEndTimeZone(), notes);
        boolean allDay = Boolean.TRUE.equals(a.getIsAllDayEvent());
        IcsLines ics = new IcsLines().raw("BEGIN:VCALENDAR").raw("VERSION:2.0").raw("PRODID:-//Mail Migrator//Exchange source//EN");
        ics.raw("BEGIN:VEVENT").text("UID", uid);
        fields(ics, a, zone, endZone, allDay);
        if (a.getRecurrence() != null) {
            Instant first = a.getStart().toInstant();
            LocalTime at = first.atZone(zone).toLocalTime();
            OccurrenceInfo last = a.getLastOccurrence();
            ics.raw("RRULE:" + RecurrenceText.of(a.getRecurrence(), zone, at, last == null || last.getOriginalStart() == null ? null
                    : last.getOriginalStart().toInstant()));
            if (a.getDeletedOccurrences() != null) {
                for (DeletedOccurrenceInfo d : a.getDeletedOccurrences()) {
                    ics.raw("EXDATE" + IcsLines.when(d.getOriginalStart().toInstant(), zone, allDay));
                }
            }
        }
        ics.raw("END:VEVENT");
        if (a.getRecurrence() != null && a.getModifiedOccurrences() != null) {
            for (OccurrenceInfo o : a.getModifiedOccurrences()) {
                Appointment occurrence = modified.get(o.getItemId().getUniqueId());
                if (occurrence == null) {
                    notes.add("a modified occurrence (" + o.getOriginalStart().toInstant() + ") was gone when read: the series' own is kept");
                    continue;
                }
                ics.raw("BEGIN:VEVENT").text("UID", uid);
                ics.raw("RECURRENCE-ID" + IcsLines.when(o.getOriginalStart().toInstant(), zone, allDay));
                boolean occAllDay = Boolean.TRUE.equals(occurrence.getIsAllDayEvent());
                ZoneId occZone = occurrence.getStartTimeZone() == null ? zone : zone(occurrence.getStartTimeZone(), notes);
                fields(ics, occurrence, occZone, occurrence.getEndTimeZone() == null ? occZone : zone(occurrence.getEndTimeZone(), notes),
                        occAllDay);
                ics.raw("END:VEVENT");
            }
        }
        return ics.raw("END:VCALENDAR").toString();
    }

    /** The properties a master and an override share. */
    private static void fields(IcsLines ics, Appointment a, ZoneId zone, ZoneId endZone, boolean allDay) throws Exception {
        ics.raw("DTSTAMP:" + IcsLines.utc(SourceItems.changed(a)));
        Date created = a.getDateTimeCreated();
        if (created != null) {
            ics.raw("CREATED:" + IcsLines.utc(created.toInstant()));
        }
        ics.raw("LAST-MODIFIED:" + IcsLines.utc(SourceItems.changed(a)));
        ics.raw("DTSTART" + IcsLines.when(a.getStart().toInstant(), zone, allDay));
        if (a.getEnd() != null) {
            ics.raw("DTEND" + IcsLines.when(a.getEnd().toInstant(), allDay ? zone : endZone, allDay));
        }
        ics.text("SUMMARY", a.getSubject()).text("LOCATION", a.getLocation()).text("DESCRIPTION", SourceItems.body(a));
        List<String> categories = SourceItems.categories(a);
        if (!categories.isEmpty()) {
            ics.raw("CATEGORIES:" + String.join(",", categories.stream().map(IcsLines::escape).toList()));
        }
        if (a.getSensitivity() == Sensitivity.Private || a.getSensitivity() == Sensitivity.Personal) {
            ics.raw("CLASS:PRIVATE");
        } else if (a.getSensitivity() == Sensitivity.Confidential) {
            ics.raw("CLASS:CONFIDENTIAL");
        }
        LegacyFreeBusyStatus busy = a.getLegacyFreeBusyStatus();
        ics.raw("TRANSP:" + (busy == LegacyFreeBusyStatus.Free ? "TRANSPARENT" : "OPAQUE"));
        if (busy == LegacyFreeBusyStatus.Tentative) {
            ics.raw("STATUS:TENTATIVE");
        }
        EmailAddress organizer = a.getOrganizer();
        boolean meeting = attendees(a.getRequiredAttendees()) + attendees(a.getOptionalAttendees()) + attendees(a.getResources()) > 0;
        if (organizer != null && organizer.getAddress() != null && meeting) {
            ics.raw("ORGANIZER" + cn(organizer.getName()) + ":mailto:" + organizer.getAddress());
        }
        // parameters in alphabetical order, as CalDAV servers built on vobject (Radicale) store them: the text read
        // back after a stopped run is then the text sent, and the write is recognised as done
        attendees(ics, a.getRequiredAttendees(), "", "ROLE=REQ-PARTICIPANT");
        attendees(ics, a.getOptionalAttendees(), "", "ROLE=OPT-PARTICIPANT");
        attendees(ics, a.getResources(), ";CUTYPE=RESOURCE", "ROLE=NON-PARTICIPANT");
        if (a.getIsReminderSet()) {
            ics.raw("BEGIN:VALARM").raw("ACTION:DISPLAY").raw("DESCRIPTION:Reminder")
                    .raw("TRIGGER:-PT" + Math.max(0, a.getReminderMinutesBeforeStart()) + "M").raw("END:VALARM");
        }
    }

    private static int attendees(AttendeeCollection list) {
        return list == null ? 0 : list.getCount();
    }

    private static void attendees(IcsLines ics, AttendeeCollection list, String cutype, String role) {
        if (list == null) {
            return;
        }
        for (Attendee at : list) {
            if (at.getAddress() == null || at.getAddress().isBlank()) {
                continue;
            }
            String partstat = at.getResponseType() == null ? "NEEDS-ACTION" : switch (at.getResponseType()) {
                case Accept, Organizer -> "ACCEPTED";
                case Decline -> "DECLINED";
                case Tentative -> "TENTATIVE";
                default -> "NEEDS-ACTION";
            };
            ics.raw("ATTENDEE" + cn(at.getName()) + cutype + ";PARTSTAT=" + partstat + ";" + role + ":mailto:" + at.getAddress());
        }
    }

    private static String cn(String name) {
        return name == null || name.isBlank() ? "" : ";CN=" + IcsLines.param(name);
    }

    /** The IANA zone of an Exchange zone definition: its Windows id (CLDR), an IANA id, a display name; else UTC, said. */
    static ZoneId zone(TimeZoneDefinition tz, List<String> notes) {
        String id = tz == null ? null : tz.getId() != null ? tz.getId() : tz.getName();
        if (id == null || id.isBlank()) {
            notes.add("no StartTimeZone: times written in UTC (same instants)");
            return ZoneOffset.UTC;
        }
        var iana = WindowsZones.toIana(id).or(() -> ZoneAliases.toIana(id));
        if (iana.isPresent()) {
            return ZoneId.of(iana.get());
        }
        try {
            return ZoneId.of(id);
        } catch (RuntimeException notIana) {
            notes.add("time zone '" + id + "' has no IANA name: times written in UTC (same instants)");
            return ZoneOffset.UTC;
        }
    }

    /** The ItemIds of a series' modified occurrences (to read with GetItem). */
    static List<String> modifiedIds(Appointment a) throws Exception {
        List<String> ids = new ArrayList<>();
        if (a.getRecurrence() != null && a.getModifiedOccurrences() != null) {
            for (OccurrenceInfo o : a.getModifiedOccurrences()) {
                ids.add(o.getItemId().getUniqueId());
            }
        }
        return ids;
    }
}
