package org.mailmigrator.connector.files.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.mail.MailFolder;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.IntoDovecot;

/**
 * Mail files migrated with the engine into a real Dovecot on loopback, each destination folder compared with what
 * the reader yields (bytes, flags, arrival dates); a second run copies nothing; mail appended to an mbox is copied
 * at the next run and a Thunderbird compaction copies nothing again; deleted Thunderbird messages are skipped and
 * counted. A Thunderbird tree with real-world files; the notmuch Maildir against Dovecot serving the same Maildir;
 * mailutils' MH folders against Python's {@code mailbox.MH}; Apple Mail's .emlx store (samples written here).
 */
class FilesToDovecotTest extends IntoDovecot {
    @TempDir
    Path tmp;

    @Test
    void aThunderbirdTreeArrivesByteExactAndOnlyNewMailComesNext() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("profile/Mail/Local Folders"));
        Files.copy(Data.realWorld("thunderbird", "bugmail1"), root.resolve("Inbox"));
        Files.writeString(root.resolve("Inbox"), Data.simple(5, "0001"), StandardOpenOption.APPEND);
        Path work = Files.createDirectories(root.resolve("Inbox.sbd")).resolve("Work");
        String quoted = Data.message("Tue Feb  3 04:05:06 2009", List.of("Subject: quoted", "X-Mozilla-Status: 0000"),
                ">From the start", ">>From twice");
        Data.write(work, Data.simple(1, "0005"), Data.simple(2, "0009"), quoted);
        Files.copy(Data.realWorld("mimekit", "simple.mbox"), root.resolve("Sent"));
        Account src = Run.files(root, "auto");
        Path state = tmp.resolve("state");

        MigrationReport first = Run.migrate(src, dovecot, "tb", state);
        assertEquals(Outcome.ITEMS_SKIPPED, first.outcome(), String.valueOf(first.failure()));
        assertEquals(2 + 2 + 3, first.copied());
        assertEquals(1, first.skipped().size(), "the message Thunderbird deleted: " + first.skipped());
        assertTrue(first.skipped().get(0).reason().contains("marked deleted in Thunderbird"), first.skipped().toString());
        assertSame(src, "tb", Map.of("INBOX", "INBOX", "INBOX/Work", "INBOX/Work", "Sent", "Sent"));
        String quotedOnServer = read(Run.imapSource(dovecot, "tb"), "INBOX/Work").messages().stream()
                .filter(m -> m.text().contains("Subject: quoted")).findFirst().orElseThrow().text();
        assertTrue(quotedOnServer.endsWith("\r\n\r\nFrom the start\r\n>From twice\r\n"), quotedOnServer);

        assertEquals(0, Run.migrate(src, dovecot, "tb", state).copied(), "a second run copies nothing");

        Files.writeString(root.resolve("Inbox"), Data.simple(6, "0000") + Data.simple(7, "0000"), StandardOpenOption.APPEND);
        Data.write(work, Data.simple(1, "0001"), quoted); // compacted: the deleted one gone, 1 unflagged
        MigrationReport third = Run.migrate(src, dovecot, "tb", state);
        assertEquals(2, third.copied(), "only the two appended messages");
        assertEquals(0, third.skipped().size(), third.skipped().toString());
        // flags follow; the X-Mozilla-Status line Thunderbird rewrote in place stays as first copied (same message)
        assertSame(src, "tb", Map.of("INBOX", "INBOX", "INBOX/Work", "INBOX/Work", "Sent", "Sent"), true);
    }

    @Test
    void theNotmuchMaildirMatchesDovecotServingTheSameFiles() throws Exception {
        Path work = Data.copy(Data.realWorld("notmuch", "Maildir"), tmp.resolve("work"));
        Files.move(work.resolve("cur/30:2,"), work.resolve("cur/30:2,FS"));
        Files.move(work.resolve(".foo/cur/08:2,"), work.resolve(".foo/cur/08:2,RS"));
        // the oracle: a Dovecot user whose Maildir++ is a copy of the same files
        Dovecot oracle = Dovecot.start(Dovecot.Layout.INBOX_PREFIX);
        try {
            Path home = oracle.directory().resolve("home");
            Data.copy(work, home.resolve("oracle/Maildir"));
            Owners.like(home, home.resolve("oracle"));
            Path ours = Data.copy(work, tmp.resolve("ours"));
            Files.writeString(ours.resolve(".foo/cur/notes.txt:2,"), "\u0000\u0001 binary notes, not mail\n");
            Account src = Run.files(ours, "auto");
            Map<String, String> names = Map.of("INBOX", "INBOX", "foo", "INBOX.foo", "bar/baz", "INBOX.bar.baz");
            int total = 0;
            try (ConnectorSession s = Run.source(src); ConnectorSession o = Run.imapSource(oracle, "oracle")) {
                for (var e : new TreeMap<>(names).entrySet()) {
                    Stored.Folder mine = Stored.read(Run.store(s), e.getKey());
                    Stored.Folder theirs = Stored.read(Run.store(o), e.getValue());
                    assertEquals(theirs.multiset(), mine.multiset(), e.getKey() + ": bytes and flags as Dovecot serves them");
                    assertEquals(dates(theirs), dates(mine), e.getKey() + ": arrival dates as Dovecot gives them");
                    total += mine.messages().size();
                }
            }
            long files;
            try (var f = Files.walk(work)) {
                files = f.filter(Files::isRegularFile).count();
            }
            assertEquals(files, total, "every file of the corpus is a message on both sides");
            MigrationReport r = Run.migrate(src, dovecot, "md", tmp.resolve("state"));
            assertEquals(total, r.copied());
            assertEquals(1, r.skipped().size(), r.skipped().toString());
            assertTrue(r.skipped().get(0).reason().contains("notes.txt") && r.skipped().get(0).reason().contains("not a mail"),
                    r.skipped().get(0).reason());
            assertSame(src, "md", Map.of("INBOX", "INBOX", "foo", "foo", "bar/baz", "bar/baz"));
            assertEquals(0, Run.migrate(src, dovecot, "md", tmp.resolve("state")).copied());
        } finally {
            oracle.close();
        }
    }

    @Test
    void aFolderOfEmlFilesArrivesAsItsFilesSay() throws Exception {
        Path eml = Data.copy(Data.realWorld("notmuch", "eml"), tmp.resolve("eml"));
        Account src = Run.files(eml, "auto");
        MigrationReport r = Run.migrate(src, dovecot, "eml", tmp.resolve("state"));
        long files;
        try (var s = Files.walk(eml)) {
            files = s.filter(p -> p.toString().endsWith(".eml")).count();
        }
        assertEquals(files, r.copied());
        for (String folder : List.of("protected-headers", "crypto", "attachment")) {
            List<String> expected;
            try (var s = Files.list(eml.resolve(folder))) {
                expected = s.map(p -> {
                    try {
                        return "[]\n" + Files.readString(p, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replace("\n", "\r\n");
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).sorted().toList();
            }
            assertEquals(expected, read(Run.imapSource(dovecot, "eml"), folder).multiset(), folder);
        }
        assertEquals(0, Run.migrate(src, dovecot, "eml", tmp.resolve("state")).copied());
    }

    @Test
    void aGoogleTakeoutArchiveIsMappedLikeGmailEachMessageUploadedOnce() throws Exception {
        Path file = Data.write(tmp.resolve("All mail Including Spam and Trash.mbox"),
                takeout(1, "Inbox,Important,Opened,Work"), takeout(2, "Sent,Opened"),
                takeout(3, "Archived,Unread,Work/Projects,Category Updates"), takeout(4, "Spam,Unread"),
                takeout(5, "Starred,Inbox,Opened,=?UTF-8?Q?R=C3=A9sum=C3=A9?="), takeout(6, "Archived,Opened"));
        Account src = Run.files(file, "auto");
        MigrationReport r = Run.migrate(src, dovecot, "takeout", tmp.resolve("state"));
        assertEquals(Outcome.COMPLETED, r.outcome(), String.valueOf(r.failure()));
        assertEquals(6, r.gmail().messages());
        assertEquals(6, r.gmail().uploaded(), "each message uploaded once");
        assertEquals(2, r.gmail().copiedOnServer(), "its other labels placed by a copy on the server");
        Map<String, String> expected = Map.of("INBOX", "[1 \\Seen][5 \\Flagged \\Seen]", "Work", "[1 \\Seen]",
                "Work/Projects", "[3]", "Sent", "[2 \\Seen]", "Junk", "[4]", "R\u00e9sum\u00e9", "[5 \\Flagged \\Seen]",
                "Archive", "[6 \\Seen]");
        try (ConnectorSession d = Run.imapSource(dovecot, "takeout")) {
            for (var e : expected.entrySet()) {
                List<String> got = Stored.read(Run.store(d), e.getKey()).messages().stream()
                        .map(m -> m.text().replaceAll("(?s).*Subject: takeout (\\d+).*", "$1")
                                + m.flags().stream().map(f -> " " + f).sorted().reduce("", String::concat))
                        .sorted().toList();
                assertEquals(e.getValue(), got.stream().map(x -> "[" + x + "]").reduce("", String::concat), e.getKey());
            }
        }
        MigrationReport again = Run.migrate(src, dovecot, "takeout", tmp.resolve("state"));
        assertEquals(0, again.copied());
        assertEquals(0, again.gmail().uploaded() + again.gmail().copiedOnServer(), "a second run copies nothing");
    }

    /**
     * MH folders of GNU mailutils' test suite (real-world/README.md), with a {@code .mh_sequences} written here: the
     * reader gives what Python's {@code mailbox.MH} gives (bytes and flags from the sequences), the folders arrive in
     * Dovecot as the reader yields them, a rerun copies nothing, and a changed sequence (a message read since) moves
     * its flag on the destination.
     */
    @Test
    void mhFoldersArriveWithTheirSequencesAsPythonReadsThem() throws Exception {
        Path mail = tmp.resolve("Mail");
        Data.copy(Data.realWorld("mailutils", "mh", "mbox1"), mail.resolve("inbox"));
        Data.copy(Data.realWorld("mailutils", "mh", "mime"), mail.resolve("mime"));
        Path seq = Files.writeString(mail.resolve("inbox/.mh_sequences"), "unseen: 2-3\nflagged: 4\nreplied: 1 5\n");
        Account src = Run.files(mail, "auto"); // recognised by its .mh_sequences
        try (ConnectorSession s = Run.source(src)) {
            assertEquals(List.of("INBOX", "mime"), Run.store(s).folders().stream().map(MailFolder::name).toList());
            assertEquals(AppleMh.python(mail.resolve("inbox")), AppleMh.ours(Stored.read(Run.store(s), "INBOX")));
            assertEquals(AppleMh.python(mail.resolve("mime")), AppleMh.ours(Stored.read(Run.store(s), "mime")));
        }
        MigrationReport r = Run.migrate(src, dovecot, "mh", tmp.resolve("state"));
        assertEquals(Outcome.COMPLETED, r.outcome(), String.valueOf(r.failure()));
        assertEquals(7, r.copied());
        assertSame(src, "mh", Map.of("INBOX", "INBOX", "mime", "mime"));
        assertEquals(0, Run.migrate(src, dovecot, "mh", tmp.resolve("state")).copied(), "a second run copies nothing");
        Files.writeString(seq, "unseen: 3\nflagged: 4\nreplied: 1 5\n"); // message 2 read since
        Files.setLastModifiedTime(seq, java.nio.file.attribute.FileTime.from(java.time.Instant.now().plusSeconds(5)));
        assertEquals(0, Run.migrate(src, dovecot, "mh", tmp.resolve("state")).copied());
        assertSame(src, "mh", Map.of("INBOX", "INBOX"));
        assertEquals(AppleMh.python(mail.resolve("inbox")), AppleMh.ours(read(Run.imapSource(dovecot, "mh"), "INBOX")),
                "the destination's flags follow the sequences");
    }

    /**
     * Apple Mail's own store (.emlx files written here, Mail's layout): each {@code NAME.mbox} a folder with the
     * .emlx files below it, the message between the byte count and the property list, flags and arrival date from
     * the property list; a {@code .partial.emlx} (attachments kept apart) is a listed skip, copied once Mail has the
     * whole message; a rerun copies nothing.
     */
    @Test
    void appleMailsEmlxStoreArrivesWithItsFlagsAndDates() throws Exception {
        Path account = tmp.resolve("Library/Mail/V10/0F1E2D3C-ACCOUNT");
        Path inbox = account.resolve("INBOX.mbox/6A1B2C3D-0000-4000-8000-000000000001/Data");
        AppleMh.emlx(inbox.resolve("Messages"), 1, false, 1, 1577872800);
        AppleMh.emlx(inbox.resolve("Messages"), 2, false, AppleMh.READ_ANSWERED_FLAGGED, 1577872900);
        AppleMh.emlx(inbox.resolve("1/Messages"), 1003, false, 0, 1577873000); // Mail's directories for numbers >= 1000
        AppleMh.emlx(inbox.resolve("Messages"), 4, true, 1, 1577873100);
        AppleMh.emlx(account.resolve("Archive.mbox/2019.mbox/7B00-UUID/Data/Messages"), 5, false, 1L << 6, 1546300800);
        Account src = Run.files(account, "auto"); // recognised by its .emlx files
        MigrationReport r = Run.migrate(src, dovecot, "emlx", tmp.resolve("state"));
        assertEquals(Outcome.ITEMS_SKIPPED, r.outcome(), String.valueOf(r.failure()));
        assertEquals(4, r.copied());
        assertEquals(1, r.skipped().size(), r.skipped().toString());
        assertTrue(r.skipped().get(0).reason().contains("4.partial.emlx is a partial Apple Mail message"),
                r.skipped().get(0).reason());
        assertSame(src, "emlx", Map.of("INBOX", "INBOX", "Archive/2019", "Archive/2019"));
        Map<String, String> expected = Map.of("1", "[\\Seen] 1577872800", "2", "[\\Answered, \\Flagged, \\Seen] 1577872900",
                "1003", "[] 1577873000", "5", "[\\Draft] 1546300800");
        for (String folder : List.of("INBOX", "Archive/2019")) {
            for (Stored m : read(Run.imapSource(dovecot, "emlx"), folder).messages()) {
                String n = m.text().replaceAll("(?s).*Subject: emlx (\\d+).*", "$1");
                assertEquals(expected.get(n), m.flags() + " " + m.date().getEpochSecond(), folder + " message " + n);
                assertEquals(AppleMh.message(Integer.parseInt(n)).replace("\n", "\r\n"), m.text(), "the message only");
            }
        }
        Path partial = inbox.resolve("Messages/4.partial.emlx");
        AppleMh.emlx(inbox.resolve("Messages"), 4, false, 1, 1577873100); // Mail downloaded the whole message
        Files.delete(partial);
        MigrationReport again = Run.migrate(src, dovecot, "emlx", tmp.resolve("state"));
        assertEquals(Outcome.COMPLETED, again.outcome(), again.skipped().toString());
        assertEquals(1, again.copied(), "only the message that was partial");
        assertEquals(0, Run.migrate(src, dovecot, "emlx", tmp.resolve("state")).copied(), "then nothing");
    }

    private static String takeout(int n, String labels) {
        return "From 18443477922671178" + n + "@xxx Fri Sep 26 17:18:4" + n + " +0000 2025\n"
                + "X-GM-THRID: 18443477922671178" + n + "\nX-Gmail-Labels: " + labels + "\n"
                + "Date: Fri, 26 Sep 2025 10:18:4" + n + " -0700\nFrom: Sender <sender@example.com>\n"
                + "To: Recipient <recipient@example.com>\nSubject: takeout " + n + "\nMessage-ID: <t" + n
                + "@example.com>\n\nBody " + n + ".\n\n";
    }

    /** Each destination folder holds what the reader yields for its source folder: bytes, flags, dates. */
    static void assertSame(Account src, String user, Map<String, String> names) throws Exception {
        assertSame(src, user, names, false);
    }

    static void assertSame(Account src, String user, Map<String, String> names, boolean withoutMozillaStatus)
            throws Exception {
        try (ConnectorSession s = Run.source(src); ConnectorSession d = Run.imapSource(dovecot, user)) {
            MailStore dst = Run.store(d);
            List<String> there = dst.folders().stream().map(MailFolder::name).sorted().toList();
            for (var e : names.entrySet()) {
                assertTrue(there.contains(e.getValue()), e.getValue() + " among " + there);
                Stored.Folder mine = Stored.read(Run.store(s), e.getKey());
                Stored.Folder theirs = Stored.read(dst, e.getValue());
                assertEquals(strip(mine.multiset(), withoutMozillaStatus), strip(theirs.multiset(), withoutMozillaStatus),
                        e.getKey() + ": bytes and flags");
                assertEquals(dates(mine), dates(theirs), e.getKey() + ": arrival dates");
            }
        }
    }

    private static List<String> strip(List<String> messages, boolean mozillaStatus) {
        return mozillaStatus ? messages.stream().map(m -> m.replaceAll("X-Mozilla-Status: [0-9A-Fa-f]+\r\n", "")).toList()
                : messages;
    }

    static List<Long> dates(Stored.Folder f) {
        return f.messages().stream().map(m -> m.date().getEpochSecond()).sorted().toList();
    }

    static Stored.Folder read(ConnectorSession session, String folder) throws Exception {
        try (session) {
            return Stored.read(Run.store(session), folder);
        }
    }
}
