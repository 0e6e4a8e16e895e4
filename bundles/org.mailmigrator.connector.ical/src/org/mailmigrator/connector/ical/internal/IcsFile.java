package org.mailmigrator.connector.ical.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.pim.PimEntry;
import org.mailmigrator.core.pim.PimItem;
import org.mailmigrator.core.pim.PimText;
import org.mailmigrator.core.pim.TextFiles;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.util.CompatibilityHints;

/**
 * One .ics file read into items: each UID's master and overrides together, with the VTIMEZONEs they use,
 * each checked by ical4j on its own so that a malformed component is reported with its line and UID and
 * the rest of the file still migrates.
 */
public final class IcsFile {
    private static final String HEADER = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Mail Migrator//check//EN\r\n";
    private static final int HEADER_LINES = 3;
    /** Calendar properties that have a place in what is written (or are the collection's name). */
    private static final Set<String> KEPT = Set.of("VERSION", "PRODID", "CALSCALE", "X-WR-CALNAME");

    static {
        // real exports (Outlook, Lotus Notes, Evolution) break RFC 5545 in ways ical4j can be told to read;
        // the text sent is the file's own, repaired line by line (LineRepairs), never ical4j's rewrite
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING, true);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING, true);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_VALIDATION, true);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_OUTLOOK_COMPATIBILITY, true);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_NOTES_COMPATIBILITY, true);
    }

    private IcsFile() {
    }

    public static List<PimEntry> read(Path file, Optional<String> collection) throws IOException {
        TextFiles.Decoded decoded = TextFiles.decode(Files.readAllBytes(file));
        String text = decoded.text();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String fileName = file.getFileName().toString();
        IcsSplitter.Split split = IcsSplitter.split(ContentLine.unfold(text));
        List<PimEntry> entries = new ArrayList<>();
        split.problems().forEach(p -> entries.add(new PimEntry.Malformed(fileName, p)));
        String name = collection.or(() -> Optional.ofNullable(split.calendarProperties().get("X-WR-CALNAME"))
                .map(String::trim).filter(s -> !s.isEmpty())).orElse(stem(fileName));
        List<String> fileNotes = new ArrayList<>();
        if (decoded.note() != null) {
            fileNotes.add(decoded.note());
        }
        split.calendarProperties().keySet().stream().filter(k -> !KEPT.contains(k)).sorted().forEach(k -> fileNotes.add(
                "the calendar property " + k + " of " + fileName + " is not kept (a CalDAV resource holds one item, not the file's header)"));
        Map<String, List<Block>> groups = new LinkedHashMap<>();
        for (Block block : split.blocks()) {
            switch (block.name()) {
                case "VTIMEZONE" -> { }
                case "VEVENT", "VTODO", "VJOURNAL" -> {
                    Block withUid = block.property("UID").filter(u -> !u.isBlank()).isPresent() ? block : withGeneratedUid(block);
                    groups.computeIfAbsent(withUid.property("UID").orElseThrow(), u -> new ArrayList<>()).add(withUid);
                }
                case "VFREEBUSY" -> entries.add(new PimEntry.Malformed(fileName + ":" + block.firstLine(), "VFREEBUSY (busy times"
                        + " published from a calendar, not an event) is not migrated: CalDAV calendars do not store it"));
                default -> entries.add(new PimEntry.Malformed(fileName + ":" + block.firstLine(),
                        block.name() + " is not migrated (only events, tasks and journal entries are)"));
            }
        }
        ZoneResolver zones = new ZoneResolver(split.blocks());
        String prodId = split.calendarProperties().getOrDefault("PRODID", "-//Mail Migrator Workbench//EN").trim();
        String calscale = split.calendarProperties().get("CALSCALE");
        boolean first = true;
        for (Map.Entry<String, List<Block>> group : groups.entrySet()) {
            List<String> notes = new ArrayList<>(decoded.note() == null ? List.of() : List.of(decoded.note()));
            if (first) {
                notes = new ArrayList<>(fileNotes);
                first = false;
            }
            PimEntry entry;
            try {
                entry = item(fileName, name, group.getKey(), group.getValue(), zones, prodId, calscale, notes);
            } catch (RuntimeException e) {
                // whatever the parser throws costs this item only
                entry = new PimEntry.Malformed(fileName + ":" + group.getValue().get(0).firstLine(), "UID " + group.getKey()
                        + ": cannot be read: " + PimText.reason(e));
            }
            entries.add(entry);
        }
        return entries;
    }

    private static PimEntry item(String fileName, String collection, String uid, List<Block> original, ZoneResolver zones,
            String prodId, String calscale, List<String> notes) {
        String origin = fileName + ":" + original.get(0).firstLine();
        List<Block> repaired = new ArrayList<>();
        for (Block b : original) {
            repaired.add(new Block(b.name(), LineRepairs.repairAll(b, notes)));
        }
        Duplicates.Result merged = Duplicates.merge(uid, repaired, notes);
        if (merged.refusal() != null) {
            return new PimEntry.Malformed(origin, merged.refusal());
        }
        List<Block> blocks = merged.blocks();
        for (Block b : blocks) {
            for (ContentLine line : b.lines()) {
                Optional<String> bad = DateCheck.problem(line);
                if (bad.isPresent()) {
                    return new PimEntry.Malformed(fileName + ":" + line.number(), "UID " + uid + ": " + bad.get());
                }
            }
            Optional<String> problem = check(b);
            if (problem.isPresent()) {
                return new PimEntry.Malformed(fileName + ":" + b.firstLine(), "UID " + uid + ": " + problem.get());
            }
        }
        Map<String, ZoneResolver.Zone> used = new LinkedHashMap<>();
        Map<String, java.util.Set<String>> usedBy = new LinkedHashMap<>();
        StringBuilder body = new StringBuilder();
        for (Block b : blocks) {
            for (ContentLine line : b.lines()) {
                String tzid = Params.tzid(line.text());
                String out = line.text();
                if (tzid != null) {
                    Optional<ZoneResolver.Zone> zone = zones.resolve(tzid);
                    if (zone.isEmpty()) {
                        return new PimEntry.Malformed(fileName + ":" + line.number(), "UID " + uid + ": TZID '" + tzid + "' of "
                                + line.name() + " has no VTIMEZONE in the file and is not a known IANA or Windows time zone");
                    }
                    used.putIfAbsent(zone.get().name(), zone.get());
                    usedBy.computeIfAbsent(zone.get().name(), z -> new java.util.LinkedHashSet<>()).add(line.name());
                    out = zone.get().name().equals(tzid) ? out : Params.withTzid(out, zone.get().name());
                }
                body.append(ContentLine.fold(out));
            }
        }
        used.values().stream().filter(z -> z.note() != null)
                .forEach(z -> notes.add(String.join(", ", usedBy.get(z.name())) + ": " + z.note()));
        StringBuilder doc = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").append(ContentLine.fold("PRODID:" + prodId));
        if (calscale != null) {
            doc.append(ContentLine.fold("CALSCALE:" + calscale.trim()));
        }
        used.values().forEach(z -> z.definition().forEach(l -> doc.append(ContentLine.fold(l))));
        doc.append(body).append("END:VCALENDAR\r\n");
        try {
            new CalendarBuilder().build(new StringReader(doc.toString()));
        } catch (IOException | ParserException | RuntimeException e) {
            return new PimEntry.Malformed(origin, "UID " + uid + ": " + PimText.reason(e));
        }
        ItemKind kind = blocks.get(0).name().equals("VTODO") ? ItemKind.TASKS : ItemKind.CALENDAR;
        return new PimEntry.Item(new PimItem(kind, collection, uid, doc.toString(), origin, notes));
    }

    /** Parses one component alone; the problem names its file line and property. */
    private static Optional<String> check(Block block) {
        StringBuilder doc = new StringBuilder(HEADER);
        block.lines().forEach(l -> doc.append(l.text()).append("\r\n"));
        doc.append("END:VCALENDAR\r\n");
        try {
            new CalendarBuilder().build(new StringReader(doc.toString()));
            return Optional.empty();
        } catch (ParserException e) {
            int index = e.getLineNo() - HEADER_LINES - 1;
            String reason = PimText.clean(e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage());
            if (index >= 0 && index < block.lines().size()) {
                ContentLine bad = block.lines().get(index);
                return Optional.of("line " + bad.number() + ", " + bad.name() + ": " + reason);
            }
            return Optional.of(reason);
        } catch (IOException | RuntimeException e) {
            return Optional.of(PimText.reason(e));
        }
    }

    /** A component without UID gets one derived from its content, so that a second run finds it again. */
    private static Block withGeneratedUid(Block block) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            block.lines().forEach(l -> sha.update(l.text().getBytes(StandardCharsets.UTF_8)));
            String uid = "mailmigrator-" + HexFormat.of().formatHex(sha.digest(), 0, 12);
            List<ContentLine> lines = new ArrayList<>(block.lines());
            lines.add(1, new ContentLine(block.firstLine(), "UID:" + uid));
            return new Block(block.name(), List.copyOf(lines));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
