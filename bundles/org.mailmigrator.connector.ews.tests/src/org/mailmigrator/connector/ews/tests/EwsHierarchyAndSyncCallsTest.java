package org.mailmigrator.connector.ews.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.connector.ews.EwsConnector;
import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.engine.FolderPlan;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.Dovecot;

/**
 * Exchange as a mail source against the EWS PROTOCOL FAKE (not Exchange; every request and every answer validated
 * against Microsoft's EWS schema), into a real Dovecot, with what an administrator moving many mailboxes counts on:
 * <ul>
 * <li>the folder tree is kept between passes as a SyncFolderHierarchy state: a pass whose tree did not change costs
 * one SyncFolderHierarchy (no FindFolder, no GetFolder of the well-known folders), and a folder created, renamed or
 * deleted in Outlook between passes is seen through the changes (the new one copied);</li>
 * <li>Exchange's limit of concurrent sync calls per mailbox (Exchange Online's {@code ConcurrentSyncCalls}) is kept by
 * the connector's sessions together: parallel folder workers never have more than {@code maxSyncCalls}
 * SyncFolderItems of the mailbox in flight, and when the server's limit is lower its refusals (ErrorServerBusy with
 * BackOffMilliseconds, naming the policy value) are waited out, the limit lowered, and every message arrives.</li>
 * </ul>
 * As the registry does, one connector instance serves every session of a pass (the engine's folder workers).
 */
class EwsHierarchyAndSyncCallsTest extends ExchangeIntoDovecot {
    @TempDir
    Path state;

    private MigrationReport pass(String user, Map<String, String> ews, int parallelism) throws Exception {
        EwsConnector exchange = new EwsConnector(); // one per pass, shared by its sessions
        try (StateStore st = StateStore.openEmbedded(state, user)) {
            return new MigrationEngine(
                    () -> exchange.open(EwsRun.ews(fake, ews), Role.SOURCE, ConnectContext.of(Secret.of(EwsRun.PASSWORD))),
                    () -> new ImapConnector().open(MailCorpus.imap(dovecot, user), Role.DESTINATION,
                            ConnectContext.of(Secret.of(Dovecot.PASSWORD))),
                    st, EwsMailRun.fast().withParallelism(parallelism), MigrationListener.NONE).run();
        }
    }

    private List<String> since(int before) {
        return List.copyOf(fake.operations.subList(before, fake.operations.size()));
    }

    private static long count(List<String> operations, String name) {
        return operations.stream().filter(name::equals).count();
    }

    private static List<String> sources(MigrationReport r) {
        return r.plan().stream().filter(FolderPlan::selectable).map(FolderPlan::source).toList();
    }

    /** One message put into a folder of the fake, and the line it must give in Dovecot's {@code dovecotFolder}. */
    private String message(String folder, String dovecotFolder, String subject, int n) throws Exception {
        byte[] mime = ExchangeCorpus.mime(subject, "<m" + n + "@example.org>", "");
        Instant when = Instant.parse("2023-01-02T03:04:05Z").plusSeconds(n * 60L);
        fake.mail.put(folder, mime, false, List.of(), when, Map.of());
        return ExchangeCorpus.line(dovecotFolder, Set.of(), when, mime);
    }

    @Test
    void anUnchangedTreeCostsOneSyncFolderHierarchyAndFoldersChangedInOutlookAreSeenThroughTheChanges() throws Exception {
        String receipts = fake.mail.folders.create("Inbox", "Receipts");
        String classer = fake.mail.folders.create("", "Éléments à classer");
        List<String> expected = new ArrayList<>(List.of(message("Inbox", "INBOX", "Welcome", 1),
                message(receipts, "INBOX/Receipts", "Your receipt", 2), message(classer, classer, "Projet n°1 — état", 3)));
        ExchangeCorpus.specialFolders(dovecot, "tree");
        int before = fake.operations.size();
        MigrationReport first = pass("tree", Map.of(), 2);
        assertEquals(Outcome.COMPLETED, first.outcome(), first.failure());
        List<String> firstAsked = since(before);
        assertEquals(1, count(firstAsked, "SyncFolderHierarchy"), "the tree read once: " + firstAsked);
        assertEquals(0, count(firstAsked, "FindFolder"), "no FindFolder walk: the workers take the pass's tree: " + firstAsked);
        long folders = sources(first).size();

        before = fake.operations.size();
        MigrationReport unchanged = pass("tree", Map.of(), 2);
        assertEquals(Outcome.COMPLETED, unchanged.outcome(), unchanged.failure());
        assertEquals(0, unchanged.copied());
        List<String> expectedAsked = new ArrayList<>(List.of("GetFolder", "SyncFolderHierarchy")); // login check, tree
        for (int i = 0; i < folders; i++) {
            expectedAsked.addAll(List.of("GetFolder", "SyncFolderItems")); // the quick check of each folder
        }
        assertEquals(expectedAsked, since(before), "one SyncFolderHierarchy answering no changes, no FindFolder/GetFolder walk");
        assertEquals(sources(first), sources(unchanged), "the same tree, from the kept state");

        // between the passes, in Outlook: a folder created with two messages, one renamed, one deleted
        String projects = fake.mail.folders.create("Inbox", "Projects");
        Instant at = Instant.parse("2024-02-03T04:05:06Z");
        byte[] one = ExchangeCorpus.mime("Project kick-off", "<kick@example.org>", "");
        byte[] two = ExchangeCorpus.mime("Project budget", "<budget@example.org>", "");
        fake.mail.put(projects, one, true, List.of(), at, Map.of());
        fake.mail.put(projects, two, false, List.of(), at.plusSeconds(60), Map.of());
        expected.add(ExchangeCorpus.line("INBOX/Projects", Set.of("\\Seen"), at, one));
        expected.add(ExchangeCorpus.line("INBOX/Projects", Set.of(), at.plusSeconds(60), two));
        fake.mail.folders.rename("Éléments à classer", "À classer");
        expected.addAll(expected.stream().filter(l -> l.startsWith("Éléments à classer ")) // copied under the new name
                .map(l -> "À classer " + l.substring("Éléments à classer ".length())).toList());
        fake.mail.folders.delete("Inbox/Receipts"); // its copy stays in Dovecot: no mirror

        before = fake.operations.size();
        MigrationReport changed = pass("tree", Map.of(), 2);
        assertEquals(Outcome.COMPLETED, changed.outcome(), changed.failure());
        List<String> asked = since(before);
        assertEquals(1, count(asked, "SyncFolderHierarchy"), asked.toString());
        assertEquals(0, count(asked, "FindFolder"), "the changes came with the SyncFolderHierarchy: " + asked);
        List<String> now = sources(changed);
        assertTrue(now.contains("INBOX/Projects") && now.contains("À classer"), now.toString());
        assertFalse(now.contains("Éléments à classer") || now.contains("INBOX/Receipts"), now.toString());
        assertEquals(3, changed.copied(), "the new folder's two messages and the renamed folder's one: " + changed);
        expected.sort(null);
        assertEquals(expected, ExchangeCorpus.inDovecot(dovecot, "tree"));

        // the same pair's state, now read for another mailbox (impersonation): the kept tree is not that mailbox's
        before = fake.operations.size();
        int distinguished = fake.distinguished.size();
        MigrationReport other = pass("tree", Map.of("impersonate", "bob@example.org"), 2);
        assertEquals(Outcome.COMPLETED, other.outcome(), other.failure());
        asked = since(before);
        assertTrue(fake.distinguished.size() - distinguished >= 7, "the login's Calendar, then the root, the Inbox and the"
                + " four special folders bound by their distinguished names again: " + asked);
        assertEquals(1, count(asked, "SyncFolderHierarchy"), asked.toString());
        assertEquals(List.of(), fake.violations);
    }

    /** Eight folders with one message each besides the Inbox and the special folders: more folders than workers. */
    private List<String> manyFolders() throws Exception {
        List<String> expected = new ArrayList<>(List.of(message("Inbox", "INBOX", "Welcome", 0)));
        for (int f = 1; f <= 8; f++) {
            String path = fake.mail.folders.create("", "Project " + f);
            expected.add(message(path, path, "Project " + f + " note", f));
        }
        expected.sort(null);
        return expected;
    }

    @Test
    void parallelFolderWorkersNeverHaveMoreSyncCallsOfTheMailboxInFlightThanTheLimit() throws Exception {
        List<String> expected = manyFolders();
        ExchangeCorpus.specialFolders(dovecot, "limit");
        fake.throttle.limit = 2; // the server refuses a third
        fake.throttle.holdUntil = 2; // each SyncFolderItems waits (up to 500 ms) for a second one: a third would come
        fake.throttle.holdMillis = 500;
        Map<String, String> ews = new HashMap<>(Map.of("maxSyncCalls", "2"));
        MigrationReport r = pass("limit", ews, 6);
        assertEquals(Outcome.COMPLETED, r.outcome(), r.failure());
        assertTrue(sources(r).size() >= 13, sources(r).toString());
        assertEquals(2, fake.throttle.max("own"), "two sync calls of the mailbox at once, never more");
        assertEquals(0, fake.throttle.refused.get(), "no sync call was refused: the connector kept within the limit");
        assertEquals(expected, ExchangeCorpus.inDovecot(dovecot, "limit"), "every message arrived");
        assertEquals(List.of(), fake.violations);
    }

    @Test
    void aServerLimitBelowTheSettingIsWaitedOutLearntAndEveryMessageArrives() throws Exception {
        List<String> expected = manyFolders();
        ExchangeCorpus.specialFolders(dovecot, "learn");
        fake.throttle.limit = 2; // Exchange allows two; the connector's default is five
        fake.throttle.holdUntilRefused = true; // the accepted ones wait (up to a second) until a third was refused
        MigrationReport r = pass("learn", Map.of(), 6);
        assertEquals(Outcome.COMPLETED, r.outcome(), r.failure());
        int refused = fake.throttle.refused.get();
        assertTrue(refused >= 1, "the fake refused a sync call above its limit");
        assertTrue(refused <= 3, "after Exchange named its policy value (2) the connector kept to it; refused: " + refused
                + " (at most the three sent at once above two before the first refusal came back)");
        assertTrue(fake.throttle.max("own") <= 2);
        assertEquals(expected, ExchangeCorpus.inDovecot(dovecot, "learn"), "every message arrived, none twice");
        assertEquals(0, r.skipped().size(), r.skipped().toString());
        assertEquals(List.of(), fake.violations);
    }
}
