package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.Hoodiecrow;
import org.mailmigrator.testing.Hoodiecrow.Message;

/**
 * A Gmail-like source (hoodiecrow-imap with X-GM-EXT-1: INBOX, labels, {@code [Gmail]/All Mail},
 * {@code [Gmail]/Sent Mail} with \Sent below the \Noselect {@code [Gmail]}) into Dovecot through the command
 * line. Its partial fetches come back as {@code BODY[]<0.1048576>}, which once made every message over 1 MiB
 * vanish at exit 0: here every message must arrive byte-exact, with flags and arrival date.
 */
class GmailLikeTest {
    @AutoClose
    private static Hoodiecrow gmail;
    @AutoClose
    private static Dovecot dovecot;
    private static int messages;

    @BeforeAll
    static void start() throws Exception {
        Hoodiecrow.Storage storage = new Hoodiecrow.Storage();
        List<Message> inbox = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            inbox.add(small(i, i % 3 == 0 ? List.of("\\Seen") : List.of()));
        }
        inbox.add(inbox.get(4)); // an exact duplicate stays two messages
        inbox.add(new Message(("Subject: no id, 8-bit caf\u00e9\r\nFrom: a@example.org\r\n\r\nd\u00e9j\u00e0 vu\r\n")
                .getBytes(StandardCharsets.ISO_8859_1), List.of("\\Flagged"), "14-Sep-2013 21:22:28 -0300"));
        inbox.add(big(1, (1 << 20) + 1));     // one byte over a chunk
        inbox.add(big(2, 2 << 20));           // exactly two chunks: the third answer is empty
        inbox.add(big(3, (5 << 20) / 2));     // 2.5 MB: two full chunks and a partial one
        List<Message> work = List.of(small(20, List.of("\\Seen", "\\Answered")), small(21, List.of()));
        List<Message> receipts = List.of(small(30, List.of("\\Seen")));
        List<Message> sent = List.of(small(40, List.of("\\Seen")), big(4, 1_500_000));
        List<Message> all = new ArrayList<>(inbox);
        all.addAll(work);
        all.addAll(receipts);
        all.addAll(sent);
        storage.folder("INBOX", null, inbox).folder("Work", null, work).folder("Receipts/2024", null, receipts)
                .folder("[Gmail]/All Mail", "\\All", all).folder("[Gmail]/Sent Mail", "\\Sent", sent)
                .folder("[Gmail]/Trash", "\\Trash", List.of(small(50, List.of("\\Deleted"))));
        messages = inbox.size() + work.size() + receipts.size() + sent.size() + all.size() + 1;
        gmail = Hoodiecrow.start(storage);
        dovecot = Dovecot.start(Dovecot.Layout.SLASH);
    }

    @Test
    void theServerIsGmailLike() throws Exception {
        Account account = new Account("imap", Map.of("host", Hoodiecrow.HOST, "port", String.valueOf(gmail.port()),
                "security", "plain", "login", Hoodiecrow.USER), new CredentialRef(Hoodiecrow.USER));
        try (ConnectorSession session = new ImapConnector().open(account, Role.SOURCE,
                ConnectContext.of(Secret.of(Hoodiecrow.PASSWORD)))) {
            MailStore store = session.capability(MailStore.class).orElseThrow();
            assertTrue(store.capabilities().containsAll(List.of("X-GM-EXT-1", "SPECIAL-USE", "CONDSTORE")),
                    store.capabilities().toString());
            var folders = store.folders();
            assertTrue(folders.stream().anyMatch(f -> f.name().equals("[Gmail]") && f.attributes().contains("\\Noselect")
                    && f.subscribed()), folders.toString());
            assertTrue(folders.stream().anyMatch(f -> f.name().equals("[Gmail]/Sent Mail")
                    && f.attributes().contains("\\Sent")), folders.toString());
        }
    }

    @Test
    void everyMessageArrivesByteExactAndASecondRunCopiesNothing(@TempDir Path dir) throws Exception {
        List<String> args = CliRun.migrate(dir, "imap://" + Hoodiecrow.USER + "@127.0.0.1:" + gmail.port(),
                "imap://gmail-dst@127.0.0.1:" + dovecot.imapPort(), Hoodiecrow.PASSWORD, Dovecot.PASSWORD,
                "--allow-plaintext", "--report", dir.resolve("report.json").toString());
        long start = System.nanoTime();
        CliRun first = CliRun.of(args);
        System.out.printf("GmailLikeTest: %d messages (4 over 1 MiB, twice each) in %.1f s%n", messages,
                (System.nanoTime() - start) / 1e9);
        assertEquals(0, first.code(), first.toString());
        assertTrue(first.out().contains("copied           " + messages + " message(s)"), first.toString());
        // no X-GM-MSGID is shared in this fixture: every message is a Gmail message with one placement
        assertTrue(first.out().contains("gmail            " + messages + " message(s) in " + messages
                + " placement(s): " + messages + " uploaded, 0 copied on the destination server; " + messages + " of "
                + messages + " placement(s) present"), first.toString());
        // Gmail's [Gmail] container becomes no folder: nothing created, nothing to subscribe
        assertFalse(first.out().contains("'[Gmail]'"), first.toString());

        Map<String, List<String>> source;
        try (ImapProbe probe = ImapProbe.login(Hoodiecrow.HOST, gmail.port(), Hoodiecrow.USER, Hoodiecrow.PASSWORD)) {
            source = probe.snapshot();
        }
        Map<String, List<String>> target;
        try (ImapProbe probe = ImapProbe.login(dovecot, "gmail-dst")) {
            target = probe.snapshot();
        }
        // folder by folder, under the name the plan gave it: the same multiset of exact bytes, flags and dates
        // (no X-GM-MSGID is shared here: every message of All Mail is one of its own, so it goes to Archive whole)
        Map<String, String> renamed = new TreeMap<>(Map.of("[Gmail]/Sent Mail", "Sent", "[Gmail]/Trash", "Trash",
                "[Gmail]/All Mail", "Archive"));
        int compared = 0;
        for (var e : source.entrySet()) {
            String dst = renamed.getOrDefault(e.getKey(), e.getKey());
            if (!target.containsKey(dst)) {
                dst = e.getKey();
            }
            assertEquals(e.getValue(), target.get(dst), "folder " + e.getKey() + " -> " + dst + "\n" + first);
            compared += e.getValue().size();
        }
        assertEquals(messages, compared, source.keySet().toString());

        // the \Deleted message of [Gmail]/Trash is still on the source: the run never expunged it (hoodiecrow
        // expunges on CLOSE even after EXAMINE; the connector leaves read-only folders with UNSELECT)
        CliRun second = CliRun.of(args);
        assertEquals(0, second.code(), second.toString());
        assertTrue(second.out().contains("copied           0 message(s)"), second.toString());
        assertTrue(second.out().contains("already present  " + messages), second.toString());
    }

    @Test
    void theDryRunShowsWhereEachGmailFolderGoesAndWhy(@TempDir Path dir) throws Exception {
        CliRun plan = CliRun.of(CliRun.migrate(dir, "imap://" + Hoodiecrow.USER + "@127.0.0.1:" + gmail.port(),
                "imap://gmail-plan@127.0.0.1:" + dovecot.imapPort(), Hoodiecrow.PASSWORD, Dovecot.PASSWORD,
                "--allow-plaintext", "--dry-run"));
        assertEquals(0, plan.code(), plan.toString());
        String out = plan.out();
        assertTrue(out.lines().anyMatch(l -> l.startsWith("[Gmail]/All Mail") && l.contains(" Archive ")
                && l.contains("only the messages with no other label go here")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("[Gmail]/Sent Mail") && l.contains(" Sent ")
                && l.contains("Gmail label \\Sent")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("[Gmail] ") && l.contains("(no folder)")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("Receipts/2024") && l.contains("Gmail label 'Receipts/2024'")),
                out);
    }

    @Test
    void aRefusalInUtf8IsShownAsWritten(@TempDir Path dir) throws Exception {
        String words = "Donn\u00e9es refus\u00e9es : bo\u00eete pleine (\u00e9t\u00e9 \u2713)";
        try (Hoodiecrow source = Hoodiecrow.start(new Hoodiecrow.Storage().folder("INBOX", null,
                List.of(small(1, List.of()), small(2, List.of("\\Seen")))));
                Hoodiecrow target = Hoodiecrow.start(new Hoodiecrow.Storage().refuseAppend("INBOX", words))) {
            CliRun run = CliRun.of(CliRun.migrate(dir, "imap://" + Hoodiecrow.USER + "@127.0.0.1:" + source.port(),
                    "imap://" + Hoodiecrow.USER + "@127.0.0.1:" + target.port(), Hoodiecrow.PASSWORD,
                    Hoodiecrow.PASSWORD, "--allow-plaintext"));
            assertEquals(6, run.code(), run.toString());
            assertTrue(run.out().contains("skipped          2"), run.toString());
            assertTrue(run.out().contains("the destination refused the message: " + words), run.toString());
            assertFalse(run.toString().contains("\u00c3"), run.toString());
        }
    }

    private static Message small(int i, List<String> flags) {
        String raw = "From: Someone <s" + i + "@example.org>\r\nTo: testuser@example.org\r\nSubject: message " + i
                + "\r\nMessage-ID: <m" + i + "@example.org>\r\nDate: Fri, 13 Sep 2013 15:01:00 +0300\r\n\r\nBody " + i
                + "\r\n";
        return new Message(raw.getBytes(StandardCharsets.US_ASCII), flags, "1" + (i % 9) + "-Sep-2013 21:22:28 -0300");
    }

    /** A message of exactly {@code size} bytes: a header, then base64 lines of random bytes. */
    private static Message big(int n, int size) {
        StringBuilder sb = new StringBuilder("From: big@example.org\r\nSubject: big " + n + "\r\nMessage-ID: <big" + n
                + "@example.org>\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        Random random = new Random(n);
        byte[] line = new byte[57];
        while (sb.length() < size) {
            random.nextBytes(line);
            sb.append(Base64.getEncoder().encodeToString(line)).append("\r\n");
        }
        sb.setLength(size);
        return new Message(sb.toString().getBytes(StandardCharsets.US_ASCII), List.of("\\Seen"), "01-Oct-2024 10:00:00 +0000");
    }
}
