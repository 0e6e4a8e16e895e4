package org.mailmigrator.connector.ews.internal;

import java.io.StringReader;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

import org.mailmigrator.core.pim.PimItem;
import org.mailmigrator.core.spi.ConnectorException;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.property.BodyType;
import microsoft.exchange.webservices.data.core.enumeration.property.LegacyFreeBusyStatus;
import microsoft.exchange.webservices.data.core.enumeration.property.Sensitivity;
import microsoft.exchange.webservices.data.core.enumeration.service.ConflictResolutionMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsOrCancellationsMode;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.core.service.schema.AppointmentSchema;
import microsoft.exchange.webservices.data.core.service.schema.ItemSchema;
import microsoft.exchange.webservices.data.property.complex.Attendee;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.ItemId;
import microsoft.exchange.webservices.data.property.complex.MessageBody;
import microsoft.exchange.webservices.data.property.complex.StringList;
import microsoft.exchange.webservices.data.property.complex.time.OlsonTimeZoneDefinition;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Trigger;

/**
 * An event (master plus overrides) as an Exchange calendar item, saved and updated with invitations and
 * cancellations disabled (SendToNone), with its own time zone as StartTimeZone/EndTimeZone: without them
 * ews-java-api sends UTC and the item shifts at the next DST change.
 */
final class EventWriter {
    private final ExchangeService service;
    private final ZoneId floating;

    EventWriter(ExchangeService service, ZoneId floating) {
        this.service = service;
        this.floating = floating;
    }

    Appointment write(PimItem item, FolderId folder, Optional<ItemId> existing, List<String> notes) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(item.text()));
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        if (events.isEmpty() && !calendar.getComponents(Component.VJOURNAL).isEmpty()) {
            throw new ConnectorException.ItemFailure(item.describe()
                    + ": a journal entry (VJOURNAL): Exchange has no journal items; keep it in a CalDAV calendar or as a note", null);
        }
        VEvent master = events.stream().filter(e -> e.getProperty(Property.RECURRENCE_ID).isEmpty()).findFirst()
                .orElseThrow(() -> new ConnectorException.ItemFailure(item.describe()
                        + ": only overrides (RECURRENCE-ID) and no master event: Exchange needs the series", null));
        Appointment a = null;
        if (existing.isPresent()) {
            try {
                a = Appointment.bind(service, existing.get());
            } catch (Exception e) {
                if (!EwsWriter.gone(e)) {
                    throw e;
                }
            }
        }
        boolean create = a == null;
        if (create) {
            a = new Appointment(service);
        }
        apply(a, master, notes, create);
        a.setExtendedProperty(EwsWriter.UID, item.uid());
        if (create && events.size() == 1 && master.getProperties(Property.EXDATE).isEmpty()
                && master.getProperties(Property.RDATE).isEmpty()) {
            a.setExtendedProperty(EwsWriter.CONTENT, EwsWriter.content(item)); // one request writes the whole event
        }
        if (create) {
            a.save(folder, SendInvitationsMode.SendToNone);
        } else {
            a.update(ConflictResolutionMode.AlwaysOverwrite, SendInvitationsOrCancellationsMode.SendToNone);
        }
        ExtraDates extra = new ExtraDates(service, floating, this);
        new Occurrences(service, floating).apply(a.getId(), master, events, extra.keys(master), notes);
        extra.write(item.uid(), folder, master, events, create, notes);
        return a;
    }

    void apply(Appointment a, VEvent e, List<String> notes, boolean create) throws Exception {
        IcsTime start = IcsTime.of(e.getProperty(Property.DTSTART), floating).orElseThrow(
                () -> new ConnectorException.ItemFailure("no DTSTART", null));
        IcsTime end = IcsTime.of(e.getProperty(Property.DTEND), floating).orElse(start);
        start.note().ifPresent(notes::add);
        apply(a, e, start, end, notes, create);
        Optional<Property> rrule = e.getProperty(Property.RRULE);
        if (rrule.isPresent()) {
            a.setRecurrence(Recurrences.of(((RRule<?>) rrule.get()).getRecur(), start.instant().atZone(start.zone()).toLocalDate(),
                    start.zone()));
        } else {
            Fields.set(a, create, AppointmentSchema.Recurrence, null); // a series whose RRULE was dropped: one item again
        }
    }

    /** The event's fields with the given start and end (the master's, or an RDATE's for a single item). */
    void apply(Appointment a, VEvent e, IcsTime start, IcsTime end, List<String> notes, boolean create) throws Exception {
        a.setSubject(text(e, Property.SUMMARY));
        String body = text(e, Property.DESCRIPTION);
        List<String> attachments = e.getProperties(Property.ATTACH).stream().map(Property::getValue).toList();
        if (!attachments.isEmpty()) {
            body = body + (body.isEmpty() ? "" : "\n\n") + "Attachments: " + String.join(" ", attachments);
            notes.add("attachment links put in the body: Exchange items cannot point to a URL");
        }
        a.setBody(new MessageBody(BodyType.Text, body));
        a.setLocation(text(e, Property.LOCATION));
        a.setIsAllDayEvent(start.allDay());
        a.setStart(Date.from(start.instant()));
        a.setEnd(Date.from(end.instant().isAfter(start.instant()) ? end.instant()
                : start.allDay() ? start.instant().plusSeconds(86_400) : start.instant()));
        a.setStartTimeZone(new OlsonTimeZoneDefinition(TimeZone.getTimeZone(start.zone())));
        a.setEndTimeZone(new OlsonTimeZoneDefinition(TimeZone.getTimeZone(end.zone())));
        List<String> categories = e.getProperties(Property.CATEGORIES).stream()
                .flatMap(p -> java.util.Arrays.stream(p.getValue().split(","))).map(String::trim).toList();
        Fields.set(a, create, ItemSchema.Categories, categories.isEmpty() ? null : new StringList(categories));
        a.setSensitivity(switch (text(e, Property.CLASS).toUpperCase(java.util.Locale.ROOT)) {
            case "PRIVATE" -> Sensitivity.Private;
            case "CONFIDENTIAL" -> Sensitivity.Confidential;
            default -> Sensitivity.Normal;
        });
        a.setLegacyFreeBusyStatus(text(e, Property.TRANSP).equalsIgnoreCase("TRANSPARENT") ? LegacyFreeBusyStatus.Free
                : text(e, Property.STATUS).equalsIgnoreCase("TENTATIVE") ? LegacyFreeBusyStatus.Tentative : LegacyFreeBusyStatus.Busy);
        reminder(a, e);
        e.getProperty(Property.ORGANIZER).ifPresent(o -> notes.add("organizer " + o.getValue().replaceFirst("(?i)^mailto:", "")
                + " kept in the attendees' view only: Exchange makes the mailbox owner the organizer"));
        if (!create) {
            // a bound item's attendee lists are not loaded; re-adding would need them (and could notify)
            if (!e.getProperties(Property.ATTENDEE).isEmpty()) {
                notes.add("attendees are set when the event is created; changes to them are not propagated");
            }
            return;
        }
        for (Property attendee : e.getProperties(Property.ATTENDEE)) {
            String mail = attendee.getValue().replaceFirst("(?i)^mailto:", "");
            String name = attendee.getParameter(Parameter.CN).map(Parameter::getValue).orElse(null);
            boolean optional = attendee.getParameter(Parameter.ROLE).map(Parameter::getValue).orElse("")
                    .equalsIgnoreCase("OPT-PARTICIPANT");
            (optional ? a.getOptionalAttendees() : a.getRequiredAttendees()).add(new Attendee(name, mail));
        }
    }

    private static void reminder(Appointment a, VEvent e) throws Exception {
        for (VAlarm alarm : e.getAlarms()) {
            Optional<Property> trigger = alarm.getProperty(Property.TRIGGER);
            if (trigger.isPresent() && trigger.get() instanceof Trigger t && t.getDuration() != null) {
                java.time.temporal.TemporalAmount d = t.getDuration();
                long minutes = d instanceof java.time.Duration du ? -du.toMinutes() : -((java.time.Period) d).getDays() * 1440L;
                a.setIsReminderSet(true);
                a.setReminderMinutesBeforeStart((int) Math.max(0, minutes));
                return;
            }
        }
        a.setIsReminderSet(false);
    }

    static String text(Component c, String property) {
        return c.getProperty(property).map(Property::getValue).orElse("");
    }
}
