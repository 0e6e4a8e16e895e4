package org.mailmigrator.connector.dav.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mailmigrator.connector.dav.DavConnector;
import org.mailmigrator.connector.ical.IcalConnector;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.pim.PimMigration;
import org.mailmigrator.core.pim.PimOutcome;
import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.pim.PimReport;
import org.mailmigrator.core.pim.PimState;
import org.mailmigrator.core.pim.PimWriter;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.testing.Radicale;

/** What a run leaves on a real Radicale and how it reads: no empty calendar, no rewrite through another URL. */
class DavRunsTest extends AgainstRadicale {

    private PimReport migrate(Path source, String url, String state) throws Exception {
        Account src = new Account("ical", Map.of("path", source.toString()), null);
        Account dst = new Account("dav", Map.of("url", url, "login", Radicale.LOGIN, "create", "true", "allowPlaintext", "true"), null);
        try (ConnectorSession in = new IcalConnector().open(src, Role.SOURCE, ConnectContext.of(null));
                ConnectorSession out = new DavConnector().open(dst, Role.DESTINATION, ConnectContext.of(Secret.of(Radicale.PASSWORD)));
                PimState s = PimState.openEmbedded(dir.resolve("state"), state)) {
            return new PimMigration(in.capability(PimReader.class).orElseThrow(), out.capability(PimWriter.class).orElseThrow(), s,
                    EnumSet.allOf(ItemKind.class), null).run();
        }
    }

    @Test
    void aCalendarWhoseEveryItemTheServerRefusesIsNotLeftBehindEmpty() throws Exception {
        Path file = Files.writeString(dir.resolve("refused.ics"), String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN",
                "BEGIN:VEVENT", "UID:no-start@test", "DTSTAMP:20240101T000000Z", "SUMMARY:an event without DTSTART", "END:VEVENT",
                "END:VCALENDAR", ""));
        PimReport r = migrate(file, server.url(), "refused");
        assertEquals(0, r.created());
        List<PimOutcome.Failed> failures = r.failures();
        assertEquals(1, failures.size(), r.outcomes().toString());
        assertTrue(failures.get(0).reason().contains("the server refused") && failures.get(0).reason().contains("HTTP 400")
                && failures.get(0).reason().contains("Bad Request"), failures.get(0).reason());
        assertEquals(404, Pim.send(server, "PROPFIND", "/alice/refused/", null, Map.of("Depth", "0")).statusCode(),
                "no empty calendar left on the server");
    }

    @Test
    void theSameServerReachedThroughAnotherUrlRewritesNothing() throws Exception {
        PimReport first = migrate(Corpus.file("ics", "tasks.ics"), server.url(), "by-address");
        assertEquals(3, first.created(), first.outcomes().toString());
        assertTrue(first.notes().stream().anyMatch(n -> n.contains("created the calendar 'tasks'")), first.notes().toString());
        Map<String, String> before = etags();
        PimReport other = migrate(Corpus.file("ics", "tasks.ics"), "http://localhost:" + server.port() + "/alice/", "by-name");
        assertEquals(0, other.created(), other.outcomes().toString());
        assertEquals(0, other.updated(), other.outcomes().toString());
        assertEquals(3, other.unchanged(), other.outcomes().toString());
        assertEquals(before, etags(), "no resource rewritten");
    }

    private Map<String, String> etags() throws Exception {
        String body = Pim.send(server, "PROPFIND", "/alice/tasks/", "<?xml version=\"1.0\"?><d:propfind xmlns:d=\"DAV:\"><d:prop>"
                + "<d:getetag/></d:prop></d:propfind>", Map.of("Depth", "1")).body();
        Map<String, String> out = new java.util.TreeMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<(?:\\w+:)?href>([^<]+\\.ics)</(?:\\w+:)?href>.*?<(?:\\w+:)?getetag>([^<]+)<",
                java.util.regex.Pattern.DOTALL).matcher(body);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        assertEquals(3, out.size(), body);
        return out;
    }
}
