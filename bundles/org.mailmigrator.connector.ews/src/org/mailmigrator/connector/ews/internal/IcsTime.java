package org.mailmigrator.connector.ews.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Optional;

import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.property.DateProperty;

/**
 * A date or date-time of an iCalendar property with the zone Exchange must be told: the TZID (an IANA
 * name after the ical source's normalisation), UTC for "Z" times, the configured zone for floating times
 * and all-day dates (Exchange has neither).
 */
record IcsTime(Instant instant, ZoneId zone, boolean allDay, LocalDate date, Optional<String> note) {

    static Optional<IcsTime> of(Optional<Property> property, ZoneId floating) {
        if (property.isEmpty() || !(property.get() instanceof DateProperty<?> p) || p.getDate() == null) {
            return Optional.empty();
        }
        return Optional.of(of(p.getDate(), p.getParameter(Parameter.TZID).map(Parameter::getValue), floating, p.getName()));
    }

    /** One value of a date or date-time property ({@code name} for the error), with the property's TZID. */
    static IcsTime of(Temporal t, Optional<String> tzid, ZoneId floating, String name) {
        return switch (t) {
            case LocalDate d -> new IcsTime(d.atStartOfDay(floating).toInstant(), floating, true, d, Optional.empty());
            case LocalDateTime l -> new IcsTime(l.atZone(floating).toInstant(), floating, false, l.toLocalDate(),
                    Optional.of("floating time " + l + " placed in " + floating));
            case ZonedDateTime z -> zoned(z, tzid);
            case OffsetDateTime o -> new IcsTime(o.toInstant(), ZoneOffset.UTC, false, o.toLocalDate(), Optional.empty());
            case Instant i -> new IcsTime(i, ZoneOffset.UTC, false, i.atZone(ZoneOffset.UTC).toLocalDate(), Optional.empty());
            default -> throw new IllegalArgumentException(name + " has an unexpected value " + t);
        };
    }

    private static IcsTime zoned(ZonedDateTime z, Optional<String> tzid) {
        if (tzid.isPresent()) {
            try {
                ZoneId iana = ZoneId.of(tzid.get());
                return new IcsTime(z.toInstant(), iana, false, z.toLocalDate(), Optional.empty());
            } catch (RuntimeException notIana) {
                return new IcsTime(z.toInstant(), ZoneOffset.UTC, false, z.toLocalDate(),
                        Optional.of("time zone '" + tzid.get() + "' has no IANA name: sent in UTC, same instant"));
            }
        }
        return new IcsTime(z.toInstant(), z.getZone(), false, z.toLocalDate(), Optional.empty());
    }

    /** Comparable form of a RECURRENCE-ID or EXDATE value: the instant, or the day of an all-day series. */
    static Object key(Temporal t, ZoneId floating) {
        return switch (t) {
            case LocalDate d -> d;
            case LocalDateTime l -> l.atZone(floating).toInstant();
            case ZonedDateTime z -> z.toInstant();
            case OffsetDateTime o -> o.toInstant();
            case Instant i -> i;
            default -> t.toString();
        };
    }

    static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
