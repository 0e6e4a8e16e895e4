package org.mailmigrator.connector.dav.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailmigrator.connector.dav.DavConnector;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.pim.PimMigration;
import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.pim.PimReport;
import org.mailmigrator.core.pim.PimState;
import org.mailmigrator.core.pim.PimWriter;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.testing.Radicale;
import org.mailmigrator.testing.Xandikos;

/**
 * Calendars found from the server root {@code /} whose owner gave them no display name. Radicale then answers the
 * calendar's path as its display name ("alice/work"), which was taken as the calendar's name and addressed on the
 * destination as {@code alice%2Fwork/}: Radicale refused it (403), Xandikos too (409). The calendar is now named after
 * its last segment ("work") on both servers, and a display name with a slash ("Sales/EMEA") gets a path without one.
 */
class UnnamedCalendarTest {
    private static Path dir;
    private static Radicale radicale;
    private static Radicale radicaleTarget;
    private static Xandikos xandikos;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("unnamed-calendar");
        radicale = Radicale.start(dir.resolve("radicale"));
        radicaleTarget = Radicale.start(dir.resolve("radicale-target"));
        xandikos = Xandikos.start(dir.resolve("xandikos"));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {radicale, radicaleTarget, xandikos}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // the next server still stops
            }
        }
    }

    @Test
    void radicaleCalendarsWithoutDisplayNameReachXandikosAndRadicaleUnderTheirOwnName() throws Exception {
        String auth = basic(Radicale.LOGIN, Radicale.PASSWORD);
        assertEquals(201, send(radicale.url(), auth, "MKCALENDAR", "/alice/work/", null));
        assertEquals(201, send(radicale.url(), auth, "PUT", "/alice/work/a.ics", event("unnamed-a@test", "Planning")));
        assertEquals(201, send(radicale.url(), auth, "MKCALENDAR", "/alice/sales/", "<?xml version=\"1.0\"?><c:mkcalendar xmlns:d=\"DAV:\""
                + " xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:set><d:prop><d:displayname>Sales/EMEA</d:displayname></d:prop>"
                + "</d:set></c:mkcalendar>"));
        assertEquals(201, send(radicale.url(), auth, "PUT", "/alice/sales/b.ics", event("unnamed-b@test", "Forecast")));

        PimReport toXandikos = run(radicale.url(), Radicale.LOGIN, Radicale.PASSWORD, xandikos.url(), Xandikos.LOGIN, Xandikos.PASSWORD, "rx");
        assertNull(toXandikos.failure(), toXandikos.failure());
        assertEquals(List.of(), toXandikos.failures(), "both calendars arrive");
        assertEquals(2, toXandikos.created(), toXandikos.outcomes().toString());
        assertTrue(Pim.get(xandikos.url(), only(xandikos.url(), "/user/calendars/work/")).contains("SUMMARY:Planning"));
        assertTrue(Pim.get(xandikos.url(), only(xandikos.url(), "/user/calendars/Sales-EMEA/")).contains("SUMMARY:Forecast"));

        PimReport toRadicale = run(radicale.url(), Radicale.LOGIN, Radicale.PASSWORD, radicaleTarget.url(), Radicale.LOGIN,
                Radicale.PASSWORD, "rr");
        assertEquals(List.of(), toRadicale.failures(), "no 403 for alice%2Fwork");
        assertEquals(2, toRadicale.created(), toRadicale.outcomes().toString());
        assertTrue(Files.isDirectory(radicaleTarget.storage().resolve("collection-root/alice/work")), "the calendar is /alice/work/");
        assertTrue(Files.isDirectory(radicaleTarget.storage().resolve("collection-root/alice/Sales-EMEA")));
        assertEquals(List.of(), run(radicale.url(), Radicale.LOGIN, Radicale.PASSWORD, radicaleTarget.url(), Radicale.LOGIN,
                Radicale.PASSWORD, "rr").outcomes(), "a second run copies nothing");
    }

    @Test
    void xandikosCalendarWithoutDisplayNameReachesRadicaleUnderItsSegment() throws Exception {
        assertEquals(201, send(xandikos.url(), null, "MKCALENDAR", "/user/calendars/home/", null));
        assertEquals(201, send(xandikos.url(), null, "PUT", "/user/calendars/home/c.ics", event("unnamed-c@test", "Review")));
        PimReport r = run(xandikos.url(), Xandikos.LOGIN, Xandikos.PASSWORD, radicaleTarget.url(), Radicale.LOGIN, Radicale.PASSWORD, "xr");
        assertNull(r.failure(), r.failure());
        assertEquals(List.of(), r.failures());
        Map<String, String> back = Pim.readBack(radicaleTarget, "/alice/home/");
        assertTrue(back.values().stream().anyMatch(t -> t.contains("UID:unnamed-c@test")), back.keySet().toString());
    }

    private static PimReport run(String from, String fromLogin, String fromPassword, String to, String toLogin, String toPassword,
            String state) throws Exception {
        Account src = new Account("dav", Map.of("url", from, "login", fromLogin, "allowPlaintext", "true",
                "syncState", dir.resolve(state + "/source.sync").toString()), null);
        Account dst = new Account("dav", Map.of("url", to, "login", toLogin, "create", "true", "allowPlaintext", "true"), null);
        try (ConnectorSession in = new DavConnector().open(src, Role.SOURCE, ConnectContext.of(Secret.of(fromPassword)));
                ConnectorSession out = new DavConnector().open(dst, Role.DESTINATION, ConnectContext.of(Secret.of(toPassword)));
                PimState pim = PimState.openEmbedded(dir.resolve(state), "pair")) {
            return new PimMigration(in.capability(PimReader.class).orElseThrow(), out.capability(PimWriter.class).orElseThrow(), pim,
                    EnumSet.allOf(ItemKind.class), null).run();
        }
    }

    private static String only(String server, String collection) throws Exception {
        List<String> members = Pim.readBackPaths(server, collection);
        assertEquals(1, members.size(), collection + ": " + members);
        return members.get(0);
    }

    private static String event(String uid, String summary) {
        return String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//mailmigrator tests//EN", "BEGIN:VEVENT", "UID:" + uid,
                "DTSTAMP:20260101T090000Z", "DTSTART:20260105T090000Z", "DTEND:20260105T100000Z", "SUMMARY:" + summary,
                "END:VEVENT", "END:VCALENDAR", "");
    }

    private static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static int send(String server, String auth, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server).resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        if (body != null) {
            b.header("Content-Type", method.equals("PUT") ? "text/calendar; charset=utf-8" : "application/xml; charset=utf-8");
        }
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(b.build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
