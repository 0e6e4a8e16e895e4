package org.mailmigrator.connector.imap.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

import org.eclipse.angus.mail.iap.BadCommandException;
import org.eclipse.angus.mail.iap.CommandFailedException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.ListInfo;
import org.eclipse.angus.mail.imap.protocol.Namespaces;
import org.eclipse.angus.mail.imap.protocol.Status;
import org.mailmigrator.core.mail.FolderStatus;
import org.mailmigrator.core.mail.MailFolder;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.Namespace;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.core.spi.PinningTrustManager;
import org.mailmigrator.core.spi.SignIn;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;

/**
 * One logged-in IMAP connection (Angus {@link IMAPStore}) offering {@link MailStore}. Store-level commands
 * (LIST, STATUS, CREATE) go through a closed folder's {@code doCommand}; each opened {@link ImapMailbox}
 * has its own connection from Angus's pool.
 */
public final class ImapSession implements ConnectorSession, MailStore {
    private final IMAPStore store;
    private final ImapSettings settings;
    private final boolean condstore;
    private final boolean multiappend;
    private Optional<Long> appendLimit;
    private final HeldBodies held;
    private final Compression compression;
    private Prefetcher prefetcher;

    private ImapSession(IMAPStore store, ImapSettings settings, HeldBodies held, Compression compression)
            throws MessagingException {
        this.store = store;
        this.compression = compression;
        compression.offered(store.hasCapability("COMPRESS=DEFLATE"));
        this.settings = settings;
        this.held = held;
        this.condstore = store.hasCapability("CONDSTORE");
        this.multiappend = store.hasCapability("MULTIAPPEND");
    }

    /**
     * Opens a session signing in as {@code signIn} says: a password, or an OAuth2 bearer token (BearerLogin); big
     * messages it reads are kept in memory within {@code held} (shared by the runner's sessions); what it measures
     * of the link, as a session of {@code role}, is shared through {@code links} (compress=auto).
     */
    public static ImapSession open(ImapSettings s, SignIn signIn, ConnectContext context, HeldBodies held, Links links,
            Role role) throws ConnectorException {
        PinningTrustManager trust = null;
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        // Jakarta Mail finds its providers through the context class loader: in OSGi it must see Angus
        Thread.currentThread().setContextClassLoader(IMAPStore.class.getClassLoader());
        try {
            String protocol = s.security() == ImapSettings.Security.TLS ? "imaps" : "imap";
            String p = "mail." + protocol + ".";
            Properties props = new Properties();
            Compression compression = new Compression(Compression.parse(s.compress()), links.of(s, role));
            if (s.security() != ImapSettings.Security.PLAIN) {
                trust = new PinningTrustManager(s.trustSha256(), s.trustStore(), context, s.host());
                SSLContext tls = SSLContext.getInstance("TLS");
                tls.init(null, new TrustManager[] { trust }, null);
                props.put(p + "ssl.socketFactory", new WatchedTls(tls.getSocketFactory(), s.stallSeconds()));
            }
            props.put(p + "ssl.checkserveridentity", String.valueOf(s.trustSha256().isEmpty()));
            props.put(p + "starttls.enable", String.valueOf(s.security() == ImapSettings.Security.STARTTLS));
            props.put(p + "starttls.required", String.valueOf(s.security() == ImapSettings.Security.STARTTLS));
            props.put("mail.imap.socketFactory", new GreetingSockets(s.stallSeconds()));
            props.put("mail.imap.socketFactory.fallback", "false");
            props.put(p + "connectiontimeout", "30000");
            props.put(p + "timeout", String.valueOf(s.stallSeconds() * 1000)); // and StallWatch for writes
            props.put(p + "connectionpoolsize", "2");
            props.put(p + "compress.enable", String.valueOf(compression.atLogin()));
            props.put(p + "compress.level", String.valueOf(Compression.LEVEL));
            props.put(Compression.KEY, compression);
            SignIn.Bearer bearer = signIn instanceof SignIn.Bearer b ? b : null;
            if (bearer != null) {
                BearerLogin.configure(props, p, bearer);
            }
            BearerLogin.Tokens tokens = bearer == null ? null : BearerLogin.authenticator(bearer);
            Session session = bearer == null ? Session.getInstance(props) : Session.getInstance(props, tokens);
            IMAPStore store = new TolerantStore(session, s.security() == ImapSettings.Security.TLS);
            if (bearer != null) {
                BearerLogin.connect(store, s, bearer, tokens);
                return new ImapSession(store, s, held, compression);
            }
            char[] pw = ((SignIn.Password) signIn).password().reveal();
            try {
                store.connect(s.host(), s.port(), s.login(), new String(pw));
            } finally {
                java.util.Arrays.fill(pw, '\0');
            }
            return new ImapSession(store, s, held, compression);
        } catch (MessagingException e) {
            throw ImapFailures.connect(e, s, trust);
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new ConnectorException.AccountFailure("cannot set up TLS for " + s.describe() + ": " + e.getMessage(),
                    ConnectorException.AccountFailure.Reason.CONFIGURATION, e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    HeldBodies heldBodies() {
        return held;
    }

    /** The thread on which this session's folders fetch ahead ({@link BodyFetch}); made when first asked for. */
    synchronized Prefetcher prefetcher() {
        if (prefetcher == null) {
            prefetcher = new Prefetcher();
        }
        return prefetcher;
    }

    boolean condstore() {
        return condstore;
    }

    boolean multiappend() {
        return multiappend;
    }

    String describe() {
        return settings.describe();
    }

    private Object command(String what, IMAPFolder.ProtocolCommand cmd) throws ConnectorException {
        try {
            return ((IMAPFolder) store.getDefaultFolder()).doCommand(cmd);
        } catch (MessagingException e) {
            throw ImapFailures.during(what + " on " + settings.describe(), e);
        }
    }

    @Override
    public Namespace personalNamespace() throws ConnectorException {
        Namespaces ns = (Namespaces) command("NAMESPACE", p -> p.hasCapability("NAMESPACE") ? p.namespace() : null);
        if (ns != null && ns.personal != null && ns.personal.length > 0) {
            return new Namespace(ns.personal[0].prefix, ns.personal[0].delimiter);
        }
        ListInfo[] root = (ListInfo[]) command("LIST", p -> p.list("", ""));
        return new Namespace("", root != null && root.length > 0 ? root[0].separator : '/');
    }

    @Override
    public List<MailFolder> folders() throws ConnectorException {
        ListInfo[] all = (ListInfo[]) command("LIST", p -> p.list("", "*"));
        ListInfo[] subscribed = (ListInfo[]) command("LSUB", p -> p.lsub("", "*"));
        Set<String> subs = new HashSet<>();
        if (subscribed != null) {
            for (ListInfo l : subscribed) {
                subs.add(l.name);
            }
        }
        List<MailFolder> out = new ArrayList<>();
        if (all != null) {
            for (ListInfo l : all) {
                Set<String> attrs = new HashSet<>(List.of(l.attrs == null ? new String[0] : l.attrs));
                if (!l.canOpen) {
                    attrs.add("\\Noselect");
                }
                out.add(new MailFolder(l.name, l.separator, attrs, subs.contains(l.name)));
            }
        }
        return out;
    }

    private String[] statusItems() {
        return condstore ? new String[] { "MESSAGES", "UIDNEXT", "UIDVALIDITY", "HIGHESTMODSEQ" }
                : new String[] { "MESSAGES", "UIDNEXT", "UIDVALIDITY" };
    }

    @Override
    public Optional<FolderStatus> status(String folder) throws ConnectorException {
        String[] items = statusItems();
        Status st = (Status) command("STATUS " + folder, p -> {
            try {
                return p.status(folder, items);
            } catch (CommandFailedException e) {
                if (ImapFailures.limit("STATUS", e).isPresent()) {
                    throw e; // a provider's "slow down" says nothing about the folder: typed as throttled above
                }
                return null;
            }
        });
        return st == null ? Optional.empty() : Optional.of(status(st));
    }

    private static FolderStatus status(Status st) {
        return new FolderStatus(Long.toString(st.uidvalidity), UidSets.text(st.uidnext), st.total,
                UidSets.text(st.highestmodseq));
    }

    /** Every folder's STATUS in one burst of pipelined commands ({@link StatusBurst}). */
    @Override
    public Map<String, Optional<FolderStatus>> statuses(List<String> folders) throws ConnectorException {
        Map<?, ?> got = (Map<?, ?>) command("STATUS of " + folders.size() + " folders",
                p -> StatusBurst.of(p, folders, statusItems()));
        Map<String, Optional<FolderStatus>> out = new java.util.LinkedHashMap<>();
        for (String f : folders) {
            out.put(f, got.get(f) instanceof Status st ? Optional.of(status(st)) : Optional.empty());
        }
        return out;
    }

    @Override
    public void create(String folder, boolean holdsMessages) throws ConnectorException {
        if (holdsMessages && createdAtOnce(folder)) {
            return;
        }
        createChecked(folder, holdsMessages);
    }

    /**
     * The CREATEs in bursts ({@link FolderBurst}), then one LIST: a folder answered NO, or not listed as one that
     * holds messages after its OK (Courier lost one in a burst), takes the checking path alone.
     */
    @Override
    public void createAll(List<String> folders) throws ConnectorException {
        command("CREATE of " + folders.size() + " folders", p -> FolderBurst.create(p, folders));
        ListInfo[] all = (ListInfo[]) command("LIST", p -> p.list("", "*"));
        Set<String> made = new HashSet<>();
        for (ListInfo l : all == null ? new ListInfo[0] : all) {
            if (l.canOpen) {
                made.add(l.name);
            }
        }
        for (String f : folders) {
            if (!made.contains(f)) {
                createChecked(f, true);
            }
        }
    }

    /** Angus's checking path: LIST, CREATE, LIST (also makes a pure parent). */
    private void createChecked(String folder, boolean holdsMessages) throws ConnectorException {
        try {
            Folder f = store.getFolder(folder);
            if (!f.exists() && !f.create(holdsMessages ? Folder.HOLDS_MESSAGES : Folder.HOLDS_FOLDERS)) {
                throw new ConnectorException.AccountFailure("cannot create folder '" + folder + "' on "
                        + settings.describe(), null);
            }
        } catch (MessagingException e) {
            throw ImapFailures.during("creating folder '" + folder + "'", e);
        }
    }

    /**
     * One CREATE, one round trip (Angus's {@code Folder.create} costs three: LIST, CREATE, LIST); false when the
     * server said NO (the folder may exist already): the caller then takes the checking path.
     */
    private boolean createdAtOnce(String folder) throws ConnectorException {
        Object refused = command("CREATE " + folder, p -> {
            try {
                p.create(folder);
                return null;
            } catch (CommandFailedException e) {
                return e;
            }
        });
        return refused == null;
    }

    @Override
    public void subscribe(String folder) throws ConnectorException {
        Object refused = command("SUBSCRIBE " + folder, p -> {
            try {
                p.subscribe(folder);
                return null;
            } catch (CommandFailedException | BadCommandException e) {
                return e; // NO or BAD to this one command: the connection is fine
            }
        });
        if (refused instanceof ProtocolException e) {
            throw subscribeRefused(folder, e);
        }
    }

    /** A refused SUBSCRIBE as an item failure; a provider's limit answer is thrown instead. */
    private ConnectorException.ItemFailure subscribeRefused(String folder, ProtocolException e) throws ConnectorException {
        if (ImapFailures.limit("SUBSCRIBE on " + settings.describe(), e).isPresent()) {
            throw ImapFailures.limit("SUBSCRIBE on " + settings.describe(), e).get();
        }
        return new ConnectorException.ItemFailure(settings.describe() + " refused to subscribe folder '" + folder
                + "': " + ServerText.of(e), e);
    }

    /** The SUBSCRIBEs in one burst ({@link FolderBurst}); a provider's limit answer is thrown. */
    @Override
    public Map<String, ConnectorException.ItemFailure> subscribeAll(List<String> folders) throws ConnectorException {
        Map<?, ?> refused = (Map<?, ?>) command("SUBSCRIBE of " + folders.size() + " folders",
                p -> FolderBurst.subscribe(p, folders));
        Map<String, ConnectorException.ItemFailure> out = new java.util.LinkedHashMap<>();
        for (var e : refused.entrySet()) {
            ProtocolException refusal = new CommandFailedException((org.eclipse.angus.mail.iap.Response) e.getValue());
            out.put((String) e.getKey(), subscribeRefused((String) e.getKey(), refusal));
        }
        return out;
    }

    @Override
    public Mailbox open(String folder, boolean write) throws ConnectorException {
        return ImapMailbox.open(this, (IMAPFolder) folderObject(folder), write);
    }

    private Folder folderObject(String name) throws ConnectorException {
        try {
            return store.getFolder(name);
        } catch (MessagingException e) {
            throw ImapFailures.during("folder '" + name + "'", e);
        }
    }

    @Override
    public synchronized Optional<Long> appendLimit() {
        try {
            appendLimit = appendLimit != null ? appendLimit : ServerInfo.appendLimit(command("CAPABILITY",
                    p -> p.getCapabilities()));
        } catch (ConnectorException e) {
            appendLimit = Optional.empty(); // none known: a message too big gets a NO, which is reported as well
        }
        return appendLimit;
    }

    @Override
    public List<String> capabilities() throws ConnectorException {
        return ServerInfo.capabilities(command("CAPABILITY", p -> p.getCapabilities()));
    }

    @Override
    public Optional<String> link() {
        return Optional.of(compression.outcome());
    }

    @Override
    public Optional<java.time.Duration> roundTrip() {
        return compression.link().roundTrip();
    }

    @Override
    public List<org.mailmigrator.core.mail.Quota> quotas(String folder) throws ConnectorException {
        return ServerInfo.quotas(store, folder, settings.describe());
    }

    @Override
    public <T> Optional<T> capability(Class<T> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }

    /**
     * Handed on when the server answers a NOOP on its connection (Angus's {@code isConnected}): one round trip where a
     * login costs four, and a connection the server or the network dropped meanwhile (an idle timeout, a cut) is not.
     */
    @Override
    public boolean reusable() {
        return store.isConnected();
    }

    /** Every folder's STATUS pipelined in one burst ({@link StatusBurst}). */
    @Override
    public boolean statusesInOneBurst() {
        return true;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (prefetcher != null) {
                prefetcher.close();
            }
        }
        try {
            store.close();
        } catch (MessagingException e) {
            // logging out of a broken connection: the session is gone either way
        }
    }
}
