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
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.connector.dav.DavConnector;
import org.mailmigrator.connector.ical.IcalConnector;
import org.mailmigrator.connector.vcard.VcardConnector;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.pim.PimItem;
import org.mailmigrator.core.pim.PimMigration;
import org.mailmigrator.core.pim.PimOutcome;
import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.pim.PimReport;
import org.mailmigrator.core.pim.PimState;
import org.mailmigrator.core.pim.PimWriter;
import org.mailmigrator.core.pim.Stored;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.testing.Radicale;
import org.mailmigrator.testing.Xandikos;

/**
 * CalDAV/CardDAV as a source: real-world calendars and cards (real-world/, see its README) are first put on a real
 * source server, then read from it by discovery and copied to another real server. Each item read back from the
 * destination is compared by meaning with the file it came from: it may differ only where the source server's own
 * copy already differs. A second run reads and copies nothing; an item changed on the source is updated once.
 */
class DavSourceTest {
    /** Events with time zones, recurrences with exceptions (RECURRENCE-ID, EXDATE), a task, cards of three versions. */
    static final List<String> ICS = List.of("davx5-synctools/recurring-with-exception1.ics", "davx5-synctools/Karachi.ics",
            "node-ical/daily-count-exdate-recurrence-id.ics", "vobject/vtodo.ics",
            "davx5-synctools/vienna-evolution.ics", "node-ical/google-recurrence-order.ics");
    static final List<String> VCF = List.of("ez-vcard/John_Doe_IPHONE.vcf", "ez-vcard/rfc6350-example.vcf",
            "davx5-synctools/allfields-vcard3.vcf", "ez-vcard/John_Doe_GMAIL.vcf", "ez-vcard/outlook-2007.vcf");

    @TempDir
    Path dir;
    /** When set, the source is reached through it and the second run's requests are checked. */
    NoSyncRelay relay;

    record Server(String url, String login, String password) {
        String auth() {
            return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** What was put on the source: item key to the file and line it came from, and its resource on the source server. */
    record Seeded(Path file, int line, String uid, boolean card, String resource) {
    }

    @Test
    void radicaleToXandikosEveryItemOnceByMeaningThenNothingThenOneChangeOnce() throws Exception {
        try (Radicale radicale = Radicale.start(dir.resolve("radicale")); Xandikos xandikos = Xandikos.start(dir.resolve("xandikos"))) {
            Server source = new Server(radicale.url(), Radicale.LOGIN, Radicale.PASSWORD);
            Server target = new Server(xandikos.url(), Xandikos.LOGIN, Xandikos.PASSWORD);
            scenario(source, target);
        }
    }

    @Test
    void xandikosToRadicaleFromThePrincipalUrlBySyncCollection() throws Exception {
        try (Xandikos xandikos = Xandikos.start(dir.resolve("xandikos")); Radicale radicale = Radicale.start(dir.resolve("radicale"));
                NoSyncRelay watch = new NoSyncRelay(xandikos.port(), false)) {
            relay = watch;
            Server source = new Server(watch.url("/user/"), Xandikos.LOGIN, Xandikos.PASSWORD);
            Server target = new Server(radicale.url(), Radicale.LOGIN, Radicale.PASSWORD);
            scenario(source, target);
        }
    }

    private void scenario(Server source, Server target) throws Exception {
        Map<String, Seeded> seeded = seed(source);
        assertTrue(seeded.size() >= 9, "the source holds the corpus: " + seeded.keySet());

        Map<String, String> sent = new HashMap<>();
        PimReport first = fromDav(source, target, sent);
        assertNull(first.failure(), first.failure());
        assertEquals(List.of(), first.failures(), "every item arrives");
        assertEquals(seeded.size(), first.created(), first.outcomes().toString());
        List<String> lost = new ArrayList<>();
        for (PimOutcome o : first.outcomes()) {
            PimOutcome.Created c = (PimOutcome.Created) o;
            Seeded s = seeded.get(c.item().key());
            assertTrue(s != null, "an item that was not put on the source: " + c.item().key() + " of " + seeded.keySet());
            byte[] file = Files.readAllBytes(s.file());
            String onSource = get(source, s.resource());
            String onTarget = get(target, c.stored().resource());
            List<String> bySource = s.card() ? CorpusDiff.cards(file, s.line(), onSource) : CorpusDiff.events(file, s.line(), s.uid(), onSource);
            // what was sent, against the file: a difference the source server's copy does not have is ours, and must be noted
            String text = sent.get(c.item().key());
            List<String> bySent = s.card() ? CorpusDiff.cards(file, s.line(), text) : CorpusDiff.events(file, s.line(), s.uid(), text);
            String said = String.join(" ", c.notes()).toUpperCase(java.util.Locale.ROOT);
            bySent.stream().filter(p -> !bySource.contains(p) && !said.contains(p.toUpperCase(java.util.Locale.ROOT)))
                    .forEach(p -> lost.add(c.item().describe() + ": " + p));
            if (!s.card()) {
                for (String kept : List.of("TZID=", "RECURRENCE-ID", "RRULE", "EXDATE")) {
                    assertEquals(onSource.contains(kept), onTarget.contains(kept), kept + " of " + c.item().describe() + ":\n" + onTarget);
                }
            }
        }
        assertEquals(List.of(), lost, "nothing the source server held is lost on the way");

        Map<String, String> etags = new HashMap<>();
        for (PimOutcome o : first.outcomes()) {
            Stored st = ((PimOutcome.Created) o).stored();
            etags.put(st.resource(), etag(target, st.resource()));
        }
        if (relay != null) {
            relay.clear();
        }
        PimReport second = fromDav(source, target);
        if (relay != null) {
            // RFC 6578: the second run asks what changed since the token of the first, and fetches nothing
            List<NoSyncRelay.Request> asked = relay.requests();
            assertTrue(asked.stream().anyMatch(r -> r.method().equals("REPORT") && r.body().contains("sync-collection")
                    && !r.body().contains("<d:sync-token></d:sync-token>")), "sync-collection with a token: " + asked);
            assertTrue(asked.stream().noneMatch(r -> r.body().contains("multiget") || r.method().equals("GET")), "nothing fetched: " + asked);
        }
        assertNull(second.failure(), second.failure());
        assertEquals(List.of(), second.outcomes(), "a second run reads nothing again and copies nothing");
        for (Map.Entry<String, String> e : etags.entrySet()) {
            assertEquals(e.getValue(), etag(target, e.getKey()), "not rewritten: " + e.getKey());
        }

        // one event changed on the source between runs
        Seeded changed = seeded.values().stream().filter(s -> s.file().toString().endsWith("recurring-with-exception1.ics")).findFirst().orElseThrow();
        HttpResponse<String> before = send(source, "GET", changed.resource(), null, Map.of());
        String edited = before.body().replaceFirst("(?m)^SUMMARY[^\\r\\n]*", "SUMMARY:Moved by the owner");
        assertTrue(edited.contains("SUMMARY:Moved by the owner"), before.body());
        HttpResponse<String> put = send(source, "PUT", changed.resource(), edited, Map.of("Content-Type", "text/calendar; charset=utf-8",
                "If-Match", before.headers().firstValue("ETag").orElseThrow()));
        assertTrue(put.statusCode() / 100 == 2, "PUT on the source: HTTP " + put.statusCode() + " " + put.body());
        PimReport third = fromDav(source, target);
        assertEquals(0, third.created(), third.outcomes().toString());
        assertEquals(1, third.updated(), third.outcomes().toString());
        assertEquals(1, third.outcomes().size(), "only the changed item is read again: " + third.outcomes());
        PimOutcome.Updated u = (PimOutcome.Updated) third.outcomes().get(0);
        assertTrue(get(target, u.stored().resource()).contains("SUMMARY:Moved by the owner"));
        assertEquals(List.of(), fromDav(source, target).outcomes(), "and after that nothing again");
    }

    /** The corpus files on the source server, through the file readers and the DAV writer. */
    private Map<String, Seeded> seed(Server source) throws Exception {
        Map<String, Seeded> out = new HashMap<>();
        for (boolean card : List.of(false, true)) {
            Path folder = Files.createDirectories(dir.resolve(card ? "seed-vcf" : "seed-ics"));
            for (String f : card ? VCF : ICS) {
                Files.copy(Corpus.realWorld().resolve(f), folder.resolve(Path.of(f).getFileName()));
            }
            Account src = new Account(card ? "vcard" : "ical", Map.of("path", folder.toString()), null);
            Account dst = new Account("dav", Map.of("url", source.url(), "login", source.login(), "create", "true", "allowPlaintext", "true"), null);
            try (ConnectorSession in = (card ? new VcardConnector() : new IcalConnector()).open(src, Role.SOURCE, ConnectContext.of(null));
                    ConnectorSession o = new DavConnector().open(dst, Role.DESTINATION, ConnectContext.of(Secret.of(source.password())));
                    PimState state = PimState.openEmbedded(dir.resolve("state"), "seed")) {
                PimReport r = new PimMigration(in.capability(PimReader.class).orElseThrow(), o.capability(PimWriter.class).orElseThrow(),
                        state, EnumSet.allOf(ItemKind.class), null).run();
                // an item the source server refuses (Xandikos is strict) is simply not on the source
                for (PimOutcome x : r.outcomes()) {
                    if (!(x instanceof PimOutcome.Created c)) {
                        continue;
                    }
                    String origin = c.item().origin();
                    Path file = folder.resolve(origin.substring(0, origin.lastIndexOf(':')));
                    int line = Integer.parseInt(origin.substring(origin.lastIndexOf(':') + 1));
                    out.put(c.item().key(), new Seeded(file, line, c.item().uid(), card, c.stored().resource()));
                }
            }
        }
        return out;
    }

    private PimReport fromDav(Server source, Server target) throws Exception {
        return fromDav(source, target, new HashMap<>());
    }

    /** A run from the source server to the target; {@code sent} receives the text written for each item key. */
    private PimReport fromDav(Server source, Server target, Map<String, String> sent) throws Exception {
        Account src = new Account("dav", Map.of("url", source.url(), "login", source.login(), "allowPlaintext", "true",
                "syncState", dir.resolve("state/dav-source.sync").toString()), null);
        Account dst = new Account("dav", Map.of("url", target.url(), "login", target.login(), "create", "true", "allowPlaintext", "true"), null);
        try (ConnectorSession in = new DavConnector().open(src, Role.SOURCE, ConnectContext.of(Secret.of(source.password())));
                ConnectorSession out = new DavConnector().open(dst, Role.DESTINATION, ConnectContext.of(Secret.of(target.password())));
                PimState state = PimState.openEmbedded(dir.resolve("state"), "pair")) {
            PimWriter writer = out.capability(PimWriter.class).orElseThrow();
            PimWriter recording = new PimWriter() {
                @Override
                public Written write(PimItem item, Optional<Stored> previous) throws ConnectorException {
                    sent.put(item.key(), item.text());
                    return writer.write(item, previous);
                }

                @Override
                public Held held(PimItem item, Optional<Stored> previous) throws ConnectorException {
                    return writer.held(item, previous);
                }
            };
            return new PimMigration(in.capability(PimReader.class).orElseThrow(), recording, state, EnumSet.allOf(ItemKind.class), null).run();
        }
    }

    static String get(Server s, String resource) throws Exception {
        HttpResponse<String> r = send(s, "GET", resource, null, Map.of());
        assertEquals(200, r.statusCode(), resource);
        return r.body();
    }

    static String etag(Server s, String resource) throws Exception {
        return send(s, "GET", resource, null, Map.of()).headers().firstValue("ETag").orElse("");
    }

    static HttpResponse<String> send(Server s, String method, String resource, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.url()).resolve(resource)).header("Authorization", s.auth())
                .version(HttpClient.Version.HTTP_1_1)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(b.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
