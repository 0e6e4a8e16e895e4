package org.mailmigrator.connector.pst.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.pim.PimItem;

import com.pff.PSTAppointment;
import com.pff.PSTContact;
import com.pff.PSTTask;

/**
 * Contacts, appointments and tasks of a PST as vCard 3.0 and iCalendar documents. The UID is
 * {@code pst-NID@STORE-RECORD-KEY}: stable across runs. Date-times are written in UTC, a recurring series' in its own
 * zone (TZID and VTIMEZONE, {@link AppointmentZone}).
 */
final class PimItems {
    private static final String PRODID = "PRODID:-//Mail Migrator Workbench//PST reader//EN";

    private PimItems() {
    }

    static PimItem contact(PSTContact c, String collection, String uid, String origin) {
        Ical v = new Ical().line("BEGIN:VCARD").line("VERSION:3.0");
        String fn = first(c.getDisplayName(), join(c.getGivenName(), c.getSurname()), c.getSMTPAddress(), c.getCompanyName());
        v.text("FN", fn == null ? "(no name)" : fn);
        v.line("N:" + Ical.escape(nz(c.getSurname())) + ";" + Ical.escape(nz(c.getGivenName())) + ";"
                + Ical.escape(nz(c.getMiddleName())) + ";" + Ical.escape(nz(c.getDisplayNamePrefix())) + ";");
        v.text("NICKNAME", c.getNickname());
        v.text("ORG", c.getCompanyName());
        v.text("TITLE", c.getTitle());
        email(v, c.getEmail1EmailAddress(), c.getEmail1AddressType(), c.getSMTPAddress());
        email(v, c.getEmail2EmailAddress(), c.getEmail2AddressType(), null);
        email(v, c.getEmail3EmailAddress(), c.getEmail3AddressType(), null);
        v.text("TEL;TYPE=WORK,VOICE", c.getBusinessTelephoneNumber());
        v.text("TEL;TYPE=HOME,VOICE", c.getHomeTelephoneNumber());
        v.text("TEL;TYPE=CELL", c.getMobileTelephoneNumber());
        v.text("TEL;TYPE=WORK,FAX", c.getBusinessFaxNumber());
        address(v, "WORK", c.getWorkAddressStreet(), c.getWorkAddressCity(), c.getWorkAddressState(),
                c.getWorkAddressPostalCode(), c.getWorkAddressCountry());
        address(v, "HOME", c.getHomeAddressStreet(), c.getHomeAddressCity(), c.getHomeAddressStateOrProvince(),
                c.getHomeAddressPostalCode(), c.getHomeAddressCountry());
        if (c.getBirthday() != null) {
            v.line("BDAY:" + Ical.utc(c.getBirthday().toInstant()).substring(0, 8));
        }
        v.text("URL", c.getBusinessHomePage());
        v.text("NOTE", c.getBody());
        v.text("UID", uid);
        v.line("END:VCARD");
        return new PimItem(ItemKind.CONTACTS, collection, uid, v.toString(), origin);
    }

    private static void email(Ical v, String address, String type, String smtp) {
        String a = "SMTP".equalsIgnoreCase(type) || address != null && address.contains("@") ? address : smtp;
        if (a != null && a.contains("@")) {
            v.text("EMAIL;TYPE=INTERNET", a);
        }
    }

    private static void address(Ical v, String type, String street, String city, String region, String code, String country) {
        if (first(street, city, region, code, country) != null) {
            v.line("ADR;TYPE=" + type + ":;;" + Ical.escape(nz(street)) + ";" + Ical.escape(nz(city)) + ";"
                    + Ical.escape(nz(region)) + ";" + Ical.escape(nz(code)) + ";" + Ical.escape(nz(country)));
        }
    }

    static PimItem appointment(PSTAppointment a, String collection, String uid, String origin) {
        List<String> notes = new ArrayList<>();
        Ical c = new Ical().line("BEGIN:VCALENDAR").line("VERSION:2.0").line(PRODID);
        Recurrence r = null;
        java.time.ZoneId zone = null;
        if (a.isRecurring()) {
            try {
                if (a.getStartTime() != null) {
                    zone = AppointmentZone.of(a, a.getStartTime().toInstant().atZone(java.time.ZoneOffset.UTC).getYear(), notes)
                            .orElse(null);
                }
                r = Recurrence.of(a, zone);
                if (r != null && r.rule() == null) {
                    notes.add("the recurrence follows a Hijri calendar, which is not mapped: only the first occurrence is copied");
                }
            } catch (RuntimeException e) {
                notes.add("the recurrence could not be read (" + e.getMessage() + "): only the first occurrence is copied");
            }
        }
        if (r == null || r.rule() == null) {
            zone = null; // a single occurrence: UTC, as readpst writes it
        }
        if (zone != null) {
            for (String l : AppointmentZone.definition(zone).split("\r?\n")) {
                if (!l.isEmpty()) {
                    c.line(l);
                }
            }
        }
        event(c, uid, a, a.getStartTime(), a.getEndTime(), a.getSubject(), a.getLocation(), null, zone);
        if (r != null && r.rule() != null) {
            c.line(r.rule());
            for (Instant gone : r.deleted()) {
                c.when("EXDATE", gone, zone);
            }
        }
        c.line("END:VEVENT");
        if (r != null && r.rule() != null) {
            for (Recurrence.Override o : r.overrides()) {
                event(c, uid, a, Date.from(o.start()), Date.from(o.end()), first(o.subject(), a.getSubject()),
                        first(o.location(), a.getLocation()), o.original(), zone);
                c.line("END:VEVENT");
            }
        }
        c.line("END:VCALENDAR");
        return new PimItem(ItemKind.CALENDAR, collection, uid, c.toString(), origin, notes);
    }

    private static void event(Ical c, String uid, PSTAppointment a, Date start, Date end, String subject, String location,
            Instant recurrenceId, java.time.ZoneId zone) {
        c.line("BEGIN:VEVENT").text("UID", uid);
        Date stamp = a.getLastModificationTime() != null ? a.getLastModificationTime() : a.getCreationTime();
        c.utc("DTSTAMP", stamp == null ? new Date(0) : stamp);
        if (recurrenceId != null) {
            c.when("RECURRENCE-ID", recurrenceId, zone);
        }
        c.when("DTSTART", start == null ? null : start.toInstant(), zone).when("DTEND", end == null ? null : end.toInstant(), zone);
        c.text("SUMMARY", subject).text("LOCATION", location);
        if (recurrenceId == null) {
            c.text("DESCRIPTION", a.getBody());
            c.utc("CREATED", a.getCreationTime());
        }
        c.line("TRANSP:" + (a.getBusyStatus() == 0 ? "TRANSPARENT" : "OPAQUE"));
    }

    static PimItem task(PSTTask t, String collection, String uid, String origin) {
        Ical c = new Ical().line("BEGIN:VCALENDAR").line("VERSION:2.0").line(PRODID).line("BEGIN:VTODO").text("UID", uid);
        Date stamp = t.getLastModificationTime() != null ? t.getLastModificationTime() : t.getCreationTime();
        c.utc("DTSTAMP", stamp == null ? new Date(0) : stamp);
        c.text("SUMMARY", t.getSubject()).text("DESCRIPTION", t.getBody());
        c.utc("DTSTART", t.getTaskStartDate()).utc("DUE", t.getTaskDueDate());
        int percent = (int) Math.round(t.getPercentComplete() * 100);
        if (t.isTaskComplete()) {
            c.line("STATUS:COMPLETED").line("PERCENT-COMPLETE:100").utc("COMPLETED", t.getTaskDateCompleted());
        } else {
            c.line("STATUS:" + (percent > 0 ? "IN-PROCESS" : "NEEDS-ACTION"));
            if (percent > 0) {
                c.line("PERCENT-COMPLETE:" + percent);
            }
        }
        c.line("END:VTODO").line("END:VCALENDAR");
        return new PimItem(ItemKind.TASKS, collection, uid, c.toString(), origin);
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }

    private static String join(String a, String b) {
        String j = (nz(a) + " " + nz(b)).strip();
        return j.isEmpty() ? null : j;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
