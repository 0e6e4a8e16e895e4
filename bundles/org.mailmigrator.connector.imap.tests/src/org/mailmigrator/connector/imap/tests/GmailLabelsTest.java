package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.engine.FolderPlan;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.engine.SessionFactory;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.GmailOptions;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.Hoodiecrow;
import org.mailmigrator.testing.Hoodiecrow.Message;

/**
 * Gmail done right, on real servers: a Gmail-like source (hoodiecrow-imap with X-GM-EXT-1) whose messages carry
 * one X-GM-MSGID in every folder of their labels, into Dovecot behind a relay that counts the commands on the wire.
 * Each message is uploaded once (APPEND), its other labels are copies made on Dovecot (UID COPY); All Mail gives
 * only the messages without another label (to Archive); Starred is the \Flagged flag, Important nothing; Spam and
 * Trash go to Junk and Trash. A second run sends nothing; a label added between runs becomes one UID COPY; a
 * crash between a COPY and its record is resolved without a second copy; the options turn labels into keywords.
 */
class GmailLabelsTest {
    private static final String USER = "gmail-labels";
    private static Dovecot dovecot;
    private static CommandCountingRelay relay;

    // one Gmail message per line: its id and where it sits (a message is one object in every folder of its labels)
    static final Message M1 = msg(1, List.of("\\Seen")).withGmailId("1001"); // INBOX, Work, Work/Projects, Starred
    static final Message M2 = msg(2, List.of()).withGmailId("1002");           // INBOX
    static final Message W2 = msg(3, List.of("\\Seen")).withGmailId("1003");   // Work, Important
    static final Message S1 = msg(4, List.of("\\Seen")).withGmailId("1004");   // Sent
    static final Message D1 = msg(5, List.of("\\Draft")).withGmailId("1005");  // Drafts
    static final Message SP = msg(6, List.of()).withGmailId("1006");           // Spam (not in All Mail)
    static final Message T1 = msg(7, List.of("\\Seen")).withGmailId("1007");   // Trash (not in All Mail)
    static final Message A1 = msg(8, List.of("\\Seen")).withGmailId("1008");   // All Mail only
    static final Message M3 = msg(9, List.of()).withGmailId("1009");           // All Mail and Starred

    @BeforeAll
    static void start() throws Exception {
        dovecot = Dovecot.start(Dovecot.Layout.SLASH);
        relay = new CommandCountingRelay(dovecot.imapPort());
    }

    @AfterAll
    static void stop() throws Exception {
        if (relay != null) {
            relay.close();
        }
        if (dovecot != null) {
            dovecot.close();
        }
    }

    static Hoodiecrow.Storage fixture(boolean m2LabelledWork) {
        List<Message> work = new ArrayList<>(List.of(M1, W2));
        if (m2LabelledWork) {
            work.add(M2); // the label added between runs: the next UID of Work, same X-GM-MSGID
        }
        return new Hoodiecrow.Storage().folder("INBOX", null, List.of(M1, M2)).folder("Work", null, work)
                .folder("Work/Projects", null, List.of(M1))
                .folder("[Gmail]/All Mail", "\\All", List.of(M1, M2, W2, S1, D1, A1, M3))
                .folder("[Gmail]/Sent Mail", "\\Sent", List.of(S1)).folder("[Gmail]/Drafts", "\\Drafts", List.of(D1))
                .folder("[Gmail]/Spam", "\\Junk", List.of(SP)).folder("[Gmail]/Trash", "\\Trash", List.of(T1))
                .folder("[Gmail]/Starred", "\\Flagged", List.of(M1, M3))
                .folder("[Gmail]/Important", "\\Important", List.of(W2));
    }

    @Test
    void eachMessageIsUploadedOnceAndEveryLabelIsAServerSideCopy(@TempDir Path dir) throws Exception {
        Map<String, List<String>> expected = new TreeMap<>();
        expected.put("INBOX", lines(line(M1, "\\Flagged"), line(M2)));
        expected.put("Work", lines(line(M1, "\\Flagged"), line(W2)));
        expected.put("Work/Projects", lines(line(M1, "\\Flagged")));
        expected.put("Sent", lines(line(S1)));
        expected.put("Drafts", lines(line(D1)));
        expected.put("Junk", lines(line(SP)));
        expected.put("Trash", lines(line(T1)));
        expected.put("Archive", lines(line(A1), line(M3, "\\Flagged")));

        MigrationReport first;
        try (Hoodiecrow gmail = Hoodiecrow.start(fixture(false))) {
            relay.reset();
            first = run(gmail, dir);
            assertEquals(Outcome.COMPLETED, first.outcome(), first.toString());
            assertEquals(9, relay.count(CommandCountingRelay.APPENDED), "one upload per Gmail message\n" + first);
            assertEquals(2, relay.count("UID COPY"), "M1 copied from INBOX into Work and Work/Projects\n" + first);
            assertEquals(expected, destination(), first.toString());
            assertNotNull(first.gmail(), first.toString());
            assertEquals(9, first.gmail().messages(), first.gmail().toString());
            assertEquals(11, first.gmail().placements(), first.gmail().toString());
            assertEquals(2, first.gmail().copiedOnServer(), first.gmail().toString());
            assertEquals(List.of(), first.gmail().missing());
            assertEquals(9, first.copied());

            relay.reset();
            MigrationReport second = run(gmail, dir);
            assertEquals(Outcome.COMPLETED, second.outcome(), second.toString());
            assertEquals(0, relay.count(CommandCountingRelay.APPENDED), second.toString());
            assertEquals(0, relay.count("UID COPY"), second.toString());
            assertEquals(0, second.copied());
            assertEquals(11, second.gmail().placed(), second.gmail().toString());
        }
        // between runs M2 gains the label Work: the server restarts with the same UIDs and one more in Work
        try (Hoodiecrow gmail = Hoodiecrow.start(fixture(true))) {
            relay.reset();
            MigrationReport third = run(gmail, dir);
            assertEquals(Outcome.COMPLETED, third.outcome(), third.toString());
            assertEquals(0, relay.count(CommandCountingRelay.APPENDED), "a new label is never a second upload\n" + third);
            assertEquals(1, relay.count("UID COPY"), third.toString());
            expected.put("Work", lines(line(M1, "\\Flagged"), line(W2), line(M2)));
            assertEquals(expected, destination(), third.toString());
            assertEquals(12, third.gmail().placements(), third.gmail().toString());
            assertEquals(List.of(), third.gmail().missing());
        }
    }

    /**
     * After the first run, on the source: M1 loses its label Work/Projects (it keeps INBOX and Work), M2 is starred and
     * M3 unstarred (Gmail's Starred folder changes; the folders of the copies do not). The second run removes M1's
     * copy from Work/Projects (proven: the same message is still in INBOX and Work) and writes the \Flagged of the two
     * stars, with no upload and no copy; a third run sends nothing.
     */
    @Test
    void aRemovedLabelAndChangedStarsFollowInTheNextRun(@TempDir Path dir) throws Exception {
        String user = "gmail-follow";
        try (Hoodiecrow gmail = Hoodiecrow.start(fixture(false))) {
            MigrationReport first = run(gmail, dir, user, settings(), MigrationListener.NONE);
            assertEquals(Outcome.COMPLETED, first.outcome(), first.toString());
            assertEquals(lines(line(M1, "\\Flagged")), destination(user).get("Work/Projects"));
        }
        // the server restarts with the changes; the UIDs of the messages kept are the same
        Hoodiecrow.Storage changed = new Hoodiecrow.Storage().folder("INBOX", null, List.of(M1, M2))
                .folder("Work", null, List.of(M1, W2)).folder("Work/Projects", null, List.of())
                .folder("[Gmail]/All Mail", "\\All", List.of(M1, M2, W2, S1, D1, A1, M3))
                .folder("[Gmail]/Sent Mail", "\\Sent", List.of(S1)).folder("[Gmail]/Drafts", "\\Drafts", List.of(D1))
                .folder("[Gmail]/Spam", "\\Junk", List.of(SP)).folder("[Gmail]/Trash", "\\Trash", List.of(T1))
                .folder("[Gmail]/Starred", "\\Flagged", List.of(M1, M2))
                .folder("[Gmail]/Important", "\\Important", List.of(W2));
        try (Hoodiecrow gmail = Hoodiecrow.start(changed)) {
            relay.reset();
            MigrationReport second = run(gmail, dir, user, settings(), MigrationListener.NONE);
            assertEquals(Outcome.COMPLETED, second.outcome(), second.toString());
            String counts = "APPEND " + relay.count(CommandCountingRelay.APPENDED) + ", UID COPY " + relay.count("UID COPY")
                    + ", UID STORE " + relay.count("UID STORE") + ", UID EXPUNGE " + relay.count("UID EXPUNGE") + "\n" + second;
            assertEquals(0, relay.count(CommandCountingRelay.APPENDED), counts);
            assertEquals(0, relay.count("UID COPY"), counts);
            // M2 +\Flagged in INBOX, M3 -\Flagged in Archive, \Deleted on M1's copy in Work/Projects; one expunge
            assertEquals(3, relay.count("UID STORE"), counts);
            assertEquals(1, relay.count("UID EXPUNGE"), counts);
            assertEquals(1, second.removed(), counts);
            Map<String, List<String>> held = destination(user);
            assertEquals(lines(line(M1, "\\Flagged"), line(M2, "\\Flagged")), held.get("INBOX"), held.toString());
            assertEquals(lines(line(M1, "\\Flagged"), line(W2)), held.get("Work"), held.toString());
            assertEquals(List.of(), held.get("Work/Projects"), "the copy of the removed label is gone\n" + held);
            assertEquals(lines(line(A1), line(M3)), held.get("Archive"), held.toString());
            assertEquals(List.of(), second.gmail().missing());

            relay.reset();
            MigrationReport third = run(gmail, dir, user, settings(), MigrationListener.NONE);
            assertEquals(Outcome.COMPLETED, third.outcome(), third.toString());
            assertEquals(0, relay.count(CommandCountingRelay.APPENDED) + relay.count("UID COPY") + relay.count("UID STORE")
                    + relay.count("UID EXPUNGE"), "nothing more to write\n" + third);
        }
    }

    @Test
    void aCrashBetweenTheCopyAndItsRecordNeitherLosesNorDuplicatesALabel(@TempDir Path dir) throws Exception {
        try (Hoodiecrow gmail = Hoodiecrow.start(fixture(false))) {
            MigrationListener crash = new MigrationListener() {
                @Override
                public void checkpoint(String step, String folder) {
                    if (step.equals("gmail-copied")) {
                        throw new IllegalStateException("killed after the COPY into " + folder);
                    }
                }
            };
            MigrationReport killed = run(gmail, dir, "gmail-crash", settings(), crash);
            assertTrue(killed.outcome() != Outcome.COMPLETED, killed.toString());
            relay.reset();
            MigrationReport resumed = run(gmail, dir, "gmail-crash", settings(), MigrationListener.NONE);
            assertEquals(Outcome.COMPLETED, resumed.outcome(), resumed.toString());
            assertEquals(0, relay.count(CommandCountingRelay.APPENDED), resumed.toString());
            // Work's copy was made before the crash: found again by its fingerprint; only Work/Projects is copied
            assertEquals(1, relay.count("UID COPY"), resumed.toString());
            Map<String, List<String>> held = destination("gmail-crash");
            assertEquals(lines(line(M1, "\\Flagged"), line(W2)), held.get("Work"), held.toString());
            assertEquals(lines(line(M1, "\\Flagged")), held.get("Work/Projects"), held.toString());
            assertEquals(List.of(), resumed.gmail().missing());
        }
    }

    @Test
    void labelsCanBecomeKeywordsAndSpamAndTrashBeLeftOut(@TempDir Path dir) throws Exception {
        try (Hoodiecrow gmail = Hoodiecrow.start(fixture(false))) {
            relay.reset();
            MigrationReport r = run(gmail, dir, "gmail-keywords",
                    settings().withGmail(new GmailOptions(true, true, true)), MigrationListener.NONE);
            assertEquals(Outcome.COMPLETED, r.outcome(), r.toString());
            Map<String, List<String>> expected = new TreeMap<>();
            expected.put("INBOX", lines(line(M1, "\\Flagged", "Work", "Work/Projects"), line(M2)));
            expected.put("Sent", lines(line(S1)));
            expected.put("Drafts", lines(line(D1)));
            expected.put("Archive", lines(line(A1), line(M3, "\\Flagged"), line(W2, "Work", "$Important")));
            assertEquals(expected, destination("gmail-keywords"), r.toString());
            assertEquals(7, relay.count(CommandCountingRelay.APPENDED), r.toString());
            assertEquals(0, relay.count("UID COPY"), r.toString());
        }
    }

    @Test
    void thePlanSaysWhereEachLabelGoesAndWhy() throws Exception {
        try (Hoodiecrow gmail = Hoodiecrow.start(fixture(false))) {
            List<FolderPlan> plan = MigrationEngine.plan(source(gmail), destinationFactory(), settings());
            Map<String, FolderPlan> bySource = new TreeMap<>();
            plan.forEach(p -> bySource.put(p.source(), p));
            assertEquals("INBOX", bySource.get("INBOX").destination());
            assertEquals("Work/Projects", bySource.get("Work/Projects").destination());
            assertTrue(bySource.get("Work/Projects").reason().startsWith("Gmail label 'Work/Projects'"), plan.toString());
            assertEquals("Sent", bySource.get("[Gmail]/Sent Mail").destination());
            assertEquals("Drafts", bySource.get("[Gmail]/Drafts").destination());
            assertEquals("Junk", bySource.get("[Gmail]/Spam").destination());
            assertEquals("Trash", bySource.get("[Gmail]/Trash").destination());
            assertEquals("Archive", bySource.get("[Gmail]/All Mail").destination());
            assertTrue(bySource.get("[Gmail]/All Mail").reason().contains("only the messages with no other label"),
                    plan.toString());
            assertEquals("", bySource.get("[Gmail]/Starred").destination());
            assertTrue(bySource.get("[Gmail]/Starred").reason().contains("\\Flagged flag on every copy"), plan.toString());
            assertEquals("", bySource.get("[Gmail]/Important").destination());
            assertEquals("", bySource.get("[Gmail]").destination());
            assertEquals("[Gmail]/All Mail", plan.get(plan.size() - 1).source(), "All Mail comes last: " + plan);
        }
    }

    private static MigrationReport run(Hoodiecrow gmail, Path dir) throws Exception {
        return run(gmail, dir, USER, settings(), MigrationListener.NONE);
    }

    private static MigrationReport run(Hoodiecrow gmail, Path dir, String user, MigrationSettings settings,
            MigrationListener listener) throws Exception {
        try (StateStore state = StateStore.openEmbedded(dir, "gmail")) {
            return new MigrationEngine(source(gmail), destinationFactory(user), state, settings, listener).run();
        }
    }

    static MigrationSettings settings() {
        return MigrationSettings.defaults().withRetries(2, Duration.ofMillis(100));
    }

    static SessionFactory source(Hoodiecrow gmail) {
        Account a = new Account("imap", Map.of("host", Hoodiecrow.HOST, "port", String.valueOf(gmail.port()),
                "security", "plain", "login", Hoodiecrow.USER), new CredentialRef(Hoodiecrow.USER));
        return () -> new ImapConnector().open(a, Role.SOURCE, ConnectContext.of(Secret.of(Hoodiecrow.PASSWORD)));
    }

    private static SessionFactory destinationFactory() {
        return destinationFactory(USER);
    }

    private static SessionFactory destinationFactory(String user) {
        return destinationFactory(relay, user);
    }

    /** Dovecot past the relay that counts the commands. */
    static SessionFactory destinationFactory(CommandCountingRelay relay, String user) {
        Account a = new Account("imap", Map.of("host", Dovecot.HOST, "port", String.valueOf(relay.port()),
                "security", "plain", "login", user), new CredentialRef(user));
        return () -> new ImapConnector().open(a, Role.DESTINATION, ConnectContext.of(Secret.of(Dovecot.PASSWORD)));
    }

    /** Dovecot's folders as "hash flags" lines, read past the relay (so they do not count). */
    private static Map<String, List<String>> destination() throws Exception {
        return destination(USER);
    }

    private static Map<String, List<String>> destination(String user) throws Exception {
        return destination(dovecot, user);
    }

    static Map<String, List<String>> destination(Dovecot dovecot, String user) throws Exception {
        Map<String, List<String>> out = new TreeMap<>();
        try (ImapProbe probe = ImapProbe.login(dovecot, user)) {
            probe.snapshot().forEach((folder, msgs) -> out.put(folder,
                    lines(msgs.stream().map(l -> l.substring(0, l.lastIndexOf(' '))).toArray(String[]::new))));
        }
        return out;
    }

    static List<String> lines(String... lines) {
        List<String> out = new ArrayList<>(List.of(lines));
        out.sort(null);
        return out;
    }

    static String line(Message m, String... extraFlags) throws Exception {
        TreeSet<String> flags = new TreeSet<>(m.flags());
        flags.addAll(List.of(extraFlags));
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(m.raw());
        return HexFormat.of().formatHex(digest).substring(0, 16) + " " + flags;
    }

    private static Message msg(int i, List<String> flags) {
        String raw = "From: Someone <g" + i + "@example.org>\r\nTo: testuser@example.org\r\nSubject: gmail " + i
                + "\r\nMessage-ID: <g" + i + "@example.org>\r\nDate: Fri, 13 Sep 2013 15:01:00 +0300\r\n\r\nBody " + i
                + "\r\n";
        return new Message(raw.getBytes(StandardCharsets.US_ASCII), flags, "1" + i + "-Sep-2013 21:22:28 -0300");
    }
}
