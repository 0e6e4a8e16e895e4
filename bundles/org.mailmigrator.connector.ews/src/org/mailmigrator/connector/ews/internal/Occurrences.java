package org.mailmigrator.connector.ews.internal;

import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.mailmigrator.core.spi.ConnectorException;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import microsoft.exchange.webservices.data.core.enumeration.service.ConflictResolutionMode;
import microsoft.exchange.webservices.data.core.enumeration.service.DeleteMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendCancellationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsOrCancellationsMode;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.property.complex.ItemId;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.RRule;

/**
 * EXDATEs and RECURRENCE-ID overrides applied to the saved series: Exchange addresses an occurrence by its
 * 1-based index in the pattern, so each date is located by expanding the RRULE from DTSTART. Cancelled
 * overrides and EXDATEs delete the occurrence, other overrides modify it; never with notifications.
 */
final class Occurrences {
    private final ExchangeService service;
    private final ZoneId floating;

    Occurrences(ExchangeService service, ZoneId floating) {
        this.service = service;
        this.floating = floating;
    }

    /** {@code extraDates}: keys of the RDATEs, whose EXDATEs and overrides {@link ExtraDates} handles. */
    void apply(ItemId master, VEvent series, List<VEvent> events, Set<Object> extraDates, List<String> notes) throws Exception {
        Optional<Property> rrule = series.getProperty(Property.RRULE);
        List<VEvent> overrides = events.stream().filter(e -> e.getProperty(Property.RECURRENCE_ID).map(
                r -> !extraDates.contains(IcsTime.key(((DateProperty<?>) r).getDate(), floating))).orElse(false)).toList();
        if (rrule.isEmpty()) {
            if (!overrides.isEmpty()) {
                notes.add(overrides.size() + " override(s) of an event without RRULE ignored");
            }
            return;
        }
        List<Object> dates = expand(series, (RRule<?>) rrule.get());
        for (Property p : series.getProperties(Property.EXDATE)) {
            for (Object d : ((DateListProperty<?>) p).getDates()) {
                if (!extraDates.contains(IcsTime.key((Temporal) d, floating))) {
                    delete(master, index(dates, (Temporal) d));
                }
            }
        }
        for (VEvent override : overrides) {
            Optional<Property> rid = override.getProperty(Property.RECURRENCE_ID);
            int index = index(dates, ((DateProperty<?>) rid.get()).getDate());
            if (EventWriter.text(override, Property.STATUS).equalsIgnoreCase("CANCELLED")) {
                delete(master, index);
                continue;
            }
            Appointment occurrence = Appointment.bindToOccurrence(service, master, index);
            IcsTime start = IcsTime.of(override.getProperty(Property.DTSTART), floating).orElseThrow();
            IcsTime end = IcsTime.of(override.getProperty(Property.DTEND), floating).orElse(start);
            occurrence.setSubject(EventWriter.text(override, Property.SUMMARY));
            occurrence.setLocation(EventWriter.text(override, Property.LOCATION));
            occurrence.setStart(Date.from(start.instant()));
            occurrence.setEnd(Date.from(end.instant()));
            occurrence.update(ConflictResolutionMode.AlwaysOverwrite, SendInvitationsOrCancellationsMode.SendToNone);
        }
    }

    private void delete(ItemId master, int index) throws Exception {
        try {
            Appointment.bindToOccurrence(service, master, index).delete(DeleteMode.HardDelete, SendCancellationsMode.SendToNone);
        } catch (ServiceResponseException e) {
            // a re-run after a lost state: the occurrence was deleted by the earlier run
            if (e.getErrorCode() != ServiceError.ErrorCalendarOccurrenceIsDeletedFromRecurrence && !EwsWriter.gone(e)) {
                throw e;
            }
        }
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private List<Object> expand(VEvent series, RRule<?> rrule) {
        Temporal seed = ((DateProperty<?>) series.getProperty(Property.DTSTART).orElseThrow()).getDate();
        Temporal end = (Temporal) seed.plus(java.time.Period.ofYears(30));
        List<Object> keys = new ArrayList<>();
        List dates = ((net.fortuna.ical4j.model.Recur) rrule.getRecur()).getDates(seed, seed, end);
        for (Object d : dates) {
            keys.add(IcsTime.key((Temporal) d, floating));
        }
        return keys;
    }

    private int index(List<Object> dates, Temporal date) throws ConnectorException.ItemFailure {
        int i = dates.indexOf(IcsTime.key(date, floating));
        if (i < 0) {
            throw new ConnectorException.ItemFailure("RECURRENCE-ID/EXDATE " + date + " is not an occurrence of the RRULE", null);
        }
        return i + 1;
    }
}
