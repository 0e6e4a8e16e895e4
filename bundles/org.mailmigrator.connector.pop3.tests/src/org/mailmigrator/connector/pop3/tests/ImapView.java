package org.mailmigrator.connector.pop3.tests;

import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;

/**
 * A mailbox's INBOX seen over IMAP, written on Angus directly (not on a connector under test): appends exact bytes,
 * and lists what the server holds (bytes, INTERNALDATE, flags). The oracle for what a POP3 source held and what
 * its copy holds.
 */
final class ImapView {
    /** One stored message: SHA-256 of its bytes, the Message-ID found in them, its arrival date and flags. */
    record Stored(String sha256, String messageId, Instant internalDate, Flags flags) {
    }

    private ImapView() {
    }

    static void append(int port, String user, byte[]... messages) throws Exception {
        appendSignedIn(port, user, null, messages);
    }

    /** {@link #append} signed in with an OAuth2 access token (SASL XOAUTH2) when {@code token} is not null. */
    static void appendSignedIn(int port, String user, String token, byte[]... messages) throws Exception {
        on(port, user, token, store -> {
            IMAPFolder any = (IMAPFolder) store.getDefaultFolder();
            for (byte[] m : messages) {
                any.doCommand(p -> {
                    p.append("INBOX", new Flags(), new Date(), new org.eclipse.angus.mail.iap.Literal() {
                        @Override
                        public int size() {
                            return m.length;
                        }

                        @Override
                        public void writeTo(OutputStream out) throws java.io.IOException {
                            out.write(m);
                        }
                    });
                    return null;
                });
            }
            return null;
        });
    }

    static List<Stored> inbox(int port, String user) throws Exception {
        return on(port, user, null, store -> {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Stored> out = new ArrayList<>();
            for (Message m : inbox.getMessages()) {
                byte[] bytes;
                try (InputStream in = ((IMAPMessage) m).getMimeStream()) {
                    bytes = in.readAllBytes();
                }
                String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                int at = text.indexOf("Message-ID: <");
                String id = at < 0 ? null : text.substring(at + 13, text.indexOf('>', at));
                out.add(new Stored(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), id,
                        m.getReceivedDate().toInstant(), m.getFlags()));
            }
            inbox.close(false);
            return out;
        });
    }

    /** Selects the INBOX for writing and closes it (Dovecot then moves what is in new/ to cur/). */
    static void select(int port, String user) throws Exception {
        on(port, user, null, store -> {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            inbox.close(false);
            return null;
        });
    }

    private interface Action<T> {
        T run(IMAPStore store) throws Exception;
    }

    /** Runs {@code action} logged in as {@code user} (with the password, or the OAuth2 token if not null) (Angus found through its own class loader, as in OSGi it must). */
    private static <T> T on(int port, String user, String token, Action<T> action) throws Exception {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(IMAPStore.class.getClassLoader());
        Properties props = new Properties();
        if (token != null) {
            props.put("mail.imap.auth.mechanisms", "XOAUTH2");
            props.put("mail.imap.auth.xoauth2.disable", "false");
        }
        IMAPStore store = (IMAPStore) Session.getInstance(props).getStore("imap");
        try {
            store.connect("127.0.0.1", port, user, token != null ? token : Pop3Fixture.PASSWORD);
            return action.run(store);
        } finally {
            store.close();
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** The sorted SHA-256 values of a mailbox's messages: equal lists mean the same bytes, duplicates included. */
    static List<String> digests(List<Stored> messages) {
        return messages.stream().map(Stored::sha256).sorted().toList();
    }
}
