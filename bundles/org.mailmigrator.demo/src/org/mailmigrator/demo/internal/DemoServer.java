package org.mailmigrator.demo.internal;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.Secret;

import com.icegreen.greenmail.imap.AuthorizationException;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;

import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * One in-process IMAP server (GreenMail) on the loopback interface, on a port the system picks. It speaks
 * IMAP4rev1 with UIDPLUS, MOVE, QUOTA and IDLE, but neither STARTTLS nor CONDSTORE, SPECIAL-USE or
 * MULTIAPPEND: accounts on it are plaintext, which is safe only because nothing leaves 127.0.0.1.
 */
public final class DemoServer implements AutoCloseable {
    public static final String HOST = "127.0.0.1";
    private final String name;
    private final GreenMail greenMail;

    private DemoServer(String name, GreenMail greenMail) {
        this.name = name;
        this.greenMail = greenMail;
    }

    /** Starts a server; {@code name} only labels it ("source", "destination"). */
    public static DemoServer start(String name) {
        // port 0: the system picks a free one, so two demos (or a demo and the tests) never collide
        GreenMail g = new GreenMail(new ServerSetup(0, HOST, ServerSetup.PROTOCOL_IMAP));
        g.start();
        return new DemoServer(name, g);
    }

    public String name() {
        return name;
    }

    public int port() {
        return greenMail.getImap().getPort();
    }

    /** Creates a user who logs in as {@code login}. */
    public GreenMailUser addUser(String login, Secret password) {
        return greenMail.setUser(login, login, new String(password.reveal()));
    }

    /** Puts the messages into the user's folders (created as needed), with their flags and arrival dates. */
    public void fill(GreenMailUser user, List<SampleMail> mails) throws MessagingException {
        ImapHostManager folders = greenMail.getManagers().getImapHostManager();
        Session session = Session.getInstance(new java.util.Properties());
        try {
            for (SampleMail m : mails) {
                MailFolder folder = folders.getFolder(user, m.folder());
                if (folder == null) {
                    folder = folders.createMailbox(user, m.folder());
                    folders.subscribe(user, m.folder());
                }
                folder.appendMessage(new MimeMessage(session, new java.io.ByteArrayInputStream(m.bytes())),
                        flags(m.flags()), Date.from(m.date().toInstant()));
            }
        } catch (FolderException | AuthorizationException e) {
            throw new MessagingException("cannot fill the demo mailbox of " + user.getLogin() + ": " + e.getMessage(), e);
        }
    }

    private static Flags flags(java.util.Set<String> names) {
        Flags f = new Flags();
        for (String n : names) {
            switch (n) {
                case "\\Seen" -> f.add(Flags.Flag.SEEN);
                case "\\Answered" -> f.add(Flags.Flag.ANSWERED);
                case "\\Flagged" -> f.add(Flags.Flag.FLAGGED);
                case "\\Draft" -> f.add(Flags.Flag.DRAFT);
                default -> f.add(n);
            }
        }
        return f;
    }

    /**
     * The IMAP account of a user of this server, as a batch stores it: security "plain" is written into
     * the account itself, so plaintext is allowed for these loopback servers only and never for a run.
     */
    public Account account(String login, CredentialRef credential) {
        return new Account("imap", Map.of("host", HOST, "port", String.valueOf(port()), "security", "plain",
                "login", login), credential);
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    @Override
    public String toString() {
        return name + " IMAP server on " + HOST + ":" + port();
    }
}
