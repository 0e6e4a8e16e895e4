package org.mailmigrator.connector.graph.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.core.pim.WindowsZones;
import org.mailmigrator.core.pim.ZoneAliases;

import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;

/**
 * A DTSTART/DTEND/DUE/RECURRENCE-ID value as written: local time and its zone (IANA; {@code UTC} for a
 * {@code Z} time; empty for a floating time), or a date. Graph's {@code dateTimeTimeZone} takes the local time with
 * a Windows zone name when one maps (Exchange's own), else the IANA name: the event keeps its original zone.
 */
record IcsWhen(LocalDateTime time, Optional<String> zone, boolean date) {
    static final DateTimeFormatter GRAPH = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter ICS = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    static Optional<IcsWhen> of(Optional<Property> property) {
        return property.map(p -> parse(p.getValue(), p.getParameter(Parameter.TZID).map(Parameter::getValue).orElse(null)));
    }

    static IcsWhen parse(String value, String tzid) {
        String v = value.trim();
        if (v.length() == 8) {
            return new IcsWhen(LocalDate.parse(v, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay(), Optional.empty(), true);
        }
        if (v.endsWith("Z")) {
            return new IcsWhen(LocalDateTime.parse(v.substring(0, v.length() - 1), ICS), Optional.of("UTC"), false);
        }
        Optional<String> zone = tzid == null ? Optional.empty()
                : Optional.of(ZoneAliases.toIana(tzid).orElse(WindowsZones.toIana(tzid).orElse(tzid)));
        return new IcsWhen(LocalDateTime.parse(v, ICS), zone, false);
    }

    /** The zone as Graph takes it: a Windows name when one maps, else the IANA name, UTC when floating or a date. */
    String graphZone() {
        return zone.map(z -> z.equals("UTC") ? "UTC" : WindowsZones.toWindows(z).orElse(z)).orElse("UTC");
    }

    /** {@code {"dateTime": ..., "timeZone": ...}} */
    Map<String, Object> graph() {
        return Map.of("dateTime", time.format(GRAPH), "timeZone", graphZone());
    }

    /** This time in UTC (a floating time or a date read as UTC). */
    LocalDateTime utc() {
        if (zone.isEmpty() || zone.get().equals("UTC")) {
            return time;
        }
        ZoneId id;
        try {
            id = ZoneId.of(zone.get());
        } catch (RuntimeException e) {
            return time;
        }
        return time.atZone(id).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
}
