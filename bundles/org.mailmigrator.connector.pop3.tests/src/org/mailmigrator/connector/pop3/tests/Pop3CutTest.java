package org.mailmigrator.connector.pop3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.DovecotOptions;
import org.mailmigrator.testing.DovecotPop3;
import org.mailmigrator.testing.Relay;

/**
 * A POP3 connection dropped in the middle of a download (issue 17: "a dropped connection mid-download"): Dovecot's
 * POP3 server behind a relay that cuts the first connection after it carried part of the second of three large
 * messages. Whatever the run does with the cut — download again on a new connection, or list the message as a skip
 * tried again — no message is lost, none is stored twice, and the copy holds the source's bytes; the run after that
 * copies nothing. The source keeps every message.
 */
class Pop3CutTest {
    /** Each message's body: large enough that the cut falls inside the second message's RETR answer. */
    private static final int BODY = 200_000;
    private static DovecotPop3 server;
    private static String pin;

    @BeforeAll
    static void start() throws Exception {
        server = DovecotPop3.start(DovecotOptions.of(Dovecot.Layout.SLASH));
        pin = server.dovecot().certificateSha256();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aConnectionCutInTheMiddleOfADownloadLosesAndDuplicatesNothing(@TempDir Path dir) throws Exception {
        int imap = server.dovecot().imapPort();
        ImapView.append(imap, "cut", big("c1"), big("c2"), big("c3"));
        AtomicBoolean cut = new AtomicBoolean();
        // the first connection to carry one and a half messages (the one downloading) is cut there, once
        long cutAt = BODY * 3 / 2;
        try (Relay relay = Relay.to(server.pop3Port()).name("pop3-cut")
                .onOpen(link -> link.down((in, out) -> {
                    byte[] buf = new byte[16384];
                    long carried = 0;
                    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                        if (carried + n >= cutAt && cut.compareAndSet(false, true)) {
                            out.write(buf, 0, (int) (cutAt - carried));
                            return; // this direction ends: the relay closes both sockets
                        }
                        out.write(buf, 0, n);
                        carried += n;
                    }
                })).start()) {
            String source = "pop3://cut@127.0.0.1:" + relay.port();
            String target = "imap://cut-copy@127.0.0.1:" + imap;
            Command first = Command.migrate(dir, source, target, Pop3Fixture.PASSWORD, "--trust-sha256", pin);
            System.out.println("Pop3CutTest, the run with the cut: " + first); // which way it took, in the test's output
            assertTrue(cut.get(), "the relay cut the first connection in the middle of a download: " + first);
            assertTrue(first.code() == 0 || first.code() == 6, "done, or items skipped and listed: " + first);
            List<String> sourceDigests = ImapView.digests(ImapView.inbox(imap, "cut"));
            List<String> afterFirst = ImapView.digests(ImapView.inbox(imap, "cut-copy"));
            assertTrue(sourceDigests.containsAll(afterFirst) && afterFirst.stream().distinct().count() == afterFirst.size(),
                    "only whole source messages, each once, after the cut run: " + afterFirst.size() + " stored\n" + first);
            if (first.code() == 6) {
                assertTrue(first.toString().contains("tried again on the next run"), "the skip is listed: " + first);
            } else {
                assertEquals(3, first.copied(), "a run that ends 0 copied every message: " + first);
                assertEquals(0, first.present(), "what the run copied before the cut is not also 'already present': "
                        + first);
            }

            Command second = Command.migrate(dir, source, target, Pop3Fixture.PASSWORD, "--trust-sha256", pin);
            assertEquals(0, second.code(), second.toString());
            assertEquals(3 - afterFirst.size(), second.copied(), "the second run copies what the first did not: " + second);
            assertEquals(sourceDigests, ImapView.digests(ImapView.inbox(imap, "cut-copy")),
                    "0 lost, 0 duplicated, byte for byte");
            Command third = Command.migrate(dir, source, target, Pop3Fixture.PASSWORD, "--trust-sha256", pin);
            assertEquals(0, third.code(), third.toString());
            assertEquals(0, third.copied(), third.toString());
            assertEquals(3, ImapView.inbox(imap, "cut").size(), "the source keeps every message");
            for (Command c : List.of(first, second, third)) {
                assertFalse(c.toString().contains(Pop3Fixture.PASSWORD), "no password printed: " + c);
            }
        }
    }

    /** A message of {@link #BODY} bytes of body in 76-character lines, its Message-ID {@code id}. */
    private static byte[] big(String id) {
        StringBuilder b = new StringBuilder("From: Alice <alice@example.org>\r\nTo: bob@example.org\r\nMessage-ID: <" + id
                + "@pop3.test>\r\nSubject: large " + id + "\r\nDate: Tue, 5 Nov 2019 18:45:00 +0100\r\n\r\n");
        int line = 0;
        while (b.length() < BODY) {
            String text = id + " line " + (line++) + " ";
            b.append(text.repeat(Math.max(1, 74 / text.length()))).append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
