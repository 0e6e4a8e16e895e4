package org.mailmigrator.connector.ical.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.core.pim.WindowsZones;

import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;

/**
 * Decides, for each TZID a file uses, which name and which VTIMEZONE travel with the items. Windows names
 * (Outlook exports) become their IANA zone, so that CalDAV clients and Exchange both recognise them; an
 * IANA TZID without a VTIMEZONE (allowed by many exporters, not by RFC 5545) gets the definition from
 * ical4j's zone database; any other TZID keeps the file's own VTIMEZONE.
 */
final class ZoneResolver {
    private static final TimeZoneRegistry REGISTRY = TimeZoneRegistryFactory.getInstance().createRegistry();

    /** The name to write and the VTIMEZONE content lines that define it. */
    record Zone(String name, List<String> definition) {
    }

    private final Map<String, Block> fileZones = new HashMap<>();
    private final Map<String, Optional<Zone>> resolved = new HashMap<>();

    ZoneResolver(List<Block> blocks) {
        for (Block b : blocks) {
            if (b.name().equals("VTIMEZONE")) {
                b.property("TZID").ifPresent(id -> fileZones.put(unquote(id), b));
            }
        }
    }

    /** The zone for {@code tzid}, or empty when neither the file nor the zone database defines it. */
    synchronized Optional<Zone> resolve(String tzid) {
        return resolved.computeIfAbsent(tzid, this::lookup);
    }

    private Optional<Zone> lookup(String tzid) {
        Optional<String> iana = WindowsZones.toIana(tzid);
        if (iana.isEmpty() && !fileZones.containsKey(tzid) && !tzid.contains("/")) {
            // ical4j's alias table knows more Windows names than ours
            iana = Optional.ofNullable(REGISTRY.getTimeZone(tzid)).map(TimeZone::getID).filter(id -> id.contains("/"));
        }
        if (iana.isPresent()) {
            return fromDatabase(iana.get());
        }
        Block own = fileZones.get(tzid);
        if (own != null) {
            return Optional.of(new Zone(tzid, own.lines().stream().map(ContentLine::text).toList()));
        }
        return fromDatabase(tzid);
    }

    private static Optional<Zone> fromDatabase(String iana) {
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
        return Optional.of(new Zone(iana, lines));
    }

    static String unquote(String value) {
        String v = value.trim();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}
