package org.mailmigrator.connector.pop3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.testing.Cyrus;
import org.mailmigrator.testing.CyrusPop3;
import org.mailmigrator.testing.Dovecot;

/**
 * Cyrus's pop3d, a second POP3 server with UIDLs of its own form, offering no STLS: {@code pop3://} is refused
 * (STLS is required), with {@code --allow-plaintext} the mailbox is copied into Dovecot with the bytes Cyrus shows
 * over IMAP, a rerun copies nothing, and Cyrus still holds every message.
 */
class CyrusPop3Test {
    private static CyrusPop3 cyrus;
    private static Dovecot dovecot;

    @BeforeAll
    static void start() throws Exception {
        cyrus = CyrusPop3.start(Cyrus.Layout.SLASH, List.of("carol"));
        dovecot = Dovecot.start(Dovecot.Layout.SLASH);
    }

    @AfterAll
    static void stop() {
        if (cyrus != null) {
            cyrus.close();
        }
        if (dovecot != null) {
            dovecot.close();
        }
    }

    @Test
    void stlsIsRequiredThenPlaintextCopiesEverythingOnce(@TempDir Path dir) throws Exception {
        ImapView.append(cyrus.cyrus().imapPort(), "carol", Pop3Fixture.received("c1"), Pop3Fixture.dated("c2"),
                Pop3Fixture.undated("c3"));
        String source = "pop3://carol@127.0.0.1:" + cyrus.pop3Port();
        String target = "imap://carol-copy@127.0.0.1:" + dovecot.imapPort();
        Command refused = Command.migrate(dir, source, target, Pop3Fixture.PASSWORD);
        assertEquals(3, refused.code(), refused.toString());
        assertTrue(refused.err().contains("does not offer STLS, which is required"), refused.toString());

        Command plain = Command.migrate(dir, source, target, Pop3Fixture.PASSWORD, "--allow-plaintext");
        assertEquals(0, plain.code(), plain.toString());
        assertEquals(3, plain.copied(), plain.toString());
        List<ImapView.Stored> held = ImapView.inbox(cyrus.cyrus().imapPort(), "carol");
        List<ImapView.Stored> copy = ImapView.inbox(dovecot.imapPort(), "carol-copy");
        assertEquals(ImapView.digests(held), ImapView.digests(copy), "the copy holds the bytes Cyrus holds");
        assertEquals(Pop3Fixture.RECEIVED, copy.stream().filter(m -> "c1@pop3.test".equals(m.messageId())).findFirst()
                .orElseThrow().internalDate());

        Command again = Command.migrate(dir, source, target, Pop3Fixture.PASSWORD, "--allow-plaintext");
        assertEquals(0, again.code(), again.toString());
        assertEquals(0, again.copied(), again.toString());
        assertEquals(3, ImapView.inbox(cyrus.cyrus().imapPort(), "carol").size(), "Cyrus still holds every message");
    }
}
