package org.mailmigrator.connector.ical.internal;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.core.pim.ZoneAliases;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VTimeZone;

/**
 * Decides, for each TZID a file uses, which name and which VTIMEZONE travel with the items.
 * <ul>
 * <li>The file's own VTIMEZONE defines its TZID. When the name is also an alias of an IANA zone (a Windows id,
 * an Exchange display name, an Evolution path) and the file's rules give the same offsets as that zone from
 * 2015 to 2030, the IANA name and the database's VTIMEZONE are written, which every client recognises;
 * when they disagree, the file's definition is kept (a name never moves an event).</li>
 * <li>A TZID without a VTIMEZONE (allowed by many exporters, not by RFC 5545) is looked up in the alias
 * table, then in ical4j's zone database.</li>
 * </ul>
 */
final class ZoneResolver {
    private static final TimeZoneRegistry REGISTRY = TimeZoneRegistryFactory.getInstance().createRegistry();

    /** The name to write, the VTIMEZONE content lines that define it, and what the report should say (or null). */
    record Zone(String name, List<String> definition, String note) {
    }

    private final Map<String, Block> fileZones = new HashMap<>();
    private final Map<String, Optional<Zone>> resolved = new HashMap<>();

    ZoneResolver(List<Block> blocks) {
        for (Block b : blocks) {
            if (b.name().equals("VTIMEZONE")) {
                // Outlook escapes the TZID text value (Kuala Lumpur\, Singapore); parameters carry it unescaped
                b.property("TZID").ifPresent(id -> fileZones.putIfAbsent(unescape(unquote(id)), b));
            }
        }
    }

    /** The zone for {@code tzid}, or empty when neither the file nor the zone database defines it. */
    synchronized Optional<Zone> resolve(String tzid) {
        return resolved.computeIfAbsent(tzid, this::lookup);
    }

    private Optional<Zone> lookup(String tzid) {
        Block own = fileZones.get(tzid);
        Optional<String> iana = ZoneAliases.toIana(tzid);
        if (iana.isEmpty() && own == null && !tzid.contains("/")) {
            // ical4j's alias table knows more names than ours
            try {
                iana = Optional.ofNullable(REGISTRY.getTimeZone(tzid)).map(TimeZone::getID).filter(id -> id.contains("/"));
            } catch (RuntimeException e) {
                iana = Optional.empty();
            }
        }
        if (own == null) {
            return iana.flatMap(z -> fromDatabase(z, tzid.equals(z) ? null : "TZID '" + tzid + "' has no VTIMEZONE in the file: read as " + z));
        }
        List<String> ownLines = own.lines().stream().map(ContentLine::text).toList();
        if (iana.isPresent() && !iana.get().equals(tzid)) {
            Optional<Boolean> same = sameOffsets(own, iana.get());
            if (same.orElse(false)) {
                Optional<Zone> db = fromDatabase(iana.get(), null);
                if (db.isPresent()) {
                    return db;
                }
            } else if (same.isPresent()) {
                return Optional.of(new Zone(tzid, ownLines, "the file's VTIMEZONE '" + tzid + "' does not follow " + iana.get()
                        + ": the file's definition is kept"));
            }
        }
        return Optional.of(new Zone(tzid, ownLines, null));
    }

    /** Whether the file's VTIMEZONE gives the offsets of {@code iana} on the 1st and 15th of each month, 2015–2030. */
    private static Optional<Boolean> sameOffsets(Block own, String iana) {
        TimeZone file;
        ZoneId zone;
        try {
            StringBuilder doc = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Mail Migrator//zone//EN\r\n");
            own.lines().forEach(l -> doc.append(l.text()).append("\r\n"));
            doc.append("END:VCALENDAR\r\n");
            Calendar cal = new CalendarBuilder().build(new StringReader(doc.toString()));
            Optional<VTimeZone> vtz = cal.getComponent(Component.VTIMEZONE);
            if (vtz.isEmpty()) {
                return Optional.empty();
            }
            file = new TimeZone(vtz.get());
            zone = ZoneId.of(iana);
        } catch (Exception e) {
            return Optional.empty();
        }
        for (int year = 2015; year <= 2030; year++) {
            for (int month = 1; month <= 12; month++) {
                for (int day : new int[] { 1, 15 }) {
                    long millis = LocalDate.of(year, month, day).atTime(12, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
                    int db = zone.getRules().getOffset(java.time.Instant.ofEpochMilli(millis)).getTotalSeconds() * 1000;
                    if (file.getOffset(millis) != db) {
                        return Optional.of(false);
                    }
                }
            }
        }
        return Optional.of(true);
    }

    private static Optional<Zone> fromDatabase(String iana, String note) {
        TimeZone tz;
        try {
            tz = REGISTRY.getTimeZone(iana);
        } catch (RuntimeException e) {
            tz = null;
        }
        if (tz == null || tz.getVTimeZone() == null) {
            return Optional.empty();
        }
        List<String> lines = ContentLine.unfold(tz.getVTimeZone().toString()).stream().map(ContentLine::text).toList();
        return Optional.of(new Zone(iana, lines, note));
    }

    static String unquote(String value) {
        String v = value.trim();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    static String unescape(String text) {
        return text.replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\");
    }
}
