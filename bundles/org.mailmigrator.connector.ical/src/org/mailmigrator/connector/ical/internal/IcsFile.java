package org.mailmigrator.connector.ical.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.pim.PimEntry;
import org.mailmigrator.core.pim.PimItem;
import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.pim.PimText;
import org.mailmigrator.core.pim.TextFiles;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.util.CompatibilityHints;

/**
 * One .ics file read into items, streamed (two passes over the file, see {@link #read}): each UID's master and overrides together, with the VTIMEZONEs they use,
 * each checked by ical4j on its own so that a malformed component is reported with its line and UID and
 * the rest of the file still migrates.
 */
public final class IcsFile {
    private static final String HEADER = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Mail Migrator//check//EN\r\n";
    private static final int HEADER_LINES = 3;
    /** Calendar properties that have a place in what is written (or are the collection's name). */
    private static final Set<String> KEPT = Set.of("VERSION", "PRODID", "CALSCALE", "X-WR-CALNAME");
    private static final Set<String> ITEMS = Set.of("VEVENT", "VTODO", "VJOURNAL");

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

    /** The file's collection: the name given, else its X-WR-CALNAME, else the file name without extension. */
    public static String collection(Path file, Optional<String> given) throws IOException {
        if (given.isPresent()) {
            return given.get();
        }
        Map<String, String> props = new HashMap<>();
        TextFiles.Detected detected = TextFiles.detect(file);
        try (BufferedReader in = detected.open(file)) {
            IcsSplitter.split(new ContentLines(in), new Scan(props, null, null, null));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return Optional.ofNullable(props.get("X-WR-CALNAME")).map(String::trim).filter(s -> !s.isEmpty())
                .orElse(stem(file.getFileName().toString()));
    }

    /**
     * Gives each item of {@code file} to {@code sink}, in collection {@code name} (null: the file's X-WR-CALNAME, else
     * its name without extension): a first pass reads the calendar's header, its VTIMEZONEs and
     * how many components each UID has (UIDs and counts only); the second hands over each item as soon as its last
     * component is read, so only the components of UIDs not yet complete are held (a master and its overrides are
     * usually side by side).
     *
     * @return false when the sink asked to stop
     */
    public static boolean read(Path file, String name, PimReader.Sink sink) throws IOException {
        TextFiles.Detected detected = TextFiles.detect(file);
        return read(file.getFileName().toString(), () -> detected.open(file), detected.note(), name, sink);
    }

    /** Opens the text to read again (each pass reads it from its start). */
    @FunctionalInterface
    public interface Opener {
        BufferedReader open() throws IOException;
    }

    /**
     * As {@link #read(Path, String, PimReader.Sink)} for a text that is not a file (a CalDAV resource): {@code fileName}
     * names it in origins, {@code name} is its collection (never null here), {@code charsetNote} what the report says of
     * its charset (null: nothing).
     */
    public static boolean read(String fileName, Opener opener, String charsetNote, String name, PimReader.Sink sink)
            throws IOException {
        Map<String, String> props = new LinkedHashMap<>();
        List<Block> zones = new ArrayList<>();
        Map<String, Integer> parts = new HashMap<>();
        List<String> problems = new ArrayList<>();
        try (BufferedReader in = opener.open()) {
            IcsSplitter.split(new ContentLines(in), new Scan(props, zones, parts, problems));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (String p : problems) {
            if (!sink.accept(new PimEntry.Malformed(fileName, p))) {
                return false;
            }
        }
        List<String> fileNotes = new ArrayList<>();
        if (charsetNote != null) {
            fileNotes.add(charsetNote);
        }
        props.keySet().stream().filter(k -> !KEPT.contains(k)).sorted().forEach(k -> fileNotes.add(
                "the calendar property " + k + " of " + fileName + " is not kept (a CalDAV resource holds one item, not the file's header)"));
        String collection = name != null ? name : Optional.ofNullable(props.get("X-WR-CALNAME")).map(String::trim)
                .filter(s -> !s.isEmpty()).orElse(stem(fileName));
        Items items = new Items(fileName, collection, new ZoneResolver(zones), props.getOrDefault("PRODID",
                "-//Mail Migrator Workbench//EN").trim(), props.get("CALSCALE"), charsetNote, fileNotes, parts, sink);
        try (BufferedReader in = opener.open()) {
            return IcsSplitter.split(new ContentLines(in), items) && items.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The first pass: header properties, VTIMEZONEs, components per UID, structural problems. */
    private record Scan(Map<String, String> props, List<Block> zones, Map<String, Integer> parts, List<String> problems)
            implements IcsSplitter.Handler {
        @Override
        public void property(String name, String value) {
            props.putIfAbsent(name, value);
        }

        @Override
        public boolean block(Block block) {
            if (zones != null && block.name().equals("VTIMEZONE")) {
                zones.add(block);
            } else if (parts != null && ITEMS.contains(block.name())) {
                parts.merge(uid(block), 1, Integer::sum);
            }
            return true;
        }

        @Override
        public void problem(String problem) {
            if (problems != null) {
                problems.add(problem);
            }
        }
    }

    /** The second pass: each UID's components together, handed over when the last one is read. */
    private static final class Items implements IcsSplitter.Handler {
        private final String fileName;
        private final String name;
        private final ZoneResolver zones;
        private final String prodId;
        private final String calscale;
        private final String charsetNote;
        private final Map<String, Integer> parts;
        private final PimReader.Sink sink;
        private final Map<String, List<Block>> pending = new LinkedHashMap<>();
        private List<String> firstNotes;

        Items(String fileName, String name, ZoneResolver zones, String prodId, String calscale, String charsetNote,
                List<String> firstNotes, Map<String, Integer> parts, PimReader.Sink sink) {
            this.fileName = fileName;
            this.name = name;
            this.zones = zones;
            this.prodId = prodId;
            this.calscale = calscale;
            this.charsetNote = charsetNote;
            this.firstNotes = firstNotes;
            this.parts = parts;
            this.sink = sink;
        }

        @Override
        public void property(String property, String value) {
            // read by the first pass
        }

        @Override
        public void problem(String problem) {
            // reported after the first pass
        }

        @Override
        public boolean block(Block block) {
            switch (block.name()) {
                case "VTIMEZONE" -> {
                    return true;
                }
                case "VEVENT", "VTODO", "VJOURNAL" -> {
                    Block withUid = block.property("UID").filter(u -> !u.isBlank()).isPresent() ? block : withGeneratedUid(block);
                    String uid = withUid.property("UID").orElseThrow();
                    List<Block> group = pending.computeIfAbsent(uid, u -> new ArrayList<>());
                    group.add(withUid);
                    return group.size() < parts.getOrDefault(uid, 1) || emit(uid);
                }
                case "VFREEBUSY" -> {
                    return sink.accept(new PimEntry.Malformed(fileName + ":" + block.firstLine(), "VFREEBUSY (busy times"
                            + " published from a calendar, not an event) is not migrated: CalDAV calendars do not store it"));
                }
                default -> {
                    return sink.accept(new PimEntry.Malformed(fileName + ":" + block.firstLine(),
                            block.name() + " is not migrated (only events, tasks and journal entries are)"));
                }
            }
        }

        private boolean emit(String uid) {
            List<Block> group = pending.remove(uid);
            List<String> notes = new ArrayList<>(charsetNote == null ? List.of() : List.of(charsetNote));
            if (firstNotes != null) {
                notes = new ArrayList<>(firstNotes);
                firstNotes = null;
            }
            PimEntry entry;
            try {
                entry = item(fileName, name, uid, group, zones, prodId, calscale, notes);
            } catch (RuntimeException e) {
                // whatever the parser throws costs this item only
                entry = new PimEntry.Malformed(fileName + ":" + group.get(0).firstLine(), "UID " + uid
                        + ": cannot be read: " + PimText.reason(e));
            }
            return sink.accept(entry);
        }

        /** Groups still incomplete at the end of the file (a file changed between the passes): handed over as they are. */
        boolean flush() {
            for (String uid : new ArrayList<>(pending.keySet())) {
                if (!emit(uid)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static String uid(Block block) {
        return block.property("UID").filter(u -> !u.isBlank()).or(() -> withGeneratedUid(block).property("UID")).orElseThrow();
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
