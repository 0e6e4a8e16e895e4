package org.mailmigrator.connector.pst.internal;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SimpleTimeZone;
import java.util.TimeZone;

import org.mailmigrator.core.pim.ZoneAliases;

import com.pff.PSTAppointment;
import com.pff.PSTTimeZone;

import net.fortuna.ical4j.model.TimeZoneRegistryFactory;

/**
 * The IANA zone of a recurring appointment: the PST's time-zone definitions (the recurrence's,
 * PidLidTimeZoneStruct/PidLidTimeZoneDescription, then the start's, PidLidAppointmentTimeZoneDefinitionStartDisplay)
 * name a Windows zone ({@code Pacific Standard Time}) or its display name ({@code (UTC-08:00) Pacific Time (US &
 * Canada)}), mapped to IANA by the core's tables ({@link ZoneAliases}, CLDR's windowsZones as the EWS and Graph
 * connectors map them). The name is only taken when that IANA zone has the offsets the PST's own rule gives in
 * January and July of the series' first year: a name never moves an occurrence. Otherwise empty (UTC, said in the
 * item's notes).
 */
final class AppointmentZone {
    private AppointmentZone() {
    }

    static Optional<ZoneId> of(PSTAppointment a, int year, List<String> notes) {
        List<PSTTimeZone> defined = new ArrayList<>();
        for (PSTTimeZone tz : new PSTTimeZone[] {safe(a, true), safe(a, false)}) {
            if (tz != null) {
                defined.add(tz);
            }
        }
        for (PSTTimeZone tz : defined) {
            String name = tz.getName() == null ? "" : tz.getName().strip();
            Optional<ZoneId> iana = name.isEmpty() ? Optional.empty() : ZoneAliases.toIana(name).flatMap(AppointmentZone::zoneId);
            if (iana.isPresent() && sameOffsets(iana.get(), tz.getSimpleTimeZone(), year)) {
                return iana;
            }
        }
        if (!defined.isEmpty()) {
            notes.add("time zone '" + defined.get(0).getName() + "' has no IANA zone with the same rules: the series is"
                    + " written in UTC (occurrences after a daylight-saving change may be an hour off)");
        }
        return Optional.empty();
    }

    /** The VTIMEZONE of an IANA zone from ical4j's zone database, CRLF-ended lines. */
    static String definition(ZoneId zone) {
        return TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(zone.getId()).getVTimeZone().toString();
    }

    private static PSTTimeZone safe(PSTAppointment a, boolean recurrence) {
        try {
            return recurrence ? a.getRecurrenceTimeZone() : a.getStartTimeZone();
        } catch (RuntimeException e) { // a damaged definition: the other one, or UTC
            return null;
        }
    }

    private static Optional<ZoneId> zoneId(String id) {
        try {
            return Optional.of(ZoneId.of(id)).filter(z -> TimeZoneRegistryFactory.getInstance().createRegistry()
                    .getTimeZone(z.getId()) != null);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean sameOffsets(ZoneId iana, SimpleTimeZone rule, int year) {
        if (rule == null) {
            return false;
        }
        TimeZone pst = (TimeZone) rule.clone();
        for (int month : new int[] {1, 7}) {
            var at = LocalDateTime.of(year, month, 15, 12, 0).toInstant(ZoneOffset.UTC);
            int theirs = pst.getOffset(at.toEpochMilli());
            int ours = iana.getRules().getOffset(at).getTotalSeconds() * 1000;
            if (theirs != ours) {
                return false;
            }
        }
        return true;
    }
}
