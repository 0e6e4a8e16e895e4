package org.mailmigrator.connector.dav.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.connector.dav.DavConnector;
import org.mailmigrator.connector.ical.IcalConnector;
import org.mailmigrator.connector.vcard.VcardConnector;
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
import org.mailmigrator.testing.Xandikos;

/**
 * A source server without sync-collection (a real Xandikos behind {@link NoSyncRelay}, which hides its sync-token),
 * signed in with an OAuth2 bearer token: members are compared by ETag, so a second run fetches nothing and a changed
 * member is the only one fetched again. Every request carries the bearer token, never a password.
 */
class DavSourceEtagTest {
    static final String TOKEN = "ya29.test-access-token";

    @TempDir
    Path dir;

    @Test
    void withoutSyncTokensEtagsTellWhatChangedAndTheBearerTokenSignsEveryRequest() throws Exception {
        try (Xandikos xandikos = Xandikos.start(dir.resolve("xandikos")); Radicale radicale = Radicale.start(dir.resolve("radicale"));
                NoSyncRelay relay = new NoSyncRelay(xandikos.port())) {
            seed(xandikos, Corpus.file("ics", "tasks.ics"), false);
            seed(xandikos, Corpus.file("vcf", "google-30.vcf"), true);

            PimReport first = run(relay, radicale);
            assertEquals(List.of(), first.failures());
            assertEquals(6, first.created(), first.outcomes().toString());
            List<NoSyncRelay.Request> asked = relay.requests();
            assertTrue(asked.stream().noneMatch(r -> r.body().contains("sync-collection")), "no sync REPORT: " + asked);
            assertTrue(asked.stream().anyMatch(r -> r.method().equals("PROPFIND") && r.body().contains("getetag")), "ETags listed");
            assertTrue(asked.stream().allMatch(r -> r.authorization().equals("Bearer " + TOKEN)),
                    "every request carries the bearer token: " + asked.stream().map(NoSyncRelay.Request::authorization).distinct().toList());

            relay.clear();
            PimReport second = run(relay, radicale);
            assertEquals(List.of(), second.outcomes(), "nothing fetched or copied again");
            assertTrue(relay.requests().stream().noneMatch(r -> r.body().contains("multiget") || r.method().equals("GET")),
                    "no member fetched: " + relay.requests());

            String path = "/user/calendars/tasks/";
            String member = Pim.readBackPaths(xandikos.url(), path).get(0);
            String text = Pim.get(xandikos.url(), member);
            String changed = text.replaceFirst("(?m)^SUMMARY[^\\r\\n]*", "SUMMARY:Changed at the source");
            assertEquals(2, Pim.put(xandikos.url(), member, changed) / 100);
            relay.clear();
            PimReport third = run(relay, radicale);
            assertEquals(1, third.updated(), third.outcomes().toString());
            assertEquals(1, third.outcomes().size(), third.outcomes().toString());
            long fetched = relay.requests().stream().filter(r -> r.body().contains("multiget"))
                    .mapToLong(r -> r.body().split("<d:href>", -1).length - 1).sum();
            assertEquals(1, fetched, "only the changed member is fetched");
        }
    }

    private PimReport run(NoSyncRelay relay, Radicale radicale) throws Exception {
        Account src = new Account("dav", Map.of("url", relay.url("/user/"), "login", Xandikos.LOGIN, "allowPlaintext", "true",
                "auth", "bearer", "syncState", dir.resolve("state/source.sync").toString()), null);
        try (ConnectorSession in = new DavConnector().open(src, Role.SOURCE, ConnectContext.of(Secret.of(TOKEN)));
                ConnectorSession out = Pim.openDav(Pim.dav(radicale, Map.of()), Radicale.PASSWORD);
                PimState state = PimState.openEmbedded(dir.resolve("state"), "pair")) {
            return new PimMigration(in.capability(PimReader.class).orElseThrow(), out.capability(PimWriter.class).orElseThrow(), state,
                    EnumSet.allOf(ItemKind.class), null).run();
        }
    }

    private void seed(Xandikos server, Path file, boolean card) throws Exception {
        Account src = new Account(card ? "vcard" : "ical", Map.of("path", file.toString()), null);
        Account dst = new Account("dav", Map.of("url", server.url(), "login", Xandikos.LOGIN, "create", "true", "allowPlaintext", "true"), null);
        try (ConnectorSession in = (card ? new VcardConnector() : new IcalConnector()).open(src, Role.SOURCE, ConnectContext.of(null));
                ConnectorSession out = new DavConnector().open(dst, Role.DESTINATION, ConnectContext.of(Secret.of(Xandikos.PASSWORD)));
                PimState state = PimState.openEmbedded(dir.resolve("seed"), "seed")) {
            PimReport r = new PimMigration(in.capability(PimReader.class).orElseThrow(), out.capability(PimWriter.class).orElseThrow(),
                    state, EnumSet.allOf(ItemKind.class), null).run();
            assertTrue(r.outcomes().stream().allMatch(o -> o instanceof PimOutcome.Created), r.outcomes().toString());
        }
    }
}
