package org.mailmigrator.connector.files.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.cli.Cli;
import org.mailmigrator.core.mail.MailFolder;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.testing.IntoDovecot;

/**
 * {@code ./mailmigrator migrate --source PATH} (the product's command line in this JVM) with mail files into a real
 * Dovecot on loopback: an mbox file and a Maildir, recognised from their content, arrive with every message once
 * (the same bytes and flags as the reader yields), a second run copies nothing, no password is asked for the
 * source; {@code eml:PATH} reads a folder of .eml files; a forced {@code maildir:} on an mbox file and a path holding no mail are usage errors naming the path.
 */
class FilesCommandLineTest extends IntoDovecot {
    @TempDir
    Path tmp;

    @Test
    void anMboxFileIsCopiedOnceAndASecondRunCopiesNothing() throws Exception {
        Path mbox = Data.write(tmp.resolve("Inbox"), Data.simple(1, "0000"), Data.simple(2, "0001"), Data.simple(3, "0005"));
        twiceInto(mbox, mbox.toString(), "cli-mbox", 3);
    }

    @Test
    void aMaildirIsCopiedOnceAndASecondRunCopiesNothing() throws Exception {
        Path maildir = tmp.resolve("Maildir");
        for (String dir : List.of("cur", "new", "tmp", ".Work/cur", ".Work/new", ".Work/tmp")) {
            Files.createDirectories(maildir.resolve(dir));
        }
        Files.writeString(maildir.resolve("new/1.host"), eml(1));
        Files.writeString(maildir.resolve("cur/2.host:2,S"), eml(2));
        Files.writeString(maildir.resolve(".Work/cur/3.host:2,FS"), eml(3));
        twiceInto(maildir, maildir.toString(), "cli-maildir", 3);
    }

    @Test
    void aForcedFormatReadsThePathAsThatFormat() throws Exception {
        Path eml = Files.createDirectories(tmp.resolve("saved/Projects"));
        Files.writeString(eml.getParent().resolve("a.eml"), eml(4));
        Files.writeString(eml.resolve("b.eml"), eml(5));
        twiceInto(eml.getParent(), "eml:" + eml.getParent(), "cli-eml", 2);
    }

    @Test
    void aPathHoldingNoMailOrTheWrongForcedFormatIsAUsageErrorNamingIt() throws Exception {
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "just some notes\n");
        String[] run = cli("migrate", "--source", notes.toString(), "--target", target("cli-none"), "--allow-plaintext",
                "--target-password-file", password().toString(), "--state", tmp.resolve("state").toString());
        assertEquals("2", run[2], run[0] + run[1]);
        assertTrue(run[1].contains(notes.toString()) && run[1].contains("is not an mbox file")
                && run[1].contains("maildir:PATH") && run[1].contains(".ics/.vcf"), run[1]);

        Path mbox = Data.write(tmp.resolve("Sent"), Data.simple(1, "0000"));
        run = cli("migrate", "--source", "maildir:" + mbox, "--target", target("cli-none"), "--allow-plaintext",
                "--target-password-file", password().toString(), "--state", tmp.resolve("state").toString());
        assertEquals("2", run[2], run[0] + run[1]);
        assertTrue(run[1].contains(mbox + " is not a Maildir"), run[1]);
        assertEquals(List.of(), folders("cli-none"), "nothing was written");
    }

    /** Two runs of the command: all messages, then none; Dovecot then holds what the reader yields, folder by folder. */
    private void twiceInto(Path path, String source, String user, int messages) throws Exception {
        for (int run = 0; run < 2; run++) {
            String[] out = cli("migrate", "--source", source, "--target", target(user), "--allow-plaintext",
                    "--target-password-file", password().toString(), "--state", tmp.resolve("state").toString());
            assertEquals("0", out[2], out[0] + out[1]);
            int expected = run == 0 ? messages : 0;
            assertTrue(out[0].contains("copied           " + expected + " message(s)"), "run " + (run + 1) + ":\n" + out[0]);
        }
        int total = 0;
        try (ConnectorSession s = Run.source(Run.files(path, "auto")); ConnectorSession d = Run.imapSource(dovecot, user)) {
            for (MailFolder f : Run.store(s).folders()) {
                Stored.Folder mine = Stored.read(Run.store(s), f.name());
                assertEquals(mine.multiset(), Stored.read(Run.store(d), f.name()).multiset(), f.name() + ": bytes and flags");
                total += mine.messages().size();
            }
        }
        assertEquals(messages, total, "every message once");
    }

    private List<String> folders(String user) throws Exception {
        try (ConnectorSession d = Run.imapSource(dovecot, user)) {
            MailStore store = Run.store(d);
            return store.folders().stream().map(MailFolder::name).filter(n -> !n.equals("INBOX")).toList();
        }
    }

    private static String eml(int n) {
        return "From: a" + n + "@example.org\r\nTo: b@example.org\r\nSubject: eml " + n + "\r\nMessage-ID: <e" + n
                + "@example.org>\r\nDate: Mon, 2 Jan 2006 15:04:05 +0000\r\n\r\nBody " + n + ".\r\n";
    }

    private Path password() throws Exception {
        return password(tmp);
    }

    private static String[] cli(String... args) {
        return run(Cli::run, args);
    }
}
