package org.mailmigrator.connector.pst.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;

import com.pff.PSTAppointment;
import com.pff.PSTAppointmentRecurrence;
import com.pff.PSTObject;
import com.pff.PSTTimeZone;

/**
 * An appointment's recurrence ([MS-OXOCAL] RecurrencePattern, read by java-libpst) as an RRULE, the deleted
 * occurrences as EXDATE and the changed ones as overrides with a RECURRENCE-ID. The pattern's day and month rules
 * are kept. The series is written in its own zone ({@link AppointmentZone}: DTSTART;TZID with the VTIMEZONE), so an
 * occurrence after a daylight-saving change keeps its local time; without a zone of the same rules, in UTC.
 */
final class Recurrence {
    private static final String[] DAYS = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};

    /** One changed occurrence: its original start and its new start, end, subject and location. */
    record Override(Instant original, Instant start, Instant end, String subject, String location) {
    }

    private final String rule;
    private final List<Instant> deleted = new ArrayList<>();
    private final List<Override> overrides = new ArrayList<>();

    private Recurrence(String rule) {
        this.rule = rule;
    }

    /** @param zone the series' zone (deleted occurrences are local days at the local start time); null: UTC */
    static Recurrence of(PSTAppointment a, java.time.ZoneId zone) {
        byte[] structure = a.getRecurrenceStructure();
        if (!a.isRecurring() || structure == null || structure.length == 0) {
            return null;
        }
        PSTTimeZone tz = a.getRecurrenceTimeZone() != null ? a.getRecurrenceTimeZone() : a.getStartTimeZone();
        if (tz == null) {
            throw new IllegalStateException("the recurrence has no time zone");
        }
        PSTAppointmentRecurrence r = new PSTAppointmentRecurrence(structure, a, tz);
        Recurrence out = new Recurrence(rule(r));
        long startOffset = r.getStartTimeOffset();
        List<Instant> modified = new ArrayList<>();
        for (int i = 0; i < r.getExceptionCount(); i++) {
            var e = r.getException(i);
            Instant original = local(e.getOriginalStartDate(), tz);
            modified.add(original);
            out.overrides.add(new Override(original, local(e.getStartDateTime(), tz), local(e.getEndDateTime(), tz),
                    e.getSubject(), e.getLocation()));
        }
        Calendar[] gone = r.getDeletedInstanceDates();
        if (gone != null) {
            for (Calendar day : gone) {
                // the day's fields are the local day (java-libpst gives local midnight as a UTC time); + start time
                Instant utc = zone == null ? day.toInstant().plusSeconds(startOffset * 60)
                        : day.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate().atStartOfDay()
                                .plusMinutes(startOffset).atZone(zone).toInstant();
                if (modified.stream().noneMatch(m -> Math.abs(m.getEpochSecond() - utc.getEpochSecond()) < 86400)) {
                    out.deleted.add(utc); // a modified occurrence is also in the deleted list: it is an override
                }
            }
        }
        return out;
    }

    /** Minutes since 1601 in the recurrence's time zone, as an instant. */
    private static Instant local(int minutes, PSTTimeZone tz) {
        return PSTObject.apptTimeToUTC(minutes, tz).toInstant();
    }

    private static String rule(PSTAppointmentRecurrence r) {
        int type = r.getPatternType();
        int period = Math.max(1, r.getPeriod());
        StringBuilder s = new StringBuilder("RRULE:");
        switch (type) {
        case 0 -> s.append("FREQ=DAILY;INTERVAL=").append(Math.max(1, period / 1440));
        case 1 -> s.append("FREQ=WEEKLY;INTERVAL=").append(period).append(";BYDAY=").append(days(r.getPatternSpecific()));
        case 2, 4 -> {
            boolean yearly = r.getRecurFrequency() == 0x200D;
            s.append(yearly ? "FREQ=YEARLY;INTERVAL=" + Math.max(1, period / 12) : "FREQ=MONTHLY;INTERVAL=" + period);
            s.append(";BYMONTHDAY=").append(type == 4 || r.getPatternSpecific() == 31 ? -1 : r.getPatternSpecific());
        }
        case 3 -> {
            boolean yearly = r.getRecurFrequency() == 0x200D;
            s.append(yearly ? "FREQ=YEARLY;INTERVAL=" + Math.max(1, period / 12) : "FREQ=MONTHLY;INTERVAL=" + period);
            s.append(";BYDAY=").append(days(r.getPatternSpecific()));
            int nth = r.getPatternSpecificNth();
            s.append(";BYSETPOS=").append(nth == 5 ? -1 : nth);
        }
        default -> {
            return null; // Hijri calendars: not mapped (said in the item's notes)
        }
        }
        if (r.getEndType() == 0x2022 && r.getOccurrenceCount() > 0) {
            s.append(";COUNT=").append(r.getOccurrenceCount());
        } else if (r.getEndType() == 0x2021) {
            s.append(";UNTIL=").append(Ical.utc(PSTObject.apptTimeToCalendar(r.getEndDate()).toInstant().plusSeconds(86399)));
        }
        return s.toString().replace("INTERVAL=1;", "").replace(";INTERVAL=1", "");
    }

    private static String days(int mask) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            if ((mask & (1 << i)) != 0) {
                out.add(DAYS[i]);
            }
        }
        return String.join(",", out);
    }

    /** The RRULE line; null for a pattern not mapped (Hijri calendar). */
    String rule() {
        return rule;
    }

    List<Instant> deleted() {
        return deleted;
    }

    List<Override> overrides() {
        return overrides;
    }
}
