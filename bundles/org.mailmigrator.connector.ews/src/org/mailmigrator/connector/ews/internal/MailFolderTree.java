package org.mailmigrator.connector.ews.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mailmigrator.core.mail.MailFolder;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.search.FolderTraversal;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.search.FindFoldersResults;
import microsoft.exchange.webservices.data.search.FolderView;

/**
 * The mailbox's folders under "Top of Information Store" (msgfolderroot) as IMAP-style paths with '/':
 * the Inbox is {@code INBOX}, Sent Items, Drafts, Deleted Items and Junk E-mail keep their (localized) names and
 * carry the RFC 6154 attribute the engine maps special folders with. Calendar, contacts and other non-mail
 * folders are listed as {@code \Noselect}, so that the engine neither creates a clashing mail folder nor
 * copies into them. A '/' inside an Exchange folder name is shown as '_'. The online archive (a source setting) is
 * read from ArchiveMsgFolderRoot instead, each of its folders under one path ({@code Archive/…}), none special.
 * <p>
 * The tree is read with GetFolder of the well-known folders and a deep FindFolder; as a source, the engine's
 * {@link #folders(String)} reads it with SyncFolderHierarchy instead and keeps it as a token between passes
 * ({@link FolderHierarchy}): a pass whose tree did not change costs one SyncFolderHierarchy. The other sessions of the
 * pass take that tree from the connector ({@link PerMailbox}) instead of listing it again.
 */
final class MailFolderTree {
    static final char SEPARATOR = '/';
    private static final Map<WellKnownFolderName, String> SPECIAL = Map.of(WellKnownFolderName.SentItems, "\\Sent",
            WellKnownFolderName.Drafts, "\\Drafts", WellKnownFolderName.DeletedItems, "\\Trash",
            WellKnownFolderName.JunkEmail, "\\Junk");

    record Node(String path, FolderId id, boolean mail, Set<String> attributes) {
    }

    private final ExchangeService service;
    private Map<String, Node> byPath;
    private final Mailboxes mailboxes;
    /** Reading the online archive: the path its folders are shown under (empty: the primary mailbox). */
    private final Optional<String> archive;
    /** As a source, what the sessions of the pass share for this mailbox (null as a destination). */
    private final PerMailbox.Shared shared;
    /** The mailbox and settings a kept tree must be of. */
    private final String scope;
    /** The tree the paths were built from (null before the first listing). */
    private FolderHierarchy.Snapshot loaded;
    /** Whether it came from SyncFolderHierarchy (this session's or the pass's): a path not in it does not exist. */
    private boolean synced;
    private String token;

    MailFolderTree(ExchangeService service, Mailboxes mailboxes, Optional<String> archive, PerMailbox.Shared shared,
            String scope) {
        this.service = service;
        this.mailboxes = mailboxes;
        this.archive = archive;
        this.shared = shared;
        this.scope = scope + (archive.isPresent() ? "|archive" : "|primary") + "|" + mailboxes.delegated().orElse("");
    }

    List<MailFolder> folders() throws Exception {
        List<MailFolder> out = new ArrayList<>();
        for (Node n : nodes().values()) {
            out.add(new MailFolder(n.path(), SEPARATOR, n.attributes(), true));
        }
        return out;
    }

    /**
     * As a source: the tree brought up to date from the token the engine kept (one SyncFolderHierarchy when it is one
     * of this mailbox), else read whole (GetFolder of the well-known folders, SyncFolderHierarchy from no state, also
     * when Exchange no longer accepts the state). {@link #token()} then gives the token to keep: the known one when
     * nothing changed.
     */
    List<MailFolder> folders(String known) throws Exception {
        Optional<FolderHierarchy.Snapshot> kept = FolderHierarchy.Snapshot.of(known, scope);
        FolderHierarchy.Synced result = null;
        if (kept.isPresent()) {
            try {
                result = FolderHierarchy.sync(service, shared.gate, kept.get());
            } catch (ServiceResponseException e) {
                if (e.getErrorCode() != ServiceError.ErrorInvalidSyncStateData) {
                    throw e;
                }
            }
        }
        boolean unchanged = result != null && !result.changed();
        if (result == null) { // no tree kept, or Exchange no longer knows its state: read whole
            FolderHierarchy.Snapshot ids = kept.map(k -> new FolderHierarchy.Snapshot(scope, null, k.root(), k.inbox(),
                    k.special(), Map.<String, FolderHierarchy.Entry>of())).orElse(null);
            result = FolderHierarchy.sync(service, shared.gate, ids != null ? ids : wellKnown());
        }
        token = unchanged ? known : result.tree().token();
        use(result.tree());
        shared.tree(result.tree());
        return folders();
    }

    /** The token of the tree the last {@link #folders(String)} gave (null before). */
    String token() {
        return token;
    }

    Optional<Node> find(String path) throws Exception {
        Node n = nodes().get(path);
        if (n == null && !synced) {
            byPath = null; // created meanwhile by another session: look again once
            n = nodes().get(path);
        }
        return Optional.ofNullable(n);
    }

    void added(String path, FolderId id) {
        if (byPath != null) {
            byPath.put(path, new Node(path, id, true, Set.of("\\HasNoChildren")));
        }
    }

    FolderId root() throws Exception {
        nodes();
        return new FolderId(loaded.root());
    }

    private Map<String, Node> nodes() throws Exception {
        if (byPath == null) {
            FolderHierarchy.Snapshot known = shared == null ? null : shared.tree();
            if (known != null && known.scope().equals(scope)) {
                use(known); // read by this pass's first session
            } else {
                loaded = walk();
                byPath = build(loaded);
            }
        }
        return byPath;
    }

    private void use(FolderHierarchy.Snapshot snapshot) throws Exception {
        loaded = snapshot;
        synced = true;
        byPath = build(snapshot);
    }

    /** The ids of the root, the Inbox and the special folders (GetFolder each; once per session), no folder below. */
    private FolderHierarchy.Snapshot wellKnown() throws Exception {
        if (loaded != null) {
            return new FolderHierarchy.Snapshot(scope, null, loaded.root(), loaded.inbox(), loaded.special(), Map.of());
        }
        Map<String, String> special = new LinkedHashMap<>();
        if (archive.isPresent()) { // the archive's folders are plain folders below its own root
            String root = bind(WellKnownFolderName.ArchiveMsgFolderRoot);
            return new FolderHierarchy.Snapshot(scope, null, root, "", special, Map.of());
        }
        String root = bind(WellKnownFolderName.MsgFolderRoot);
        String inbox = bind(WellKnownFolderName.Inbox);
        for (Map.Entry<WellKnownFolderName, String> s : SPECIAL.entrySet()) {
            special.put(bind(s.getKey()), s.getValue());
        }
        return new FolderHierarchy.Snapshot(scope, null, root, inbox, special, Map.of());
    }

    private String bind(WellKnownFolderName name) throws Exception {
        return Folder.bind(service, mailboxes.folder(name), PropertySet.getIdOnly()).getId().getUniqueId();
    }

    /** The tree listed with FindFolder (deep, paged) below the root. */
    private FolderHierarchy.Snapshot walk() throws Exception {
        FolderHierarchy.Snapshot ids = wellKnown();
        Map<String, FolderHierarchy.Entry> byId = new LinkedHashMap<>();
        for (int offset = 0;;) {
            FolderView view = new FolderView(500, offset);
            view.setTraversal(FolderTraversal.Deep);
            view.setPropertySet(FolderHierarchy.SHAPE);
            FindFoldersResults page = service.findFolders(new FolderId(ids.root()), view);
            for (Folder f : page.getFolders()) {
                byId.put(f.getId().getUniqueId(), new FolderHierarchy.Entry(f.getParentFolderId().getUniqueId(),
                        f.getDisplayName(), f.getFolderClass()));
            }
            if (!page.isMoreAvailable() || page.getFolders().isEmpty()) {
                break;
            }
            offset = page.getNextPageOffset() == null ? offset + page.getFolders().size() : page.getNextPageOffset();
        }
        return new FolderHierarchy.Snapshot(scope, null, ids.root(), ids.inbox(), ids.special(), byId);
    }

    private Map<String, Node> build(FolderHierarchy.Snapshot s) throws Exception {
        Map<String, Integer> children = new HashMap<>();
        s.folders().values().forEach(e -> children.merge(e.parent(), 1, Integer::sum));
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (Map.Entry<String, FolderHierarchy.Entry> f : s.folders().entrySet()) {
            String path = path(f.getKey(), s);
            if (path == null) {
                continue; // outside the root (should not happen with a deep traversal)
            }
            String cls = f.getValue().folderClass();
            boolean mail = cls == null || cls.isEmpty() || cls.equals("IPF.Note") || cls.startsWith("IPF.Note.");
            String special = s.special().get(f.getKey());
            Set<String> attributes = !mail ? Set.of("\\Noselect")
                    : special != null ? Set.of(special)
                    : Set.of(children.getOrDefault(f.getKey(), 0) > 0 ? "\\HasChildren" : "\\HasNoChildren");
            nodes.put(path, new Node(path, new FolderId(f.getKey()), mail, attributes));
        }
        return nodes;
    }

    private String path(String id, FolderHierarchy.Snapshot s) {
        StringBuilder path = new StringBuilder();
        for (String at = id; at != null; ) {
            FolderHierarchy.Entry e = s.folders().get(at);
            if (e == null || path.length() > 100_000) {
                return null;
            }
            String name = at.equals(s.inbox()) ? "INBOX" : String.valueOf(e.name()).replace(SEPARATOR, '_');
            path.insert(0, path.isEmpty() ? name : name + SEPARATOR);
            if (e.parent().equals(s.root())) {
                return archive.map(a -> a + SEPARATOR + path).orElse(path.toString());
            }
            at = e.parent();
        }
        return null;
    }
}
