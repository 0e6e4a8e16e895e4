package org.mailmigrator.connector.ews.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mailmigrator.connector.dav.DavConnector;
import org.mailmigrator.connector.ical.IcalConnector;
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

/**
 * Calendars read straight from a CalDAV account (a real Radicale holding the corpus) into Exchange (the schema-checked
 * {@link EwsProtocolFake}, a PROTOCOL FAKE): time zones, recurrences and their exceptions arrive as from files, no
 * invitation is sent, and a second run reads nothing and writes nothing.
 */
class EwsFromDavSourceTest extends AgainstTheFake {

    @Test
    void aCalDavAccountIntoExchangeKeepsZonesAndExceptionsThenNothingAgain() throws Exception {
        try (Radicale radicale = Radicale.start(Files.createDirectories(dir.resolve("radicale")))) {
            long seeded = seed(radicale);
            PimReport first = fromDav(radicale);
            assertNull(first.failure(), first.failure());
            assertEquals(List.of(), fake.violations, "every request matches the EWS schema (no invitation sent)");
            assertEquals(List.of(), first.failures(), first.outcomes().toString());
            assertEquals(seeded, first.created(), first.outcomes().toString());

            assertEquals("Romance Standard Time", fake.mailbox.byUid("dst-weekly@corpus.test").element("StartTimeZone").orElseThrow()
                    .getAttribute("Id"));
            FakeMailbox.Item series = fake.mailbox.byUid("override-series@corpus.test");
            assertEquals(Set.of(4), fake.mailbox.deletedOccurrences.get(series.id()), "the cancelled 28 September occurrence");
            assertEquals(Instant.parse("2026-09-15T12:30:00Z"), Instant.parse(Xml.text(fake.mailbox.modifiedOccurrences.get(series.id())
                    .get(2), "Start")));
            assertEquals("InProgress", fake.mailbox.byUid("task-1@corpus.test").field("Status"));

            int requests = fake.operations.size();
            PimReport second = fromDav(radicale);
            assertEquals(List.of(), second.outcomes(), "nothing read again");
            assertEquals(List.of("GetFolder"), fake.operations.subList(requests, fake.operations.size()), "only the login check");
        }
    }

    private long seed(Radicale radicale) throws Exception {
        Account src = new Account("ical", Map.of("path", EwsRun.corpus("ics").toString()), null);
        Account dst = new Account("dav", Map.of("url", radicale.url(), "login", Radicale.LOGIN, "create", "true", "allowPlaintext", "true"), null);
        try (ConnectorSession in = new IcalConnector().open(src, Role.SOURCE, ConnectContext.of(null));
                ConnectorSession out = new DavConnector().open(dst, Role.DESTINATION, ConnectContext.of(Secret.of(Radicale.PASSWORD)));
                PimState state = PimState.openEmbedded(dir.resolve("seed"), "seed")) {
            PimReport r = new PimMigration(in.capability(PimReader.class).orElseThrow(), out.capability(PimWriter.class).orElseThrow(),
                    state, EnumSet.allOf(ItemKind.class), null).run();
            assertTrue(r.created() >= 10, r.outcomes().toString());
            return r.created();
        }
    }

    private PimReport fromDav(Radicale radicale) throws Exception {
        Account src = new Account("dav", Map.of("url", radicale.url(), "login", Radicale.LOGIN, "allowPlaintext", "true",
                "syncState", dir.resolve("state/source.sync").toString()), null);
        try (ConnectorSession in = new DavConnector().open(src, Role.SOURCE, ConnectContext.of(Secret.of(Radicale.PASSWORD)));
                ConnectorSession out = EwsRun.open(fake, EwsRun.PASSWORD); PimState st = PimState.openEmbedded(dir.resolve("state"), "pair")) {
            return new PimMigration(in.capability(PimReader.class).orElseThrow(), out.capability(PimWriter.class).orElseThrow(), st,
                    EnumSet.allOf(ItemKind.class), null).run();
        }
    }
}
