package org.mailmigrator.connector.files.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.core.mail.MailFolder;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.spi.ConnectorSession;

/**
 * The mbox reader on its own: real-world mboxes against Python's {@code mailbox} module (an oracle nobody here
 * wrote), mboxrd unquoting exactly once, ids that survive compaction, flag changes and appends, a truncated file,
 * and a Thunderbird folder tree.
 */
class MboxReadingTest {
    @TempDir
    Path tmp;

    @Test
    void realWorldMboxesGiveWhatPythonsMailboxGives() throws Exception {
        for (String name : List.of("simple.mbox", "content-length.mbox", "issue1189.mbox")) {
            Path file = Data.realWorld("mimekit", name);
            List<String> python = python(file);
            Stored.Folder ours;
            try (ConnectorSession s = Run.source(new org.mailmigrator.core.model.Account("files",
                    java.util.Map.of("path", file.toString(), "format", "mbox", "fromQuoting", "keep"), null))) {
                ours = Stored.read(Run.store(s), "INBOX");
            }
            assertTrue(ours.skipped().isEmpty(), name + ": " + ours.skipped());
            List<String> mine = new ArrayList<>();
            for (Stored m : ours.messages()) { // CRLF on the wire; Python gives the file's LF
                mine.add(sha(m.text().replace("\r\n", "\n").getBytes(StandardCharsets.ISO_8859_1)));
            }
            assertEquals(python, mine, name + ": every message, in order, byte for byte");
            assertTrue(python.size() >= 3, name + " has messages");
        }
    }

    /** SHA-256 of each message of the mbox as Python's mailbox.mbox.get_bytes gives it (From line removed). */
    private List<String> python(Path file) throws Exception {
        return AppleMh.python("mailbox.mbox", "import mailbox, hashlib, sys\n"
                + "mb = mailbox.mbox(sys.argv[1], create=False)\n"
                + "for k in mb.keys():\n"
                + "    print(hashlib.sha256(mb.get_bytes(k)).hexdigest())", file);
    }

    private static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void aValidContentLengthKeepsFromLinesInTheBodyAndAWrongOneIsIgnored() throws Exception {
        String body = "body line\nFrom inside the body, not quoted (mboxcl2)\n>From stays as written\n";
        String wrong = "second body\n";
        String file = "From a@example.org Mon Jan  2 15:04:05 2006\nSubject: counted\nContent-Length: "
                + body.length() + "\n\n" + body + "\n"
                + "From b@example.org Mon Jan  2 15:04:05 2006\nSubject: wrong length\nContent-Length: 3\n\n" + wrong + "\n"
                + "From c@example.org Mon Jan  2 15:04:05 2006\nSubject: last\nContent-Length: 999\n\nlast body\n";
        Path mbox = Files.writeString(tmp.resolve("cl2"), file, StandardCharsets.ISO_8859_1);
        Stored.Folder rd = read(mbox, "mboxrd");
        assertEquals(3, rd.messages().size(), rd.messages().toString());
        assertEquals("Subject: counted\r\nContent-Length: " + body.length() + "\r\n\r\n" + body.replace("\n", "\r\n"),
                rd.messages().get(0).text(), "the counted body whole, its From and >From lines as stored");
        assertEquals("Subject: wrong length\r\nContent-Length: 3\r\n\r\nsecond body\r\n", rd.messages().get(1).text(),
                "a length that does not reach the next From line is ignored");
        assertEquals("Subject: last\r\nContent-Length: 999\r\n\r\nlast body\r\n", rd.messages().get(2).text(),
                "a length past the end of the file is ignored");
    }

    @Test
    void mboxrdQuotingIsRemovedExactlyOnceAndKeptWhenAsked() throws Exception {
        Path file = Data.write(tmp.resolve("quoted"), Data.message("Tue Feb  3 04:05:06 2009", List.of("Subject: q"),
                ">From the start", ">>From twice quoted", "> From not quoted", "From-less"), Data.simple(2, "0000"));
        Stored.Folder rd = read(file, "mboxrd");
        Stored.Folder keep = read(file, "keep");
        assertEquals(2, rd.messages().size());
        assertEquals("Subject: q\r\n\r\nFrom the start\r\n>From twice quoted\r\n> From not quoted\r\nFrom-less\r\n",
                rd.messages().get(0).text());
        assertEquals("Subject: q\r\n\r\n>From the start\r\n>>From twice quoted\r\n> From not quoted\r\nFrom-less\r\n",
                keep.messages().get(0).text());
        assertEquals(Instant.parse("2009-02-03T04:05:06Z"), rd.messages().get(0).date(), "the From line's date");
    }

    @Test
    void idsSurviveCompactionFlagChangesAndAppends() throws Exception {
        Path file = Data.write(tmp.resolve("Inbox"), Data.simple(1, "0000"), Data.simple(2, "0000"),
                Data.simple(3, "0000"), Data.simple(1, "0000"));
        List<String> before = ids(file);
        assertEquals(4, Set.copyOf(before).size(), "an exact duplicate gets its own id: " + before);
        // Thunderbird marks 3 read and compacts 2 away; mail arrives at the end
        Data.write(file, Data.simple(1, "0000"), Data.simple(3, "0001"), Data.simple(1, "0000"), Data.simple(4, "0000"));
        List<String> after = ids(file);
        assertEquals(List.of(before.get(0), before.get(2), before.get(3)), after.subList(0, 3));
        assertTrue(!before.contains(after.get(3)), "the appended message is new");
        assertEquals(Set.of("\\Seen"), read(file, "mboxrd").messages().get(1).flags());
    }

    @Test
    void aTruncatedFileSkipsOnlyItsLastMessageNamingTheOffset() throws Exception {
        String whole = Data.simple(1, "0000") + Data.simple(2, "0000");
        String cut = Data.simple(3, "0000");
        Path file = Data.write(tmp.resolve("cut"), whole, cut.substring(0, cut.length() - 9));
        Stored.Folder f = read(file, "mboxrd");
        assertEquals(2, f.messages().size());
        assertEquals(1, f.skipped().size());
        assertTrue(f.skipped().get(0).contains(file.toString()) && f.skipped().get(0).contains("truncated")
                && f.skipped().get(0).contains("offset " + Files.size(file)), f.skipped().get(0));
    }

    @Test
    void aThunderbirdTreeWithAnAppleBundleGivesItsFoldersAndSkipsDeletedMessages() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("Local Folders"));
        Files.copy(Data.realWorld("thunderbird", "bugmail1"), root.resolve("Inbox"));
        Files.writeString(root.resolve("Inbox.msf"), "// (mork index, not a folder)");
        Path sbd = Files.createDirectories(root.resolve("Inbox.sbd"));
        Data.write(sbd.resolve("Work"), Data.simple(1, "0005"), Data.simple(2, "0009"));
        Data.write(Files.createDirectories(root.resolve("Archives.sbd")).resolve("2020"), Data.simple(3, "0000"));
        Data.write(Files.createDirectories(root.resolve("Old.mbox")).resolve("mbox"), Data.simple(4, "0000")); // Apple Mail export
        try (ConnectorSession s = Run.source(Run.files(root, "auto"))) {
            MailStore store = Run.store(s);
            assertEquals(List.of("Archives", "Archives/2020", "INBOX", "INBOX/Work", "Old"),
                    store.folders().stream().map(MailFolder::name).sorted().toList());
            assertTrue(store.folders().stream().filter(f -> f.name().equals("Archives")).noneMatch(MailFolder::selectable));
            Stored.Folder inbox = Stored.read(store, "INBOX");
            assertEquals(Set.of("\\Seen", "$label4"), inbox.messages().get(0).flags());
            assertEquals(Instant.parse("2007-10-02T00:26:47Z"), inbox.messages().get(0).date());
            assertEquals(1, Stored.read(store, "Old").messages().size());
            Stored.Folder work = Stored.read(store, "INBOX/Work");
            assertEquals(1, work.messages().size());
            assertEquals(Set.of("\\Seen", "\\Flagged"), work.messages().get(0).flags());
            assertEquals(1, work.skipped().size());
            assertTrue(work.skipped().get(0).contains("marked deleted in Thunderbird"), work.skipped().get(0));
        }
    }

    private Stored.Folder read(Path file, String quoting) throws Exception {
        try (ConnectorSession s = Run.source(new org.mailmigrator.core.model.Account("files",
                java.util.Map.of("path", file.toString(), "fromQuoting", quoting), null))) {
            return Stored.read(Run.store(s), "INBOX");
        }
    }

    private static List<String> ids(Path file) throws Exception {
        try (ConnectorSession s = Run.source(Run.files(file, "mbox"));
                var box = Run.store(s).open("INBOX", false)) {
            return box.list(null).stream().map(m -> m.id()).toList();
        }
    }
}
