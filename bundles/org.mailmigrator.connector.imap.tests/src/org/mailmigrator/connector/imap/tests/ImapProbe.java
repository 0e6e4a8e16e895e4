package org.mailmigrator.connector.imap.tests;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.eclipse.angus.mail.iap.Literal;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.INTERNALDATE;
import org.eclipse.angus.mail.imap.protocol.ListInfo;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.mailmigrator.testing.ImapServer;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;

/**
 * Test-side IMAP access written directly on Angus (not on the connector under test): loads messages with
 * exact bytes, flags and dates, changes flags, and takes a per-folder snapshot of what a mailbox holds.
 */
final class ImapProbe implements AutoCloseable {
    private final IMAPStore store;

    private ImapProbe(IMAPStore store) {
        this.store = store;
    }

    static ImapProbe login(ImapServer server, String user) throws Exception {
        return login(server.host(), server.imapPort(), user, server.password());
    }

    static ImapProbe login(String host, int port, String user, String password) throws Exception {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(IMAPStore.class.getClassLoader());
        try {
            IMAPStore store = (IMAPStore) Session.getInstance(new Properties()).getStore("imap");
            store.connect(host, port, user, password);
            return new ImapProbe(store);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** The personal namespace's prefix as folder names carry it: {@code "INBOX."} or {@code ""}. */
    String personalPrefix() throws Exception {
        Folder ns = store.getPersonalNamespaces()[0];
        return ns.getFullName().isEmpty() ? "" : ns.getFullName() + ns.getSeparator();
    }

    char separator() throws Exception {
        return store.getPersonalNamespaces()[0].getSeparator();
    }

    void create(String folder, boolean subscribe) throws Exception {
        Folder f = store.getFolder(folder);
        if (!f.exists()) {
            f.create(Folder.HOLDS_MESSAGES);
        }
        f.setSubscribed(subscribe);
    }

    void append(String folder, byte[] message, Set<String> flags, Instant date) throws Exception {
        Flags f = new Flags();
        for (String flag : flags) {
            switch (flag) {
            case "\\Seen" -> f.add(Flags.Flag.SEEN);
            case "\\Answered" -> f.add(Flags.Flag.ANSWERED);
            case "\\Flagged" -> f.add(Flags.Flag.FLAGGED);
            case "\\Deleted" -> f.add(Flags.Flag.DELETED);
            case "\\Draft" -> f.add(Flags.Flag.DRAFT);
            default -> f.add(flag);
            }
        }
        IMAPFolder any = (IMAPFolder) store.getDefaultFolder();
        any.doCommand(p -> {
            p.append(folder, f, Date.from(date), new Literal() {
                @Override
                public int size() {
                    return message.length;
                }

                @Override
                public void writeTo(OutputStream out) throws IOException {
                    out.write(message);
                }
            });
            return null;
        });
    }

    /** Runs a UID command in a folder opened for writing, e.g. "UID STORE 3 +FLAGS (\\Seen)". */
    void command(String folder, String command) throws Exception {
        IMAPFolder f = (IMAPFolder) store.getFolder(folder);
        f.open(Folder.READ_WRITE);
        try {
            f.doCommand(p -> {
                Response[] r = p.command(command, null);
                p.handleResult(r[r.length - 1]);
                return null;
            });
        } finally {
            f.close(false);
        }
    }

    /** Every folder name with its attributes, and whether it is subscribed. */
    Map<String, String> folders() throws Exception {
        IMAPFolder any = (IMAPFolder) store.getDefaultFolder();
        ListInfo[] all = (ListInfo[]) any.doCommand(p -> p.list("", "*"));
        ListInfo[] subs = (ListInfo[]) any.doCommand(p -> p.lsub("", "*"));
        Set<String> subscribed = new TreeSet<>();
        for (ListInfo l : subs == null ? new ListInfo[0] : subs) {
            subscribed.add(l.name);
        }
        Map<String, String> out = new TreeMap<>();
        for (ListInfo l : all == null ? new ListInfo[0] : all) {
            out.put(l.name, (l.canOpen ? "" : "noselect ") + (subscribed.contains(l.name) ? "subscribed" : ""));
        }
        return out;
    }

    /**
     * What each selectable folder holds: sorted "sha256-of-bytes flags internaldate" lines, one per message
     * (duplicates stay duplicates: a multiset). \Recent is ignored; dates compared as instants.
     */
    Map<String, List<String>> snapshot() throws Exception {
        Map<String, List<String>> out = new TreeMap<>();
        for (var e : folders().entrySet()) {
            if (!e.getValue().startsWith("noselect")) {
                out.put(e.getKey(), messages(e.getKey()));
            }
        }
        return out;
    }

    List<String> messages(String folder) throws Exception {
        IMAPFolder f = (IMAPFolder) store.getFolder(folder);
        // read-write only so that Angus leaves it with UNSELECT: hoodiecrow expunges on CLOSE even after EXAMINE
        f.open(Folder.READ_WRITE);
        try {
            List<String> lines = new ArrayList<>();
            if (f.getMessageCount() == 0) {
                return lines;
            }
            Response[] rs = (Response[]) f.doCommand(p -> p.command("UID FETCH 1:* (UID FLAGS INTERNALDATE BODY.PEEK[])", null));
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Response r : rs) {
                if (r instanceof FetchResponse fr && fr.getItem(UID.class) != null) {
                    var body = fr.getItem(BODY.class).getByteArray();
                    sha.update(body.getBytes(), body.getStart(), body.getCount());
                    Set<String> flags = new TreeSet<>();
                    Flags fl = fr.getItem(FLAGS.class);
                    for (Flags.Flag sf : fl.getSystemFlags()) {
                        if (sf != Flags.Flag.RECENT) {
                            flags.add(systemName(sf));
                        }
                    }
                    flags.addAll(List.of(fl.getUserFlags()));
                    lines.add(HexFormat.of().formatHex(sha.digest()).substring(0, 16) + " " + flags + " "
                            + fr.getItem(INTERNALDATE.class).getDate().toInstant());
                }
            }
            lines.sort(null);
            return lines;
        } finally {
            f.close(false);
        }
    }

    private static String systemName(Flags.Flag f) {
        if (f == Flags.Flag.SEEN) {
            return "\\Seen";
        } else if (f == Flags.Flag.ANSWERED) {
            return "\\Answered";
        } else if (f == Flags.Flag.FLAGGED) {
            return "\\Flagged";
        } else if (f == Flags.Flag.DELETED) {
            return "\\Deleted";
        } else if (f == Flags.Flag.DRAFT) {
            return "\\Draft";
        }
        return f.toString();
    }

    @Override
    public void close() throws Exception {
        store.close();
    }
}
