package org.mailmigrator.connector.ews.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.Date;
import java.util.List;

import org.mailmigrator.core.spi.ConnectorException;

import microsoft.exchange.webservices.data.core.enumeration.property.time.DayOfTheWeek;
import microsoft.exchange.webservices.data.core.enumeration.property.time.DayOfTheWeekIndex;
import microsoft.exchange.webservices.data.core.enumeration.property.time.Month;
import microsoft.exchange.webservices.data.property.complex.recurrence.pattern.Recurrence;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * An RRULE as an Exchange recurrence pattern. Exchange knows daily, weekly (days of week), monthly and
 * yearly (a day number, or "the second Tuesday") with an interval, ended by a count or a date. Anything
 * else (BYHOUR, several month days, BYSETPOS lists) is refused with the rule's text rather than approximated.
 */
final class Recurrences {
    private Recurrences() {
    }

    static Recurrence of(Recur<?> recur, LocalDate start, ZoneId zone) throws Exception {
        int interval = Math.max(1, recur.getInterval());
        Date startDate = Date.from(start.atStartOfDay(zone).toInstant());
        List<WeekDay> days = IcsTime.nonNull(recur.getDayList());
        List<Integer> monthDays = IcsTime.nonNull(recur.getMonthDayList());
        Recurrence pattern = switch (recur.getFrequency()) {
            case DAILY -> days.isEmpty() ? new Recurrence.DailyPattern(startDate, interval) : weekly(startDate, 1, days, start);
            case WEEKLY -> weekly(startDate, interval, days, start);
            case MONTHLY -> {
                if (!days.isEmpty()) {
                    yield new Recurrence.RelativeMonthlyPattern(startDate, interval, day(days.get(0)), index(days.get(0), recur));
                }
                yield new Recurrence.MonthlyPattern(startDate, interval, monthDays.isEmpty() ? start.getDayOfMonth() : monthDays.get(0));
            }
            case YEARLY -> {
                Month month = Month.values()[(recur.getMonthList() == null || recur.getMonthList().isEmpty()
                        ? start.getMonthValue() : recur.getMonthList().get(0).getMonthOfYear()) - 1];
                if (!days.isEmpty()) {
                    yield new Recurrence.RelativeYearlyPattern(startDate, month, day(days.get(0)), index(days.get(0), recur));
                }
                yield new Recurrence.YearlyPattern(startDate, month, monthDays.isEmpty() ? start.getDayOfMonth() : monthDays.get(0));
            }
            default -> throw unsupported(recur);
        };
        if (days.size() > 1 && recur.getFrequency() != Frequency.WEEKLY && recur.getFrequency() != Frequency.DAILY
                || monthDays.size() > 1 || !IcsTime.nonNull(recur.getHourList()).isEmpty()) {
            throw unsupported(recur);
        }
        if (recur.getCount() > 0) {
            pattern.setNumberOfOccurrences(recur.getCount());
        } else if (recur.getUntil() != null) {
            pattern.setEndDate(Date.from(untilDay(recur.getUntil(), zone).atStartOfDay(zone).toInstant()));
        } else {
            pattern.neverEnds();
        }
        return pattern;
    }

    private static Recurrence weekly(Date start, int interval, List<WeekDay> days, LocalDate first) throws Exception {
        DayOfTheWeek[] week = days.isEmpty() ? new DayOfTheWeek[] { DayOfTheWeek.values()[first.getDayOfWeek().getValue() % 7] }
                : days.stream().map(Recurrences::day).toArray(DayOfTheWeek[]::new);
        return new Recurrence.WeeklyPattern(start, interval, week);
    }

    private static DayOfTheWeek day(WeekDay d) {
        return switch (d.getDay()) {
            case SU -> DayOfTheWeek.Sunday;
            case MO -> DayOfTheWeek.Monday;
            case TU -> DayOfTheWeek.Tuesday;
            case WE -> DayOfTheWeek.Wednesday;
            case TH -> DayOfTheWeek.Thursday;
            case FR -> DayOfTheWeek.Friday;
            case SA -> DayOfTheWeek.Saturday;
        };
    }

    private static DayOfTheWeekIndex index(WeekDay d, Recur<?> recur) {
        int n = d.getOffset() != 0 ? d.getOffset()
                : IcsTime.nonNull(recur.getSetPosList()).isEmpty() ? 1 : recur.getSetPosList().get(0);
        return switch (n) {
            case 1 -> DayOfTheWeekIndex.First;
            case 2 -> DayOfTheWeekIndex.Second;
            case 3 -> DayOfTheWeekIndex.Third;
            case 4 -> DayOfTheWeekIndex.Fourth;
            default -> DayOfTheWeekIndex.Last;
        };
    }

    private static LocalDate untilDay(Temporal until, ZoneId zone) {
        Object key = IcsTime.key(until, zone);
        return key instanceof LocalDate d ? d : ((java.time.Instant) key).atZone(zone).toLocalDate();
    }

    private static ConnectorException.ItemFailure unsupported(Recur<?> recur) {
        return new ConnectorException.ItemFailure("RRULE:" + recur + " has no Exchange recurrence pattern", null);
    }
}
