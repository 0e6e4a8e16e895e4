package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mailmigrator.connector.imap.tests.GmailLabelsTest.A1;
import static org.mailmigrator.connector.imap.tests.GmailLabelsTest.D1;
import static org.mailmigrator.connector.imap.tests.GmailLabelsTest.M1;
import static org.mailmigrator.connector.imap.tests.GmailLabelsTest.M2;
import static org.mailmigrator.connector.imap.tests.GmailLabelsTest.M3;
import static org.mailmigrator.connector.imap.tests.GmailLabelsTest.S1;
import static org.mailmigrator.connector.imap.tests.GmailLabelsTest.SP;
import static org.mailmigrator.connector.imap.tests.GmailLabelsTest.T1;
import static org.mailmigrator.connector.imap.tests.GmailLabelsTest.W2;
import static org.mailmigrator.connector.imap.tests.GmailLabelsTest.line;
import static org.mailmigrator.connector.imap.tests.GmailLabelsTest.lines;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.model.GmailOptions;
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.Hoodiecrow;
import org.mailmigrator.testing.Hoodiecrow.Message;

/**
 * Labels removed on a Gmail-like source (hoodiecrow-imap, X-GM-EXT-1) between two runs into Dovecot, behind the relay
 * that counts the commands: a label kept as a keyword (and {@code $Important}) is taken off the copies, and a
 * message whose only label was removed (now in All Mail only) reaches Archive by a copy on Dovecot of its existing
 * copy, never a second upload. The fixture and helpers are {@link GmailLabelsTest}'s.
 */
class GmailLabelRemovalTest {
    private static Dovecot dovecot;
    private static CommandCountingRelay relay;

    @BeforeAll
    static void start() throws Exception {
        dovecot = Dovecot.start(Dovecot.Layout.SLASH);
        relay = new CommandCountingRelay(dovecot.imapPort());
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable server : new AutoCloseable[] {relay, dovecot}) {
            if (server != null) {
                server.close();
            }
        }
    }

    /** The first run, from GmailLabelsTest's fixture: every message and label on Dovecot. */
    private static void firstRun(Path dir, String user, MigrationSettings settings) throws Exception {
        try (Hoodiecrow gmail = Hoodiecrow.start(GmailLabelsTest.fixture(false))) {
            MigrationReport first = run(gmail, dir, user, settings);
            assertEquals(Outcome.COMPLETED, first.outcome(), first.toString());
        }
    }

    /** The fixture of GmailLabelsTest with the given label folders (INBOX, Work, Work/Projects, Important). */
    private static Hoodiecrow.Storage changed(List<Message> inbox, List<Message> work, List<Message> projects,
            List<Message> important) {
        return changed(inbox, work, projects, important, List.of(M1, M3));
    }

    private static Hoodiecrow.Storage changed(List<Message> inbox, List<Message> work, List<Message> projects,
            List<Message> important, List<Message> starred) {
        return new Hoodiecrow.Storage().folder("INBOX", null, inbox).folder("Work", null, work)
                .folder("Work/Projects", null, projects)
                .folder("[Gmail]/All Mail", "\\All", List.of(M1, M2, W2, S1, D1, A1, M3))
                .folder("[Gmail]/Sent Mail", "\\Sent", List.of(S1)).folder("[Gmail]/Drafts", "\\Drafts", List.of(D1))
                .folder("[Gmail]/Spam", "\\Junk", List.of(SP)).folder("[Gmail]/Trash", "\\Trash", List.of(T1))
                .folder("[Gmail]/Starred", "\\Flagged", starred)
                .folder("[Gmail]/Important", "\\Important", important);
    }

    /**
     * Labels as keywords and Important as {@code $Important}: after the first run M1 loses Work/Projects and W2 loses
     * Important. The second run takes the keywords {@code Work/Projects} and {@code $Important} off the two copies
     * (two UID STORE), with no upload and no copy; a third run writes nothing.
     */
    @Test
    void aRemovedLabelKeywordAndImportantAreTakenOffTheCopies(@TempDir Path dir) throws Exception {
        String user = "gmail-kw-off";
        MigrationSettings settings = GmailLabelsTest.settings().withGmail(new GmailOptions(true, true, false));
        firstRun(dir, user, settings);
        Map<String, List<String>> before = GmailLabelsTest.destination(dovecot, user);
        assertEquals(lines(line(M1, "\\Flagged", "Work", "Work/Projects"), line(M2)), before.get("INBOX"), before.toString());
        assertEquals(lines(line(A1), line(M3, "\\Flagged"), line(W2, "Work", "$Important")), before.get("Archive"),
                before.toString());
        try (Hoodiecrow gmail = Hoodiecrow.start(changed(List.of(M1, M2), List.of(M1, W2), List.of(), List.of()))) {
            relay.reset();
            MigrationReport second = run(gmail, dir, user, settings);
            assertEquals(Outcome.COMPLETED, second.outcome(), second.toString());
            String counts = counts() + "\n" + second;
            assertEquals(0, relay.count(CommandCountingRelay.APPENDED), counts);
            assertEquals(0, relay.count("UID COPY"), counts);
            assertEquals(2, relay.count("UID STORE"), counts);
            Map<String, List<String>> held = GmailLabelsTest.destination(dovecot, user);
            assertEquals(lines(line(M1, "\\Flagged", "Work"), line(M2)), held.get("INBOX"), held.toString());
            assertEquals(lines(line(A1), line(M3, "\\Flagged"), line(W2, "Work")), held.get("Archive"), held.toString());
            assertEquals(List.of(), second.gmail().missing());

            relay.reset();
            MigrationReport third = run(gmail, dir, user, settings);
            assertEquals(Outcome.COMPLETED, third.outcome(), third.toString());
            assertEquals(0, relay.count(CommandCountingRelay.APPENDED) + relay.count("UID COPY")
                    + relay.count("UID STORE") + relay.count("UID EXPUNGE"), "nothing more to write\n" + counts() + third);
        }
    }

    /**
     * Never from missing data: labels as keywords, and in the second run the server will not open Work/Projects (which
     * no longer lists M1) while M2 is starred, so INBOX is listed whole. M2 gets \Flagged; M1's copy keeps the
     * keyword {@code Work/Projects}, since nothing proved the label removed. One UID STORE (M2's).
     */
    @Test
    void aLabelFolderTheServerWillNotOpenTakesNoKeywordAway(@TempDir Path dir) throws Exception {
        String user = "gmail-kw-unlisted";
        MigrationSettings settings = GmailLabelsTest.settings().withGmail(new GmailOptions(true, false, false));
        firstRun(dir, user, settings);
        Hoodiecrow.Storage refused = changed(List.of(M1, M2), List.of(M1, W2), List.of(), List.of(W2),
                List.of(M1, M2, M3)).refuseSelect("Work/Projects", "[UNAVAILABLE] try later");
        try (Hoodiecrow gmail = Hoodiecrow.start(refused)) {
            relay.reset();
            MigrationReport second = run(gmail, dir, user, settings);
            String counts = counts() + "\n" + second;
            assertEquals(1, relay.count("UID STORE"), counts);
            Map<String, List<String>> held = GmailLabelsTest.destination(dovecot, user);
            assertEquals(lines(line(M1, "\\Flagged", "Work", "Work/Projects"), line(M2, "\\Flagged")), held.get("INBOX"),
                    held.toString());
        }
    }

    /**
     * Labels as folders: after the first run M2 is archived (loses INBOX, its only label) and W2 loses Work (its only
     * label; Important is no folder). Both now sit in All Mail only. The second run copies each on Dovecot from its
     * old copy into Archive (0 APPEND, 2 UID COPY) and then removes the old copies from INBOX and Work.
     */
    @Test
    void aMessageWhoseOnlyLabelWasRemovedIsCopiedIntoArchiveNotUploaded(@TempDir Path dir) throws Exception {
        String user = "gmail-archived";
        firstRun(dir, user, GmailLabelsTest.settings());
        try (Hoodiecrow gmail = Hoodiecrow.start(changed(List.of(M1), List.of(M1), List.of(M1), List.of(W2)))) {
            relay.reset();
            MigrationReport second = run(gmail, dir, user, GmailLabelsTest.settings());
            assertEquals(Outcome.COMPLETED, second.outcome(), second.toString());
            String counts = counts() + "\n" + second;
            assertEquals(0, relay.count(CommandCountingRelay.APPENDED), "no second upload\n" + counts);
            assertEquals(2, relay.count("UID COPY"), counts);
            assertEquals(2, second.removed(), counts);
            Map<String, List<String>> held = GmailLabelsTest.destination(dovecot, user);
            assertEquals(lines(line(M1, "\\Flagged")), held.get("INBOX"), held.toString());
            assertEquals(lines(line(M1, "\\Flagged")), held.get("Work"), held.toString());
            assertEquals(lines(line(A1), line(M3, "\\Flagged"), line(M2), line(W2)), held.get("Archive"),
                    held.toString());
            assertEquals(List.of(), second.gmail().missing());
            assertEquals(2, second.gmail().copiedOnServer(), second.gmail().toString());

            relay.reset();
            MigrationReport third = run(gmail, dir, user, GmailLabelsTest.settings());
            assertEquals(Outcome.COMPLETED, third.outcome(), third.toString());
            assertEquals(0, relay.count(CommandCountingRelay.APPENDED) + relay.count("UID COPY")
                    + relay.count("UID STORE") + relay.count("UID EXPUNGE"), "nothing more to write\n" + counts() + third);
        }
    }

    private static String counts() {
        return "APPEND " + relay.count(CommandCountingRelay.APPENDED) + ", UID COPY " + relay.count("UID COPY")
                + ", UID STORE " + relay.count("UID STORE") + ", UID EXPUNGE " + relay.count("UID EXPUNGE");
    }

    private static MigrationReport run(Hoodiecrow gmail, Path dir, String user, MigrationSettings settings)
            throws Exception {
        try (StateStore state = StateStore.openEmbedded(dir, "gmail")) {
            return new MigrationEngine(GmailLabelsTest.source(gmail),
                    GmailLabelsTest.destinationFactory(relay, user), state, settings, MigrationListener.NONE).run();
        }
    }
}
