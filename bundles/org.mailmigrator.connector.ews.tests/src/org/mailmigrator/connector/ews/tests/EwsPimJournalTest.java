package org.mailmigrator.connector.ews.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.mailmigrator.connector.ical.IcalConnector;
import org.mailmigrator.connector.vcard.VcardConnector;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.Role;
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

/**
 * Calendar, task and contact migrations into the EWS PROTOCOL FAKE (requests validated against Microsoft's schema)
 * stopped at every item, as a crash would stop them: just before the destination write (the journal entry is
 * committed) and just after it (Exchange holds the item, nothing recorded it). The resumed run asks Exchange
 * what it holds ({@code PimWriter.held}: the item under its UID and the digest of its last complete write) and
 * records what was written instead of writing it again: every item once, none written twice.
 */
class EwsPimJournalTest extends AgainstTheFake {
    /** Where a crash stops the run: no clean-up code runs after it (an Error, not a failure the run handles). */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void aRunStoppedBeforeOrAfterAnyWriteResumesWithEveryItemOnceAndNothingWrittenTwice() throws Exception {
        Path sources = sources();
        for (Path source : List.of(sources.resolve("ics"), sources.resolve("vcf"))) {
            int items = countItems(source);
            assertTrue(items >= 4, source + " has " + items + " items");
            for (int at = 1; at <= items; at++) {
                for (boolean afterTheWrite : new boolean[] { false, true }) {
                    stopAndResume(source, at, afterTheWrite);
                }
            }
        }
    }

    private void stopAndResume(Path source, int at, boolean afterTheWrite) throws Exception {
        String where = source.getFileName() + " item " + at + (afterTheWrite ? " after" : " before") + " the write";
        try (EwsProtocolFake fake = new EwsProtocolFake(EwsRun.LOGIN, EwsRun.PASSWORD)) {
            Path state = Files.createTempDirectory(dir, "state");
            AtomicReference<PimItem> stopped = new AtomicReference<>();
            assertThrows(Crash.class, () -> run(source, fake, state, at, afterTheWrite, stopped), where);
            String uid = stopped.get().uid();
            Map<String, Integer> updatesBefore = new HashMap<>(fake.mailbox.updates);
            int createsBefore = fake.mailbox.items.size();

            PimReport resumed = EwsRun.migrate(source, fake, state);
            assertTrue(resumed.complete(), where + ": " + resumed.failure() + " " + resumed.failures());
            List<String> uids = fake.mailbox.items.values().stream().map(i -> i.property("MailMigratorUid"))
                    .filter(u -> u != null && !u.contains("#RDATE#")).sorted().toList();
            assertEquals(uids.stream().distinct().toList(), uids, where + ": an item is in Exchange twice");
            assertTrue(uids.contains(uid), where + ": the stopped item is in Exchange");
            PimOutcome outcome = resumed.outcomes().stream().filter(o -> o instanceof PimOutcome.Created c && c.item().uid().equals(uid)
                    || o instanceof PimOutcome.Updated u && u.item().uid().equals(uid)).findFirst().orElseThrow();
            assertTrue(outcome instanceof PimOutcome.Created, where + ": reported as what it was, a creation: " + outcome.describe());
            if (afterTheWrite) {
                FakeMailbox.Item held = fake.mailbox.byUid(uid);
                assertEquals(updatesBefore.get(held.id()), fake.mailbox.updates.get(held.id()),
                        where + ": the item Exchange already held was written again");
                assertTrue(outcome.describe().contains("found at the destination and recorded"), where + ": " + outcome.describe());
                assertTrue(fake.mailbox.items.size() >= createsBefore, where);
            }
            int before = fake.operations.size();
            PimReport again = EwsRun.migrate(source, fake, state);
            assertEquals(again.outcomes().size(), again.unchanged(), where + ": the next run writes nothing: " + again.outcomes());
            List<String> writes = fake.operations.subList(before, fake.operations.size()).stream()
                    .filter(o -> o.startsWith("Create") || o.startsWith("Update") || o.startsWith("Delete")).toList();
            assertEquals(List.of(), writes, where);
            assertEquals(List.of(), fake.violations, where);
        }
    }

    /** A migration whose {@code at}-th write is cut by a crash, before or after Exchange got it. */
    private static void run(Path source, EwsProtocolFake fake, Path state, int at, boolean afterTheWrite,
            AtomicReference<PimItem> stopped) throws Exception {
        AtomicInteger writes = new AtomicInteger();
        migrate(source, fake, state, writer -> new PimWriter() {
            @Override
            public Written write(PimItem item, Optional<Stored> previous) throws ConnectorException {
                boolean crash = writes.incrementAndGet() == at;
                if (crash) {
                    stopped.set(item);
                }
                if (crash && !afterTheWrite) {
                    throw new Crash();
                }
                Written w = writer.write(item, previous);
                if (crash) {
                    throw new Crash();
                }
                return w;
            }

            @Override
            public Held held(PimItem item, Optional<Stored> previous) throws ConnectorException {
                return writer.held(item, previous);
            }
        });
    }

    private static int countItems(Path source) throws Exception {
        try (EwsProtocolFake fake = new EwsProtocolFake(EwsRun.LOGIN, EwsRun.PASSWORD)) {
            Path state = Files.createTempDirectory("ews-count");
            PimReport r = migrate(source, fake, state, w -> w);
            assertTrue(r.complete() && r.failures().isEmpty(), r.failure() + " " + r.failures());
            assertEquals(List.of(), fake.violations);
            return (int) r.created();
        }
    }

    private static PimReport migrate(Path source, EwsProtocolFake fake, Path state,
            java.util.function.UnaryOperator<PimWriter> wrap) throws Exception {
        boolean vcf = source.getFileName().toString().equals("vcf");
        Account src = new Account(vcf ? "vcard" : "ical", Map.of("path", source.toString()), null);
        try (ConnectorSession in = (vcf ? new VcardConnector() : new IcalConnector()).open(src, Role.SOURCE, ConnectContext.of(null));
                ConnectorSession out = EwsRun.open(fake, EwsRun.PASSWORD); PimState st = PimState.openEmbedded(state, "pair")) {
            return new PimMigration(in.capability(PimReader.class).orElseThrow(),
                    wrap.apply(out.capability(PimWriter.class).orElseThrow()), st, EnumSet.allOf(ItemKind.class), null).run();
        }
    }

    /**
     * Simple events (one request each), a series with overrides and one with RDATE/EXDATE (several requests: the
     * digest goes last), tasks; contacts with and without a photo (the photo is an attachment of its own). Sources:
     * the shared calendar/contacts corpus of connector.dav.tests (its README gives their origin).
     */
    private Path sources() throws Exception {
        Path root = Files.createDirectories(dir.resolve("sources"));
        Path ics = Files.createDirectories(root.resolve("ics"));
        Path vcf = Files.createDirectories(root.resolve("vcf"));
        for (String f : List.of("allday-floating.ics", "overrides.ics", "rdate-exdate.ics", "tasks.ics")) {
            Files.copy(EwsRun.corpus("ics").resolve(f), ics.resolve(f));
        }
        for (String f : List.of("google-30.vcf", "outlook-21-latin1.vcf")) {
            Files.copy(EwsRun.corpus("vcf").resolve(f), vcf.resolve(f));
        }
        return root;
    }
}
