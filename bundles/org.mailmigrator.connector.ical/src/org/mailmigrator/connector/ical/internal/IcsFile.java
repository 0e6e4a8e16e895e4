package org.mailmigrator.connector.ical.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
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

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;

/**
 * One .ics file read into items: each UID's master and overrides together, with the VTIMEZONEs they use,
 * each checked by ical4j on its own so that a malformed component is reported with its line and UID and
 * the rest of the file still migrates.
 */
public final class IcsFile {
    private static final String HEADER = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Mail Migrator//check//EN\r\n";
    private static final int HEADER_LINES = 3;

    private IcsFile() {
    }

    public static List<PimEntry> read(Path file, Optional<String> collection) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String fileName = file.getFileName().toString();
        IcsSplitter.Split split = IcsSplitter.split(ContentLine.unfold(text));
        List<PimEntry> entries = new ArrayList<>();
        split.problems().forEach(p -> entries.add(new PimEntry.Malformed(fileName, p)));
        String name = collection.or(() -> Optional.ofNullable(split.calendarProperties().get("X-WR-CALNAME"))
                .map(String::trim).filter(s -> !s.isEmpty())).orElse(stem(fileName));
        Map<String, List<Block>> groups = new LinkedHashMap<>();
        for (Block block : split.blocks()) {
            switch (block.name()) {
                case "VTIMEZONE" -> { }
                case "VEVENT", "VTODO" -> {
                    Block withUid = block.property("UID").filter(u -> !u.isBlank()).isPresent() ? block : withGeneratedUid(block);
                    groups.computeIfAbsent(withUid.property("UID").orElseThrow(), u -> new ArrayList<>()).add(withUid);
                }
                default -> entries.add(new PimEntry.Malformed(fileName + ":" + block.firstLine(),
                        block.name() + " is not migrated (only events and tasks are)"));
            }
        }
        ZoneResolver zones = new ZoneResolver(split.blocks());
        String prodId = split.calendarProperties().getOrDefault("PRODID", "-//Mail Migrator Workbench//EN").trim();
        String calscale = split.calendarProperties().get("CALSCALE");
        for (Map.Entry<String, List<Block>> group : groups.entrySet()) {
            entries.add(item(fileName, name, group.getKey(), group.getValue(), zones, prodId, calscale));
        }
        return entries;
    }

    private static PimEntry item(String fileName, String collection, String uid, List<Block> blocks, ZoneResolver zones,
            String prodId, String calscale) {
        String origin = fileName + ":" + blocks.get(0).firstLine();
        for (Block b : blocks) {
            Optional<String> problem = check(b);
            if (problem.isPresent()) {
                return new PimEntry.Malformed(fileName + ":" + b.firstLine(), "UID " + uid + ": " + problem.get());
            }
        }
        Map<String, ZoneResolver.Zone> used = new LinkedHashMap<>();
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
                    out = zone.get().name().equals(tzid) ? out : Params.withTzid(out, zone.get().name());
                }
                body.append(ContentLine.fold(out));
            }
        }
        StringBuilder doc = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").append(ContentLine.fold("PRODID:" + prodId));
        if (calscale != null) {
            doc.append(ContentLine.fold("CALSCALE:" + calscale.trim()));
        }
        used.values().forEach(z -> z.definition().forEach(l -> doc.append(ContentLine.fold(l))));
        doc.append(body).append("END:VCALENDAR\r\n");
        try {
            new CalendarBuilder().build(new StringReader(doc.toString()));
        } catch (IOException | ParserException | RuntimeException e) {
            return new PimEntry.Malformed(origin, "UID " + uid + ": " + e.getMessage());
        }
        ItemKind kind = blocks.get(0).name().equals("VTODO") ? ItemKind.TASKS : ItemKind.CALENDAR;
        return new PimEntry.Item(new PimItem(kind, collection, uid, doc.toString(), origin));
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
            String reason = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
            if (index >= 0 && index < block.lines().size()) {
                ContentLine bad = block.lines().get(index);
                return Optional.of("line " + bad.number() + ", " + bad.name() + ": " + reason);
            }
            return Optional.of(reason);
        } catch (IOException | RuntimeException e) {
            return Optional.of(String.valueOf(e.getMessage()));
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
