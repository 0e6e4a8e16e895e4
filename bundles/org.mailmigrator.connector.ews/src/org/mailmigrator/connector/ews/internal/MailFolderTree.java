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
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.search.FolderTraversal;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.core.service.schema.FolderSchema;
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
 */
final class MailFolderTree {
    static final char SEPARATOR = '/';
    private static final Map<WellKnownFolderName, String> SPECIAL = Map.of(WellKnownFolderName.SentItems, "\\Sent",
            WellKnownFolderName.Drafts, "\\Drafts", WellKnownFolderName.DeletedItems, "\\Trash",
            WellKnownFolderName.JunkEmail, "\\Junk");

    record Node(String path, FolderId id, boolean mail, Set<String> attributes) {
    }

    private final ExchangeService service;
    private String rootId;
    private String inboxId;
    private final Map<String, String> specialById = new HashMap<>();
    private Map<String, Node> byPath;

    private final Mailboxes mailboxes;
    /** Reading the online archive: the path its folders are shown under (empty: the primary mailbox). */
    private final Optional<String> archive;

    MailFolderTree(ExchangeService service, Mailboxes mailboxes, Optional<String> archive) {
        this.service = service;
        this.mailboxes = mailboxes;
        this.archive = archive;
    }

    List<MailFolder> folders() throws Exception {
        List<MailFolder> out = new ArrayList<>();
        for (Node n : nodes().values()) {
            out.add(new MailFolder(n.path(), SEPARATOR, n.attributes(), true));
        }
        return out;
    }

    Optional<Node> find(String path) throws Exception {
        Node n = nodes().get(path);
        if (n == null) {
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
        return new FolderId(rootId);
    }

    private Map<String, Node> nodes() throws Exception {
        if (byPath != null) {
            return byPath;
        }
        if (rootId == null) {
            if (archive.isPresent()) { // the archive's folders are plain folders below its own root
                rootId = Folder.bind(service, mailboxes.folder(WellKnownFolderName.ArchiveMsgFolderRoot), PropertySet.getIdOnly())
                        .getId().getUniqueId();
                inboxId = "";
            } else {
                rootId = Folder.bind(service, mailboxes.folder(WellKnownFolderName.MsgFolderRoot), PropertySet.getIdOnly()).getId().getUniqueId();
                inboxId = Folder.bind(service, mailboxes.folder(WellKnownFolderName.Inbox), PropertySet.getIdOnly()).getId().getUniqueId();
                for (Map.Entry<WellKnownFolderName, String> s : SPECIAL.entrySet()) {
                    specialById.put(Folder.bind(service, mailboxes.folder(s.getKey()), PropertySet.getIdOnly()).getId().getUniqueId(), s.getValue());
                }
            }
        }
        Map<String, Folder> byId = new LinkedHashMap<>();
        PropertySet props = new PropertySet(BasePropertySet.IdOnly, FolderSchema.ParentFolderId, FolderSchema.DisplayName,
                FolderSchema.FolderClass, FolderSchema.ChildFolderCount);
        for (int offset = 0;;) {
            FolderView view = new FolderView(500, offset);
            view.setTraversal(FolderTraversal.Deep);
            view.setPropertySet(props);
            FindFoldersResults page = service.findFolders(new FolderId(rootId), view);
            for (Folder f : page.getFolders()) {
                byId.put(f.getId().getUniqueId(), f);
            }
            if (!page.isMoreAvailable() || page.getFolders().isEmpty()) {
                break;
            }
            offset = page.getNextPageOffset() == null ? offset + page.getFolders().size() : page.getNextPageOffset();
        }
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (Folder f : byId.values()) {
            String path = path(f, byId);
            if (path == null) {
                continue; // outside msgfolderroot (should not happen with a deep traversal)
            }
            String cls = f.getFolderClass();
            boolean mail = cls == null || cls.isEmpty() || cls.equals("IPF.Note") || cls.startsWith("IPF.Note.");
            String special = specialById.get(f.getId().getUniqueId());
            Set<String> attributes = !mail ? Set.of("\\Noselect")
                    : special != null ? Set.of(special)
                    : Set.of(f.getChildFolderCount() > 0 ? "\\HasChildren" : "\\HasNoChildren");
            nodes.put(path, new Node(path, f.getId(), mail, attributes));
        }
        byPath = nodes;
        return nodes;
    }

    private String path(Folder f, Map<String, Folder> byId) throws Exception {
        StringBuilder path = new StringBuilder();
        for (Folder at = f; at != null; at = byId.get(at.getParentFolderId().getUniqueId())) {
            String id = at.getId().getUniqueId();
            String name = id.equals(inboxId) ? "INBOX" : at.getDisplayName().replace(SEPARATOR, '_');
            path.insert(0, path.isEmpty() ? name : name + SEPARATOR);
            if (at.getParentFolderId().getUniqueId().equals(rootId)) {
                return archive.map(a -> a + SEPARATOR + path).orElse(path.toString());
            }
        }
        return null;
    }
}
