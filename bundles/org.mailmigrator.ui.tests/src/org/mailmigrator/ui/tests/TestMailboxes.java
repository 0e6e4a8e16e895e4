package org.mailmigrator.ui.tests;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.MessageBody;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.testing.Dovecot;

/** Fills a Dovecot mailbox over IMAP (straight to the server) and counts what a mailbox holds. */
final class TestMailboxes {
    private TestMailboxes() {
    }

    static void fill(Dovecot d, String user, int messages) throws Exception {
        try (ConnectorSession s = open(d, user)) {
            MailStore store = s.capability(MailStore.class).orElseThrow();
            try (Mailbox box = store.open("INBOX", true)) {
                for (int i = 0; i < messages; i++) {
                    byte[] b = ("From: " + user + "@example.org\r\nSubject: #" + i + "\r\nMessage-ID: <" + user + "." + i
                            + "@ui-test>\r\n\r\nbody " + i + "\r\n").getBytes(StandardCharsets.UTF_8);
                    box.append(body(b), Set.of(), Instant.ofEpochSecond(1_600_000_000L + i));
                }
            }
        }
    }

    /**
     * Creates {@code folders} folders ("F0", "F1", …) in the user's mailbox with {@code messages} messages of about
     * {@code bytes} bytes each: a mailbox whose total a run cannot know from its first folder.
     */
    static void fillFolders(Dovecot d, String user, int folders, int messages, int bytes) throws Exception {
        try (ConnectorSession s = open(d, user)) {
            MailStore store = s.capability(MailStore.class).orElseThrow();
            String filler = "x".repeat(75) + "\r\n";
            for (int f = 0; f < folders; f++) {
                String name = "F" + f;
                store.create(name, true);
                try (Mailbox box = store.open(name, true)) {
                    for (int i = 0; i < messages; i++) {
                        StringBuilder b = new StringBuilder("From: " + user + "@example.org\r\nSubject: " + name + " #" + i
                                + "\r\nMessage-ID: <" + user + "." + name + "." + i + "@ui-test>\r\n\r\n");
                        while (b.length() < bytes) {
                            b.append(filler);
                        }
                        box.append(body(b.toString().getBytes(StandardCharsets.UTF_8)), Set.of(),
                                Instant.ofEpochSecond(1_600_000_000L + i));
                    }
                }
            }
        }
    }

    /** Appends one message of about {@code bytes} bytes, subject "big one of USER", to the user's INBOX. */
    static void fillBig(Dovecot d, String user, int bytes) throws Exception {
        try (ConnectorSession s = open(d, user)) {
            MailStore store = s.capability(MailStore.class).orElseThrow();
            try (Mailbox box = store.open("INBOX", true)) {
                StringBuilder b = new StringBuilder("From: " + user + "@example.org\r\nSubject: big one of " + user
                        + "\r\nMessage-ID: <" + user + ".big@ui-test>\r\n\r\n");
                while (b.length() < bytes) {
                    b.append("0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz\r\n");
                }
                box.append(body(b.toString().getBytes(StandardCharsets.UTF_8)), Set.of(), Instant.ofEpochSecond(1_600_100_000L));
            }
        }
    }

    /** Messages in the user's INBOX, counted in Dovecot's Maildir files (not through the connector under test). */
    static long count(Dovecot d, String user) throws Exception {
        return count(d, user, "INBOX");
    }

    /** Messages in one folder of the user's mailbox (SLASH layout: ~/Maildir/FOLDER), counted in its files. */
    static long count(Dovecot d, String user, String folder) throws Exception {
        // the SLASH layout keeps INBOX in its own folder (INBOX=~/Maildir/INBOX)
        java.nio.file.Path inbox = d.directory().resolve("home").resolve(user).resolve("Maildir").resolve(folder);
        long n = 0;
        for (String sub : new String[] { "cur", "new" }) {
            java.nio.file.Path p = inbox.resolve(sub);
            if (java.nio.file.Files.isDirectory(p)) {
                try (var files = java.nio.file.Files.list(p)) {
                    n += files.count();
                }
            }
        }
        return n;
    }

    private static ConnectorSession open(Dovecot d, String user) throws Exception {
        Account a = new Account("imap", Map.of("host", Dovecot.HOST, "port", String.valueOf(d.imapPort()), "security",
                "plain", "login", user), new CredentialRef(user));
        return new ImapConnector().open(a, Role.DESTINATION, ConnectContext.of(Secret.of(Dovecot.PASSWORD)));
    }

    static MessageBody body(byte[] b) {
        return new MessageBody() {
            @Override
            public long size() {
                return b.length;
            }

            @Override
            public void writeTo(OutputStream out) throws java.io.IOException {
                out.write(b);
            }
        };
    }
}
