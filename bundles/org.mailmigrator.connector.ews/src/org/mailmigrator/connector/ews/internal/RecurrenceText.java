package org.mailmigrator.connector.ews.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.mailmigrator.core.spi.ConnectorException;

import microsoft.exchange.webservices.data.core.enumeration.property.time.DayOfTheWeek;
import microsoft.exchange.webservices.data.core.enumeration.property.time.DayOfTheWeekIndex;
import microsoft.exchange.webservices.data.property.complex.recurrence.pattern.Recurrence;

/**
 * An Exchange recurrence pattern as an RRULE value (the reverse of {@link Recurrences}): daily, weekly (days of the
 * week), monthly and yearly by day number or by "the second Tuesday", with an interval, ended by a count, by a date
 * (UNTIL at the end of that day in the series' zone, in UTC as RFC 5545 wants with a TZID) or never. A task's
 * regeneration pattern ("two weeks after completion") has no iCalendar form and is refused, naming it.
 */
final class RecurrenceText {
    private RecurrenceText() {
    }

    /**
     * @param zone      the series' zone (its StartTimeZone)
     * @param startTime the local time of the series' first start (UNTIL keeps the last day's occurrence)
     * @param last      the original start of the series' last occurrence (LastOccurrence), when Exchange gave it: the
     *                  exact UNTIL of a series ended by a date
     */
    static String of(Recurrence r, ZoneId zone, LocalTime startTime, java.time.Instant last) throws Exception {
        if (r.isRegenerationPattern()) {
            throw new ConnectorException.ItemFailure("a regenerating recurrence (" + r.getXmlElementName()
                    + ": the next one after each completion) has no iCalendar form", null);
        }
        List<String> parts = new ArrayList<>();
        switch (r) {
            case Recurrence.DailyPattern d -> parts.add("FREQ=DAILY;INTERVAL=" + d.getInterval());
            case Recurrence.WeeklyPattern w -> parts.add("FREQ=WEEKLY;INTERVAL=" + w.getInterval() + ";BYDAY=" + days(w));
            case Recurrence.MonthlyPattern m -> parts.add("FREQ=MONTHLY;INTERVAL=" + m.getInterval() + ";BYMONTHDAY=" + m.getDayOfMonth());
            case Recurrence.RelativeMonthlyPattern m -> parts.add("FREQ=MONTHLY;INTERVAL=" + m.getInterval() + ";"
                    + relative(m.getDayOfTheWeek(), m.getDayOfTheWeekIndex()));
            case Recurrence.YearlyPattern y -> parts.add("FREQ=YEARLY;BYMONTH=" + (y.getMonth().ordinal() + 1) + ";BYMONTHDAY="
                    + y.getDayOfMonth());
            case Recurrence.RelativeYearlyPattern y -> parts.add("FREQ=YEARLY;BYMONTH=" + (y.getMonth().ordinal() + 1) + ";"
                    + relative(y.getDayOfTheWeek(), y.getDayOfTheWeekIndex()));
            default -> throw new ConnectorException.ItemFailure("the recurrence " + r.getXmlElementName()
                    + " has no iCalendar form here", null);
        }
        Integer count = r.getNumberOfOccurrences();
        Date end = r.getEndDate();
        if (count != null && count > 0) {
            parts.add("COUNT=" + count);
        } else if (end != null && last != null) {
            parts.add("UNTIL=" + IcsLines.utc(last));
        } else if (end != null) {
            parts.add("UNTIL=" + IcsLines.utc(day(end).atTime(startTime).atZone(zone).toInstant()));
        }
        return String.join(";", parts);
    }

    /**
     * The calendar day of a RecurrenceRange date when no LastOccurrence came with it: ews-java-api reads the xs:date
     * as an instant near that day's midnight; six hours later it is that day in the JVM's zone (checked on a UTC JVM).
     */
    static LocalDate day(Date d) {
        return d.toInstant().plusSeconds(6 * 3600).atZone(ZoneId.systemDefault()).toLocalDate();
    }

    private static String days(Recurrence.WeeklyPattern w) throws ConnectorException {
        List<String> out = new ArrayList<>();
        for (DayOfTheWeek d : w.getDaysOfTheWeek()) {
            out.add(day(d));
        }
        if (out.isEmpty()) {
            throw new ConnectorException.ItemFailure("a weekly recurrence without days of the week", null);
        }
        return String.join(",", out);
    }

    private static String relative(DayOfTheWeek d, DayOfTheWeekIndex index) throws ConnectorException {
        String n = switch (index) {
            case First -> "1";
            case Second -> "2";
            case Third -> "3";
            case Fourth -> "4";
            case Last -> "-1";
        };
        return switch (d) {
            case Day -> "BYDAY=SU,MO,TU,WE,TH,FR,SA;BYSETPOS=" + n;
            case Weekday -> "BYDAY=MO,TU,WE,TH,FR;BYSETPOS=" + n;
            case WeekendDay -> "BYDAY=SA,SU;BYSETPOS=" + n;
            default -> "BYDAY=" + n + day(d);
        };
    }

    private static String day(DayOfTheWeek d) throws ConnectorException {
        return switch (d) {
            case Sunday -> "SU";
            case Monday -> "MO";
            case Tuesday -> "TU";
            case Wednesday -> "WE";
            case Thursday -> "TH";
            case Friday -> "FR";
            case Saturday -> "SA";
            case Weekday -> "MO,TU,WE,TH,FR";
            case WeekendDay -> "SA,SU";
            case Day -> "SU,MO,TU,WE,TH,FR,SA";
        };
    }
}
