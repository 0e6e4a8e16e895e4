package org.mailmigrator.connector.pop3.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

import org.eclipse.angus.mail.pop3.POP3Folder;
import org.eclipse.angus.mail.pop3.POP3Store;
import org.mailmigrator.core.mail.FolderStatus;
import org.mailmigrator.core.mail.MailFolder;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.ReadOnlyMailStore;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorException.AccountFailure.Reason;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.core.spi.PinningTrustManager;
import org.mailmigrator.core.spi.SignIn;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;

/**
 * One logged-in POP3 connection (Angus {@link POP3Store}) offering {@link MailStore}: the maildrop is the one folder
 * INBOX, opened read only at login (POP3 shows the maildrop as it was then, until QUIT).
 * <p>
 * The folder's epoch is the constant {@link #EPOCH}: POP3 has nothing like UIDVALIDITY, and RFC 1939 forbids a
 * server to reuse a UIDL within a maildrop, so a replaced mailbox shows new UIDLs and those are copied; a host name
 * in the epoch would instead recopy everything when the same mailbox is reached under another name. There is no
 * position and no change token: each pass lists the UIDLs and copies those not copied yet.
 */
public final class Pop3Session extends ReadOnlyMailStore implements ConnectorSession {
    /** The epoch of the INBOX of every POP3 account: UIDLs are never reused within a maildrop. */
    public static final String EPOCH = "pop3-uidl";
    static final String INBOX = "INBOX";

    private final POP3Store store;
    private final POP3Folder inbox;
    private final Pop3Settings settings;

    private Pop3Session(POP3Store store, POP3Folder inbox, Pop3Settings settings) {
        super(Pop3Inbox.SOURCE_ONLY);
        this.store = store;
        this.inbox = inbox;
        this.settings = settings;
    }

    public static Pop3Session open(Pop3Settings s, Secret password, ConnectContext context) throws ConnectorException {
        return open(s, new SignIn.Password(password), context);
    }

    /** Opens a session signing in as {@code signIn} says: a password, or an OAuth2 token (XOAUTH2, Pop3Bearer). */
    public static Pop3Session open(Pop3Settings s, SignIn signIn, ConnectContext context) throws ConnectorException {
        PinningTrustManager trust = null;
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        // Jakarta Mail finds its providers through the context class loader: in OSGi it must see Angus
        Thread.currentThread().setContextClassLoader(POP3Store.class.getClassLoader());
        POP3Store store = null;
        try {
            String protocol = s.tls() ? "pop3s" : "pop3";
            String p = "mail." + protocol + ".";
            Properties props = new Properties();
            if (s.encrypted()) {
                trust = new PinningTrustManager(s.trustSha256(), s.trustStore(), context, s.host());
                SSLContext tls = SSLContext.getInstance("TLS");
                tls.init(null, new TrustManager[] { trust }, null);
                props.put(p + "ssl.socketFactory", tls.getSocketFactory());
                props.put(p + "ssl.checkserveridentity", String.valueOf(s.trustSha256().isEmpty()));
            }
            props.put(p + "starttls.enable", String.valueOf(s.starttls()));
            props.put(p + "starttls.required", String.valueOf(s.starttls()));
            props.put(p + "connectiontimeout", "30000");
            props.put(p + "timeout", "120000");
            // never a DELE: the maildrop is opened read only, and RSET before QUIT undoes any mark all the same
            props.put(p + "rsetbeforequit", "true");
            if (signIn instanceof SignIn.Bearer bearer) {
                Pop3Bearer.configure(props, p, bearer, s);
            }
            Session session = Session.getInstance(props);
            store = (POP3Store) session.getStore(protocol);
            if (signIn instanceof SignIn.Bearer bearer) {
                return new Pop3Session(store, Pop3Bearer.connect(store, s, bearer), s);
            }
            char[] pw = ((SignIn.Password) signIn).password().reveal();
            try {
                store.connect(s.host(), s.port(), s.login(), new String(pw));
            } finally {
                java.util.Arrays.fill(pw, '\0');
            }
            POP3Folder inbox = (POP3Folder) store.getFolder(INBOX);
            inbox.open(Folder.READ_ONLY);
            return new Pop3Session(store, inbox, s);
        } catch (MessagingException e) {
            close(store);
            throw Pop3Failures.connect(e, s, trust);
        } catch (ConnectorException e) {
            close(store);
            throw e;
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new ConnectorException.AccountFailure("cannot set up TLS for " + s.describe() + ": " + e.getMessage(),
                    Reason.CONFIGURATION, e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Override
    public <T> Optional<T> capability(Class<T> type) {
        return type == MailStore.class ? Optional.of(type.cast(this)) : Optional.empty();
    }

    /** POP3 has no folders: the maildrop is shown as INBOX, the only folder. */
    @Override
    public List<MailFolder> folders() {
        return List.of(new MailFolder(INBOX, '/', java.util.Set.of(), true));
    }

    @Override
    public Optional<FolderStatus> status(String folder) throws ConnectorException {
        if (!INBOX.equalsIgnoreCase(folder)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FolderStatus(EPOCH, null, inbox.getMessageCount(), null));
        } catch (MessagingException e) {
            throw Pop3Failures.lost("STAT on " + settings.describe(), e);
        }
    }

    @Override
    public Mailbox open(String folder, boolean write) throws ConnectorException {
        if (write) {
            throw refused();
        }
        FolderStatus status = status(folder).orElseThrow(() -> new ConnectorException.ItemFailure("POP3 has no folder '"
                + folder + "', only INBOX", null));
        return new Pop3Inbox(inbox, status, settings.describe());
    }


    /**
     * The server's CAPA list as it spells it, and, said plainly for the pre-flight report, what POP3 lacks: folders
     * and flags.
     */
    @Override
    public List<String> capabilities() throws ConnectorException {
        List<String> out = new ArrayList<>();
        try {
            store.capabilities().forEach((name, line) -> out.add(line == null ? name : line));
        } catch (MessagingException e) {
            throw Pop3Failures.lost("CAPA on " + settings.describe(), e);
        }
        out.add("(POP3: no folders, only INBOX is read; no flags, every message arrives unread)");
        return out;
    }

    @Override
    public void close() {
        try {
            inbox.close(false); // false: expunge nothing (and the folder is read only)
        } catch (MessagingException | RuntimeException e) {
            // closing must not hide the pass's outcome
        }
        close(store);
    }

    private static void close(POP3Store store) {
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException | RuntimeException e) {
                // as above
            }
        }
    }
}
