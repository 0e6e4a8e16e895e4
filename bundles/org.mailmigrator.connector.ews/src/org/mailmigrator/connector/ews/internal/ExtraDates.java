package org.mailmigrator.connector.ews.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.service.ConflictResolutionMode;
import microsoft.exchange.webservices.data.core.enumeration.service.DeleteMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendCancellationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsOrCancellationsMode;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.definition.ExtendedPropertyDefinition;
import microsoft.exchange.webservices.data.search.ItemView;
import microsoft.exchange.webservices.data.search.filter.SearchFilter;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.RDate;

/**
 * RDATEs as single calendar items: an Exchange series holds only what its pattern generates, so each extra
 * date becomes its own item (the master's subject, body, location, duration and zone; an override of that
 * date wins), saved with SendToNone. Each carries the UID {@code <uid>#RDATE#<instant or day>} and the series
 * UID in {@code MailMigratorSeries}: one FindItem finds them all again, so a re-run updates instead of
 * duplicating and an RDATE removed at the source deletes its item.
 */
final class ExtraDates {
    static final ExtendedPropertyDefinition SERIES = EwsWriter.property("MailMigratorSeries");

    private final ExchangeService service;
    private final ZoneId floating;
    private final EventWriter writer;

    ExtraDates(ExchangeService service, ZoneId floating, EventWriter writer) {
        this.service = service;
        this.floating = floating;
        this.writer = writer;
    }

    /** The comparable keys ({@link IcsTime#key}) of the master's RDATEs: overrides and EXDATEs of these are ours. */
    Set<Object> keys(VEvent master) {
        return rdates(master).keySet();
    }

    void write(String uid, FolderId folder, VEvent master, List<VEvent> events, boolean created, List<String> notes) throws Exception {
        Map<Object, IcsTime> dates = dates(master);
        if (dates.isEmpty() && created) {
            return; // nothing to write and nothing an earlier run can have left
        }
        Map<String, Item> existing = new HashMap<>();
        PropertySet withUid = new PropertySet(BasePropertySet.IdOnly, EwsWriter.UID);
        ItemView view = new ItemView(1000);
        view.setPropertySet(withUid);
        for (Item i : service.findItems(folder, new SearchFilter.IsEqualTo(SERIES, uid), view).getItems()) {
            existing.put(uidOf(i), i);
        }
        IcsTime masterStart = IcsTime.of(master.getProperty(Property.DTSTART), floating).orElseThrow();
        IcsTime masterEnd = IcsTime.of(master.getProperty(Property.DTEND), floating).orElse(masterStart);
        Duration length = Duration.between(masterStart.instant(), masterEnd.instant());
        int written = 0;
        for (Map.Entry<Object, IcsTime> date : dates.entrySet()) {
            String derived = uid + "#RDATE#" + date.getKey();
            Optional<VEvent> override = events.stream().filter(e -> e.getProperty(Property.RECURRENCE_ID)
                    .map(r -> IcsTime.key(((DateProperty<?>) r).getDate(), floating).equals(date.getKey())).orElse(false)).findFirst();
            if (override.isPresent() && EventWriter.text(override.get(), Property.STATUS).equalsIgnoreCase("CANCELLED")) {
                continue; // left in `existing`: deleted below like a removed RDATE
            }
            Item found = existing.remove(derived);
            Appointment a = found == null ? new Appointment(service) : Appointment.bind(service, found.getId());
            IcsTime start = override.flatMap(o -> IcsTime.of(o.getProperty(Property.DTSTART), floating)).orElse(date.getValue());
            IcsTime end = override.isPresent() ? IcsTime.of(override.get().getProperty(Property.DTEND), floating).orElse(start)
                    : new IcsTime(start.instant().plus(length), masterEnd.zone(), start.allDay(), start.date(), Optional.empty());
            writer.apply(a, override.orElse(master), start, end, new ArrayList<>(), found == null);
            a.setExtendedProperty(EwsWriter.UID, derived);
            a.setExtendedProperty(SERIES, uid);
            if (found == null) {
                a.save(folder, SendInvitationsMode.SendToNone);
            } else {
                a.update(ConflictResolutionMode.AlwaysOverwrite, SendInvitationsOrCancellationsMode.SendToNone);
            }
            written++;
        }
        for (Item stale : existing.values()) {
            Appointment.bind(service, stale.getId()).delete(DeleteMode.HardDelete, SendCancellationsMode.SendToNone);
        }
        if (written > 0) {
            notes.add(written + " RDATE date(s) written as single calendar items (" + uid + "#RDATE#…): an Exchange series "
                    + "cannot hold dates outside its pattern");
        }
    }

    private static String uidOf(Item i) throws Exception {
        for (var p : i.getExtendedProperties()) {
            if (p.getPropertyDefinition().getName().equals("MailMigratorUid")) {
                return String.valueOf(p.getValue());
            }
        }
        return "";
    }

    /** The RDATEs to write: without DTSTART (some producers repeat it) and the EXDATEs. */
    private Map<Object, IcsTime> dates(VEvent master) {
        Map<Object, IcsTime> out = rdates(master);
        master.getProperty(Property.DTSTART).ifPresent(d -> out.remove(IcsTime.key(((DateProperty<?>) d).getDate(), floating)));
        for (Property p : master.getProperties(Property.EXDATE)) {
            ((DateListProperty<?>) p).getDates().forEach(t -> out.remove(IcsTime.key(t, floating)));
        }
        return out;
    }

    /** Each RDATE (a date, or a PERIOD's start: the item keeps the master's duration) by key, in order. */
    private Map<Object, IcsTime> rdates(VEvent master) {
        Map<Object, IcsTime> out = new LinkedHashMap<>();
        for (Property p : master.getProperties(Property.RDATE)) {
            Optional<String> tzid = p.getParameter(Parameter.TZID).map(Parameter::getValue);
            List<Temporal> values = new ArrayList<>();
            Optional<? extends Set<? extends Period<?>>> periods = ((RDate<?>) p).getPeriods();
            if (periods.isPresent()) {
                periods.get().forEach(period -> values.add(period.getStart()));
            } else {
                values.addAll(((DateListProperty<?>) p).getDates());
            }
            values.forEach(t -> out.put(IcsTime.key(t, floating), IcsTime.of(t, tzid, floating, Property.RDATE)));
        }
        return out;
    }
}
