package org.mailmigrator.connector.ews.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailmigrator.connector.ews.EwsConnector;
import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.engine.RunInterrupted;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.Dovecot;

/**
 * Exchange as a mail SOURCE: the EWS PROTOCOL FAKE (not Exchange; every request and every answer validated against
 * Microsoft's EWS schema) holds a mailbox ({@link ExchangeCorpus}), the real engine copies it into a real Dovecot.
 * What a user would check: every message byte for byte in the folder its role maps to, with its flags and arrival
 * date; a second run asks SyncFolderItems for the changes only, copies what arrived since and carries a changed read
 * state over, a third with nothing changed reads no message; a run stopped at any step
 * resumes without duplicates; ErrorServerBusy is answered by waiting; with impersonation every request names the
 * mailbox in a schema-valid ExchangeImpersonation header.
 */
class EwsMailSourceTest extends ExchangeIntoDovecot {
    @TempDir
    Path state;
    private final Set<String> prepared = new java.util.HashSet<>();

    private MigrationReport run(String user, Map<String, String> ews, MigrationListener listener) throws Exception {
        if (prepared.add(user)) {
            ExchangeCorpus.specialFolders(dovecot, user);
        }
        try (StateStore st = StateStore.openEmbedded(state, "ews-source")) {
            return new MigrationEngine(
                    () -> new EwsConnector().open(EwsRun.ews(fake, ews), Role.SOURCE, ConnectContext.of(Secret.of(EwsRun.PASSWORD))),
                    () -> new ImapConnector().open(MailCorpus.imap(dovecot, user), Role.DESTINATION,
                            ConnectContext.of(Secret.of(Dovecot.PASSWORD))),
                    st, EwsMailRun.fast().withParallelism(1), listener).run();
        }
    }

    private MigrationReport run(String user) throws Exception {
        return run(user, Map.of(), MigrationListener.NONE);
    }

    @Test
    void everyMessageArrivesExactlyWithFlagsDatesAndFoldersThenASecondRunCopiesOnlyWhatIsNew() throws Exception {
        List<String> expected = new ArrayList<>(ExchangeCorpus.seed(fake));
        MigrationReport first = run("src-full");
        assertEquals(Outcome.COMPLETED, first.outcome(), first.failure());
        assertEquals(expected.size(), first.copied());
        expected.sort(null);
        assertEquals(expected, ExchangeCorpus.inDovecot(dovecot, "src-full"));
        assertTrue(fake.mail.finds.get() > 3, "the Inbox was listed page by page (5 per page): " + fake.mail.finds);
        assertEquals(List.of(), fake.violations);

        // between the runs: two messages arrive, one is read in Outlook
        FakeMail.Message unread = fake.mail.in("Inbox").stream().filter(m -> java.util.Arrays.equals(m.mime,
                ExchangeCorpus.mime("Newsletter n°1", "<n1@example.org>", ""))).findFirst().orElseThrow();
        unread.read = true;
        fake.mail.changed(unread);
        String bytes = " " + java.util.Base64.getEncoder().encodeToString(unread.mime);
        expected.replaceAll(l -> l.startsWith("INBOX [] ") && l.endsWith(bytes) ? l.replace("INBOX [] ", "INBOX [\\Seen] ") : l);
        expected.add(ExchangeCorpus.put(fake, "Inbox", ExchangeCorpus.mime("Arrived later", "<later@example.org>", ""), false,
                List.of(), Map.of(), Set.of()));
        expected.add(ExchangeCorpus.put(fake, "Sent Items", ExchangeCorpus.mime("Sent later", "<sent2@example.org>", ""), true,
                List.of(), Map.of(), Set.of("\\Seen")));
        int finds = fake.mail.finds.get();
        int before = fake.operations.size();
        MigrationReport second = run("src-full");
        assertEquals(Outcome.COMPLETED, second.outcome(), second.failure());
        assertEquals(2, second.copied(), "only the new messages are copied: " + second);
        long folders = first.plan().stream().filter(org.mailmigrator.core.engine.FolderPlan::selectable).count();
        List<String> asked = List.copyOf(fake.operations.subList(before, fake.operations.size()));
        assertEquals(folders, asked.stream().filter("SyncFolderItems"::equals).count(), "one SyncFolderItems per folder,"
                + " the changed Inbox and Sent Items included (the quick check's answer serves their folder workers): " + asked);
        assertEquals(1, second.flagsUpdated(), "the read state changed in Exchange is carried over");
        assertEquals(finds, fake.mail.finds.get(), "the second run asked SyncFolderItems for the changes, listed no folder");
        expected.sort(null);
        assertEquals(expected, ExchangeCorpus.inDovecot(dovecot, "src-full"));

        int gets = fake.mail.gets.get();
        MigrationReport third = run("src-full");
        assertEquals(Outcome.COMPLETED, third.outcome(), third.failure());
        assertEquals(0, third.copied());
        assertEquals(finds, fake.mail.finds.get(), "nothing changed: no listing");
        assertEquals(gets, fake.mail.gets.get(), "nothing changed: no message read");
        assertEquals(List.of(), fake.violations);
    }

    /**
     * The engine's quick check of a whole account gives an Exchange source each folder's stored SyncFolderItems state:
     * after syncing the folder tree from its kept state, a run with nothing changed asks each folder once (one GetFolder, one SyncFolderItems
     * answering "no changes") and opens none (no FindItem, no GetItem, no second GetFolder or SyncFolderItems from a
     * folder worker; before, the quick check asked without the state, could not say "unchanged", and every folder got a
     * worker).
     */
    @Test
    void anUnchangedFolderTakesTheQuickPathWithOneSyncFolderItemsEach() throws Exception {
        ExchangeCorpus.seed(fake);
        MigrationReport first = run("src-quick");
        assertEquals(Outcome.COMPLETED, first.outcome(), first.failure());
        long folders = first.plan().stream().filter(org.mailmigrator.core.engine.FolderPlan::selectable).count();
        assertTrue(folders >= 7, "the corpus' mail folders: " + first.plan());

        int before = fake.operations.size();
        MigrationReport unchanged = run("src-quick");
        assertEquals(Outcome.COMPLETED, unchanged.outcome(), unchanged.failure());
        assertEquals(0, unchanged.copied());
        List<String> asked = List.copyOf(fake.operations.subList(before, fake.operations.size()));
        // the login check (one GetFolder), the folder tree from its kept state (one SyncFolderHierarchy answering "no
        // changes": no FindFolder, no GetFolder of the well-known folders), then the quick check
        List<String> expected = new ArrayList<>(List.of("GetFolder", "SyncFolderHierarchy"));
        for (int i = 0; i < folders; i++) {
            expected.addAll(List.of("GetFolder", "SyncFolderItems"));
        }
        assertEquals(expected, asked, "one GetFolder and one SyncFolderItems per folder, nothing else: " + asked);
        assertEquals(List.of(), fake.violations);
    }

    @ParameterizedTest(name = "stop at {0} #{1}")
    @CsvSource({ "journal-written, 1", "appended, 2", "recorded, 3" })
    void aRunStoppedAtAnyStepResumesWithoutDuplicates(String step, int occurrence) throws Exception {
        List<String> expected = new ArrayList<>(ExchangeCorpus.seed(fake));
        expected.sort(null);
        String user = "src-stop-" + step;
        AtomicInteger seen = new AtomicInteger();
        MigrationReport stopped = run(user, Map.of(), new MigrationListener() {
            @Override
            public void checkpoint(String reached, String folder) {
                if (reached.equals(step) && seen.incrementAndGet() == occurrence) {
                    throw new RunInterrupted("test stops the run at " + step + " #" + occurrence);
                }
            }
        });
        assertEquals(Outcome.INTERRUPTED, stopped.outcome(), stopped.failure());
        MigrationReport resumed = run(user);
        assertEquals(Outcome.COMPLETED, resumed.outcome(), resumed.failure());
        assertEquals(expected, ExchangeCorpus.inDovecot(dovecot, user), "nothing lost, nothing twice");
        MigrationReport again = run(user);
        assertEquals(0, again.copied());
        assertEquals(expected.size(), again.alreadyPresent());
        assertEquals(List.of(), fake.violations);
    }

    @Test
    void serverBusyIsAnsweredByWaitingTheBackOffExchangeAsksFor() throws Exception {
        List<String> expected = new ArrayList<>(ExchangeCorpus.seed(fake));
        expected.sort(null);
        fake.busyReads(2, 300);
        MigrationReport r = run("src-busy");
        assertEquals(Outcome.COMPLETED, r.outcome(), r.failure());
        assertEquals(expected, ExchangeCorpus.inDovecot(dovecot, "src-busy"));
        assertEquals(2, fake.waitsAfterBusy.size(), "both refusals were retried");
        fake.waitsAfterBusy.forEach(w -> assertTrue(w >= 300, "waited " + w + " ms after a BackOffMilliseconds of 300"));
        assertEquals(List.of(), fake.violations);
    }

    @Test
    void aSyncStateExchangeNoLongerAcceptsMakesTheNextRunListTheFolders() throws Exception {
        List<String> expected = new ArrayList<>(ExchangeCorpus.seed(fake));
        assertEquals(Outcome.COMPLETED, run("src-expired").outcome());
        fake.mail.expireSyncStates();
        expected.add(ExchangeCorpus.put(fake, "Inbox", ExchangeCorpus.mime("After the move", "<moved@example.org>", ""), false,
                List.of(), Map.of(), Set.of()));
        int finds = fake.mail.finds.get();
        MigrationReport r = run("src-expired");
        assertEquals(Outcome.COMPLETED, r.outcome(), r.failure());
        assertEquals(1, r.copied());
        assertTrue(fake.mail.finds.get() > finds, "the folders were listed again");
        expected.sort(null);
        assertEquals(expected, ExchangeCorpus.inDovecot(dovecot, "src-expired"));
        assertEquals(List.of(), fake.violations);
    }

    @Test
    void withImpersonationEveryRequestNamesTheMailboxInASchemaValidHeader() throws Exception {
        List<String> expected = new ArrayList<>(ExchangeCorpus.seed(fake));
        expected.sort(null);
        MigrationReport r = run("src-imp", Map.of("impersonate", "bob@example.org"), MigrationListener.NONE);
        assertEquals(Outcome.COMPLETED, r.outcome(), r.failure());
        assertEquals(expected, ExchangeCorpus.inDovecot(dovecot, "src-imp"));
        assertTrue(fake.impersonated.size() > 10);
        assertEquals(Set.of("bob@example.org"), Set.copyOf(fake.impersonated.stream().map(Objects::toString).toList()),
                "every request impersonates the mailbox");
        assertEquals(List.of(), fake.violations);
    }

    @Test
    void withFullAccessTheAdministratorReadsTheOtherMailboxWithoutImpersonation() throws Exception {
        List<String> expected = new ArrayList<>(ExchangeCorpus.seed(fake));
        expected.sort(null);
        MigrationReport r = run("src-delegate", Map.of("mailbox", "bob@example.org", "access", "fullaccess"), MigrationListener.NONE);
        assertEquals(Outcome.COMPLETED, r.outcome(), r.failure());
        assertEquals(expected, ExchangeCorpus.inDovecot(dovecot, "src-delegate"));
        assertTrue(fake.impersonated.stream().allMatch(Objects::isNull), "no request impersonates: " + fake.impersonated);
        assertTrue(fake.distinguished.size() >= 6, "the well-known folders were opened: " + fake.distinguished);
        assertEquals(Set.of("bob@example.org"), Set.copyOf(fake.distinguished), "each by bob's mailbox");
        assertEquals(List.of(), fake.violations);
    }

    /** The online archive (ArchiveMsgFolderRoot) read instead of the primary folders, its tree under "Archive". */
    @Test
    void theOnlineArchiveIsReadIntoAnArchiveFolderTree() throws Exception {
        ExchangeCorpus.seed(fake); // the primary mailbox, which this run must not read
        String inbox = fake.mail.folders.archiveFolder("", "Inbox");
        String year = fake.mail.folders.archiveFolder("", "2019");
        java.time.Instant at = java.time.Instant.parse("2019-05-06T07:08:09Z");
        byte[] old = ExchangeCorpus.mime("Archived in 2019", "<a2019@example.org>", "");
        byte[] older = ExchangeCorpus.mime("Archived mail of the Inbox", "<ainbox@example.org>", "");
        fake.mail.put(year, old, true, List.of(), at, Map.of());
        fake.mail.put(inbox, older, false, List.of(), at.plusSeconds(60), Map.of());
        MigrationReport r = run("src-archive", Map.of("archive", "true"), MigrationListener.NONE);
        assertEquals(Outcome.COMPLETED, r.outcome(), r.failure());
        List<String> expected = new ArrayList<>(List.of(ExchangeCorpus.line("Archive/2019", Set.of("\\Seen"), at, old),
                ExchangeCorpus.line("Archive/Inbox", Set.of(), at.plusSeconds(60), older)));
        expected.sort(null);
        assertEquals(expected, ExchangeCorpus.inDovecot(dovecot, "src-archive"), "the archive only, below Archive");
        assertEquals(List.of(), fake.violations);
    }
}
