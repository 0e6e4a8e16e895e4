package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.core.engine.FolderPlan;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.testing.Dovecot;

/**
 * Folder names between servers of different layouts, special-use mapping, filters, explicit maps, dry run. One
 * Dovecot of each layout serves the class; every test has accounts of its own on them.
 */
class FolderMappingTest {
    @AutoClose
    private static Dovecot slash;
    @AutoClose
    private static Dovecot courier;

    @BeforeAll
    static void start() throws Exception {
        slash = Dovecot.start(Dovecot.Layout.SLASH);
        courier = Dovecot.start(Dovecot.Layout.INBOX_PREFIX);
    }

    @Test
    void inboxPrefixServerToSlashServer(@TempDir Path state) throws Exception {
        try (ImapProbe p = ImapProbe.login(courier, "alice")) {
            for (String f : List.of("INBOX.Sent", "INBOX.Work", "INBOX.Work.Projects", "INBOX.Éléments envoyés")) {
                p.create(f, true);
                p.append(f, ("Subject: in " + f + "\r\n\r\nbody\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        Set.of("\\Seen", "Later"), Instant.parse("2021-06-01T10:00:00Z"));
            }
            p.append("INBOX", "Subject: inbox\r\n\r\nbody\r\n".getBytes(), Set.of(), Instant.parse("2021-06-02T10:00:00Z"));
        }
        MigrationReport r = new Pair(courier, "alice", slash, "bob", state).run();
        assertEquals(Outcome.COMPLETED, r.outcome(), r.failure());
        Map<String, String> names = Map.of("INBOX.Sent", "Sent", "INBOX.Work", "Work", "INBOX.Work.Projects",
                "Work/Projects", "INBOX.Éléments envoyés", "Éléments envoyés");
        Verify.sameMail(courier, "alice", slash, "bob", names);
        FolderPlan work = r.plan().stream().filter(p -> p.source().equals("INBOX.Work.Projects")).findFirst().orElseThrow();
        assertTrue(work.reason().contains("source prefix 'INBOX.' removed"), work.reason());
    }

    @Test
    void slashServerToInboxPrefixServerWithNonAsciiAndNestedFolders(@TempDir Path state) throws Exception {
        Corpus.load(slash, "carol", 2);
        MigrationReport r = new Pair(slash, "carol", courier, "dave", state).run();
        assertEquals(Outcome.COMPLETED, r.outcome(), r.failure());
        Map<String, String> names = new HashMap<>();
        for (String f : TestCorpus.FOLDERS) {
            names.put(f, f.equals("INBOX") ? "INBOX" : "INBOX." + f.replace('.', '_').replace('/', '.'));
        }
        Verify.sameMail(slash, "carol", courier, "dave", names);
        FolderPlan dot = r.plan().stream().filter(p -> p.source().equals("Work/Projects/v2.0 release")).findFirst()
                .orElseThrow();
        assertEquals("INBOX.Work.Projects.v2_0 release", dot.destination());
        assertTrue(dot.reason().contains("replaced by '_'"), dot.reason());
        try (ImapProbe d = ImapProbe.login(courier, "dave")) {
            Map<String, String> folders = d.folders();
            assertEquals("", folders.get("INBOX.Old Mail"), "unsubscribed stays unsubscribed: " + folders);
            assertEquals("subscribed", folders.get("INBOX.Photos 📷"), folders.toString());
            assertTrue(folders.containsKey("INBOX.Empty"), "empty folder created: " + folders);
        }
    }

    @Test
    void specialUseByUsualNamesFiltersMapsAndDryRun(@TempDir Path state) throws Exception {
        Dovecot d = slash;
        try (ImapProbe s = ImapProbe.login(d, "erin"); ImapProbe t = ImapProbe.login(d, "frank")) {
            for (String f : List.of("Gesendete Elemente", "Papierkorb", "Keep", "Skip", "Skip/Me")) {
                s.create(f, true);
                s.append(f, ("Subject: " + f + "\r\n\r\nx\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        Set.of("\\Seen"), Instant.parse("2022-02-02T02:02:02Z"));
            }
            t.create("Sent", true);
            t.create("Trash", true);
        }
        var settings = Pair.fast().withFilters(List.of(), List.of("^Skip"), Map.of("Keep", "Archive/Kept"));
        Pair pair = new Pair(d, "erin", d, "frank", state);
        MigrationReport plan = pair.run(settings.withDryRun(true), MigrationListener.NONE);
        assertEquals(Outcome.COMPLETED, plan.outcome(), plan.failure());
        Map<String, FolderPlan> bySource = new HashMap<>();
        plan.plan().forEach(p -> bySource.put(p.source(), p));
        assertEquals(Set.of("INBOX", "Gesendete Elemente", "Papierkorb", "Keep"), bySource.keySet());
        assertEquals("Sent", bySource.get("Gesendete Elemente").destination());
        assertTrue(bySource.get("Gesendete Elemente").reason().contains("usual name of \\Sent"),
                bySource.get("Gesendete Elemente").reason());
        assertEquals("Trash", bySource.get("Papierkorb").destination());
        assertEquals("Archive/Kept", bySource.get("Keep").destination());
        assertEquals(1, bySource.get("Keep").messages());
        assertTrue(bySource.get("Keep").bytes() > 0);
        try (ImapProbe t = ImapProbe.login(d, "frank")) {
            assertEquals(Set.of("INBOX", "Sent", "Trash"), t.folders().keySet(), "a dry run writes nothing");
        }
        MigrationReport run = pair.run(settings, MigrationListener.NONE);
        assertEquals(Outcome.COMPLETED, run.outcome(), run.failure());
        assertEquals(3, run.copied());
        try (ImapProbe s = ImapProbe.login(d, "erin"); ImapProbe t = ImapProbe.login(d, "frank")) {
            assertEquals(s.messages("Gesendete Elemente"), t.messages("Sent"));
            assertEquals(s.messages("Papierkorb"), t.messages("Trash"));
            assertEquals(s.messages("Keep"), t.messages("Archive/Kept"));
            assertTrue(t.folders().keySet().stream().noneMatch(f -> f.startsWith("Skip")), t.folders().toString());
        }
    }
}
