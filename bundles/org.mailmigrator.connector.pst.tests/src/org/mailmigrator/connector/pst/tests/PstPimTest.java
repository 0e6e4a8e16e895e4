package org.mailmigrator.connector.pst.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.connector.dav.DavConnector;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.pim.PimEntry;
import org.mailmigrator.core.pim.PimMigration;
import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.pim.PimReport;
import org.mailmigrator.core.pim.PimState;
import org.mailmigrator.core.pim.PimWriter;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.testing.Radicale;

/**
 * The contacts and appointments of java-libpst's {@code dist-list.pst} read by the connector and by
 * {@code readpst -D -e} (the oracle: its .ics and .vcf): the same summary, start, end and weekly recurrence, the
 * same contact name and address; the distribution list is a listed skip naming the file. Then into a real
 * Radicale on loopback through the core's calendar/contact path: the items arrive, a second run changes nothing.
 */
class PstPimTest {
    @TempDir
    Path tmp;

    @Test
    void theAppointmentAndTheContactAreWhatReadpstFinds() throws Exception {
        Path pst = Samples.file("java-libpst/dist-list.pst");
        Path out = tmp.resolve("readpst");
        Samples.readpst(pst, out);
        Map<String, String> ics = props(find(out, ".ics"));
        Map<String, String> vcf = props(find(out, ".vcf"));
        List<PimEntry> entries = new ArrayList<>();
        try (ConnectorSession s = Samples.open(pst)) {
            s.capability(PimReader.class).orElseThrow().read(entries::add);
        }
        List<PimEntry.Item> items = entries.stream().filter(PimEntry.Item.class::isInstance).map(PimEntry.Item.class::cast).toList();
        List<PimEntry.Malformed> skipped = entries.stream().filter(PimEntry.Malformed.class::isInstance)
                .map(PimEntry.Malformed.class::cast).toList();
        assertEquals(2, items.size(), entries.toString());
        assertEquals(1, skipped.size(), entries.toString());
        assertTrue(skipped.get(0).origin().contains("dist-list.pst") && skipped.get(0).reason().contains("distribution lists"),
                skipped.toString());

        String whole = items.stream().filter(i -> i.item().kind() == ItemKind.CALENDAR).findFirst().orElseThrow().item().text();
        Map<String, String> event = props(whole.substring(whole.indexOf("BEGIN:VEVENT"))); // not the VTIMEZONE's
        assertEquals(ics.get("SUMMARY"), event.get("SUMMARY"), "SUMMARY as readpst writes it");
        String text = items.stream().filter(i -> i.item().kind() == ItemKind.CALENDAR).findFirst().orElseThrow().item().text();
        for (String p : List.of("DTSTART", "DTEND")) { // readpst writes UTC; we write the series' own zone: the same instant
            assertEquals(ics.get(p), utc(text, p), p + " as readpst writes it");
        }
        assertEquals(ics.get("RRULE"), event.get("RRULE"), "the weekly recurrence as readpst reads it");
        Map<String, String> card = props(items.stream().filter(i -> i.item().kind() == ItemKind.CONTACTS).findFirst()
                .orElseThrow().item().text());
        assertEquals(vcf.get("N"), card.get("N"), "the structured name");
        assertEquals(words(vcf.get("FN")), words(card.get("FN")), "the formatted name's words (readpst writes the file-as order)");
        assertEquals(vcf.get("EMAIL"), card.get("EMAIL"));
    }

    /**
     * The weekly appointment was made in Outlook in "Pacific Standard Time" (its time-zone definitions say so): at 08:00
     * local every Tuesday. ical4j (an implementation nobody here wrote) expands what we write: the Tuesdays after the
     * end of daylight-saving time on 2016-11-06 are still at 08:00 in Los Angeles, 16:00 UTC, not 15:00 as a UTC series
     * (and readpst's .ics) would have them.
     */
    @Test
    void aRecurringAppointmentKeepsItsLocalTimeAcrossADaylightSavingChange() throws Exception {
        List<PimEntry> entries = new ArrayList<>();
        try (ConnectorSession s = Samples.open(Samples.file("java-libpst/dist-list.pst"))) {
            s.capability(PimReader.class).orElseThrow().read(entries::add);
        }
        String text = entries.stream().filter(PimEntry.Item.class::isInstance).map(e -> ((PimEntry.Item) e).item())
                .filter(i -> i.kind() == ItemKind.CALENDAR).findFirst().orElseThrow().text();
        assertTrue(text.contains("DTSTART;TZID=America/Los_Angeles:20160802T080000") && text.contains("BEGIN:VTIMEZONE")
                && text.contains("TZID:America/Los_Angeles"), text);
        net.fortuna.ical4j.model.Calendar calendar = new net.fortuna.ical4j.data.CalendarBuilder()
                .build(new java.io.StringReader(text));
        net.fortuna.ical4j.model.component.VEvent event = (net.fortuna.ical4j.model.component.VEvent) calendar
                .getComponents("VEVENT").get(0);
        net.fortuna.ical4j.model.Period<java.time.ZonedDateTime> window = new net.fortuna.ical4j.model.Period<>(
                java.time.ZonedDateTime.parse("2016-10-24T00:00Z"), java.time.ZonedDateTime.parse("2016-11-16T00:00Z"));
        java.util.Set<net.fortuna.ical4j.model.Period<java.time.temporal.Temporal>> set = event.calculateRecurrenceSet(window);
        List<String> starts = set.stream().map(p -> java.time.Instant.from(p.getStart()).toString()).sorted().toList();
        assertEquals(List.of("2016-10-25T15:00:00Z", "2016-11-01T15:00:00Z", "2016-11-08T16:00:00Z", "2016-11-15T16:00:00Z"),
                starts, "08:00 in Los Angeles on both sides of 2016-11-06");
    }

    /** A DTSTART/DTEND line of {@code text} as readpst writes it: UTC, {@code yyyyMMdd'T'HHmmss'Z'}. */
    private static String utc(String text, String name) {
        String line = text.substring(text.indexOf("BEGIN:VEVENT")).lines().filter(l -> l.startsWith(name + ";") || l.startsWith(name + ":")).findFirst().orElseThrow();
        String value = line.substring(line.lastIndexOf(':') + 1);
        if (value.endsWith("Z")) {
            return value;
        }
        String zone = line.replaceFirst("^[^;]*;TZID=([^:;]+).*$", "$1");
        java.time.LocalDateTime local = java.time.LocalDateTime.parse(value,
                java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC)
                .format(local.atZone(java.time.ZoneId.of(zone)).toInstant());
    }

    @Test
    void theItemsArriveInRadicaleAndASecondRunChangesNothing() throws Exception {
        Path pst = Samples.file("java-libpst/dist-list.pst");
        try (Radicale radicale = Radicale.start(tmp.resolve("radicale"))) {
            PimReport first = migrate(pst, radicale);
            assertEquals(2, first.created(), first.toString());
            assertEquals(1, first.failures().size(), "the distribution list: " + first.failures());
            List<String> stored;
            try (Stream<Path> s = Files.walk(radicale.storage())) {
                stored = s.filter(p -> !p.toString().contains("/.Radicale"))
                        .filter(p -> p.toString().endsWith(".ics") || p.toString().endsWith(".vcf")).map(p -> {
                    try {
                        return Files.readString(p, StandardCharsets.UTF_8);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).toList();
            }
            assertEquals(2, stored.size(), stored.toString());
            assertTrue(stored.stream().anyMatch(t -> t.contains("SUMMARY:Test appointment") && t.contains("RRULE:FREQ=WEEKLY")), stored.toString());
            assertTrue(stored.stream().anyMatch(t -> t.contains("contact1@rjohnson.id.au")), stored.toString());
            PimReport second = migrate(pst, radicale);
            assertEquals(0, second.created() + second.updated(), second.toString());
            assertEquals(2, second.unchanged(), second.toString());
        }
    }

    private PimReport migrate(Path pst, Radicale radicale) throws Exception {
        Account dav = new Account("dav", Map.of("url", radicale.url(), "login", Radicale.LOGIN, "create", "true",
                "allowPlaintext", "true"), null);
        try (ConnectorSession in = Samples.open(pst);
                ConnectorSession out = new DavConnector().open(dav, Role.DESTINATION, ConnectContext.of(Secret.of(Radicale.PASSWORD)));
                PimState state = PimState.openEmbedded(tmp.resolve("state"), "pair")) {
            return new PimMigration(in.capability(PimReader.class).orElseThrow(), out.capability(PimWriter.class).orElseThrow(),
                    state, EnumSet.allOf(ItemKind.class), null).run();
        }
    }

    private static List<String> words(String fn) {
        return java.util.Arrays.stream(fn.replace("\\,", " ").split("\\s+")).filter(w -> !w.isEmpty()).sorted().toList();
    }

    private static String find(Path dir, String suffix) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return Files.readString(s.filter(p -> p.toString().endsWith(suffix)).findFirst().orElseThrow(), StandardCharsets.UTF_8);
        }
    }

    /** Property name (before any parameter) to value, first occurrence, unfolded. */
    private static Map<String, String> props(String text) {
        Map<String, String> out = new HashMap<>();
        for (String line : text.replaceAll("\r?\n[ \t]", "").split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String name = line.substring(0, colon).split(";")[0];
                String value = line.substring(colon + 1);
                if (name.equals("DTSTART") || name.equals("DTEND")) {
                    value = value.replace("VALUE=DATE-TIME:", "");
                }
                out.putIfAbsent(name, value);
            }
        }
        return out;
    }
}
