package org.mailmigrator.connector.ews.tests;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;

import org.w3c.dom.Element;

/**
 * The folders of the EWS PROTOCOL FAKE's mail part: msgfolderroot with Inbox, Sent Items, Drafts, Deleted Items,
 * Junk E-mail and a Calendar and Contacts folder that hold no mail; GetFolder, FindFolder (deep), CreateFolder
 * (IPF.Note checked, ErrorFolderExists), UpdateFolder (extended properties) and SyncFolderHierarchy ({@link
 * FakeHierarchy}: a folder change clock). Ids start with "mf-".
 */
final class FakeMailFolders {
    static final Map<String, String> DISTINGUISHED = Map.of("msgfolderroot", "mf-root", "inbox", "mf-inbox",
            "sentitems", "mf-sent", "drafts", "mf-drafts", "deleteditems", "mf-deleted", "junkemail", "mf-junk",
            "archivemsgfolderroot", "mf-archive");
    /** A path that starts here is in the archive mailbox (below archivemsgfolderroot), not below msgfolderroot. */
    static final String ARCHIVE = "(archive)/";

    static final class Folder {
        final String id;
        final String parent;
        final String name;
        final String folderClass;
        final Map<String, Element> properties = new ConcurrentHashMap<>();
        /** The hierarchy's change clock when the folder was created, and when it last changed (0: seeded before any sync). */
        volatile long createdAt;
        volatile long changedAt;

        Folder(String id, String parent, String name, String folderClass) {
            this.id = id;
            this.parent = parent;
            this.name = name;
            this.folderClass = folderClass;
        }
    }

    private final AtomicInteger ids = new AtomicInteger();
    final Map<String, Folder> folders = new ConcurrentHashMap<>();
    final FakeHierarchy hierarchy = new FakeHierarchy(this);
    /** How many messages a folder holds (TotalCount). */
    private final ToLongFunction<String> count;

    FakeMailFolders(ToLongFunction<String> count) {
        this.count = count;
        add(new Folder("mf-root", "root", "Top of Information Store", null));
        add(new Folder("mf-inbox", "mf-root", "Inbox", "IPF.Note"));
        add(new Folder("mf-sent", "mf-root", "Sent Items", "IPF.Note"));
        add(new Folder("mf-drafts", "mf-root", "Drafts", "IPF.Note"));
        add(new Folder("mf-deleted", "mf-root", "Deleted Items", "IPF.Note"));
        add(new Folder("mf-junk", "mf-root", "Junk E-mail", "IPF.Note"));
        add(new Folder("mf-calendar", "mf-root", "Calendar", "IPF.Appointment"));
        add(new Folder("mf-contacts", "mf-root", "Contacts", "IPF.Contact"));
        add(new Folder("mf-archive", "archive-root", "Top of Information Store", null)); // the archive mailbox's
    }

    /** A mail folder made in the archive mailbox ({@code parentPath} "" for its top), returning its path for {@link #folder}. */
    String archiveFolder(String parentPath, String name) {
        Folder parent = parentPath.isEmpty() ? folders.get("mf-archive") : folder(ARCHIVE + parentPath);
        add(new Folder("mf-a" + ids.incrementAndGet(), parent.id, name, "IPF.Note"));
        return ARCHIVE + (parentPath.isEmpty() ? "" : parentPath + "/") + name;
    }

    private void add(Folder f) {
        folders.put(f.id, f);
    }

    /** The folder a path of display names leads to from msgfolderroot ("Inbox/Work"). */
    Folder folder(String path) {
        boolean archive = path.startsWith(ARCHIVE);
        Folder at = folders.get(archive ? "mf-archive" : "mf-root");
        for (String part : (archive ? path.substring(ARCHIVE.length()) : path).split("/")) {
            Folder parent = at;
            at = folders.values().stream().filter(f -> f.parent.equals(parent.id) && f.name.equals(part)).findFirst()
                    .orElseThrow(() -> new AssertionError("no folder " + path + " in the fake; has " + paths()));
        }
        return at;
    }

    List<String> paths() {
        List<String> out = new ArrayList<>();
        for (Folder f : folders.values()) {
            StringBuilder p = new StringBuilder(f.name);
            Folder up = folders.get(f.parent);
            for (; up != null && !up.id.equals("mf-root"); up = folders.get(up.parent)) {
                p.insert(0, up.name + "/");
            }
            if (up != null) { // below msgfolderroot (not it, not the archive mailbox)
                out.add(p.toString());
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    Folder folderOf(Element holder) {
        String id = Xml.find(holder, "DistinguishedFolderId").map(e -> DISTINGUISHED.get(e.getAttribute("Id")))
                .orElseGet(() -> Xml.find(holder, "FolderId").map(e -> e.getAttribute("Id")).orElse("?"));
        return folders.get(id);
    }

    String getFolder(Element op) {
        Folder f = folderOf(Xml.child(op, "FolderIds").orElseThrow());
        return Xml.response("GetFolder", f == null ? Xml.error("GetFolder", "ErrorFolderNotFound", "The specified folder could not be found in the store.", null)
                : Xml.success("GetFolder", "<m:Folders>" + folderXml(f) + "</m:Folders>"));
    }

    /**
     * A mail folder created in Outlook below {@code parentPath} ("" for the top of the mailbox): seen by
     * SyncFolderHierarchy as created. Returns its path for {@link #folder}.
     */
    String create(String parentPath, String name) {
        Folder parent = parentPath.isEmpty() ? folders.get("mf-root") : folder(parentPath);
        Folder f = new Folder("mf-o" + ids.incrementAndGet(), parent.id, name, "IPF.Note");
        add(f);
        hierarchy.created(f);
        return (parentPath.isEmpty() ? "" : parentPath + "/") + name;
    }

    /** A folder renamed in Outlook: the same id, another name; SyncFolderHierarchy reports an Update. */
    void rename(String path, String name) {
        Folder old = folder(path);
        Folder f = new Folder(old.id, old.parent, name, old.folderClass);
        f.properties.putAll(old.properties);
        f.createdAt = old.createdAt;
        add(f);
        hierarchy.changed(f);
    }

    /** A folder deleted for good (with the folders below it): SyncFolderHierarchy reports a Delete for each. */
    void delete(String path) {
        Folder f = folder(path);
        List<Folder> gone = new ArrayList<>(List.of(f));
        collect(f.id, gone);
        for (Folder g : gone) {
            hierarchy.deleted(g, ancestors(g));
            folders.remove(g.id);
        }
    }

    /** The ids above a folder, up to the top of its mailbox. */
    List<String> ancestors(Folder f) {
        List<String> out = new ArrayList<>();
        for (Folder up = folders.get(f.parent); up != null; up = folders.get(up.parent)) {
            out.add(up.id);
        }
        return out;
    }

    /** Every folder below {@code parentId}, parents before their children. */
    List<Folder> below(String parentId) {
        List<Folder> out = new ArrayList<>();
        collect(parentId, out);
        return out;
    }

    /** A folder as SyncFolderHierarchy gives it: the element Exchange uses for its class (CalendarFolder...). */
    String changedFolderXml(Folder f) {
        String element = f.folderClass == null ? "Folder" : f.folderClass.startsWith("IPF.Appointment") ? "CalendarFolder"
                : f.folderClass.startsWith("IPF.Contact") ? "ContactsFolder" : f.folderClass.startsWith("IPF.Task")
                ? "TasksFolder" : "Folder";
        return folderXml(f, element);
    }

    private String folderXml(Folder f) {
        return folderXml(f, "Folder");
    }

    private String folderXml(Folder f, String element) {
        long count = this.count.applyAsLong(f.id);
        long children = folders.values().stream().filter(c -> c.parent.equals(f.id)).count();
        StringBuilder x = new StringBuilder("<t:" + element + "><t:FolderId Id=\"" + f.id + "\" ChangeKey=\"1\"/><t:ParentFolderId Id=\""
                + f.parent + "\" ChangeKey=\"1\"/>");
        if (f.folderClass != null) {
            x.append("<t:FolderClass>").append(f.folderClass).append("</t:FolderClass>");
        }
        x.append("<t:DisplayName>").append(Xml.escape(f.name)).append("</t:DisplayName><t:TotalCount>").append(count)
                .append("</t:TotalCount><t:ChildFolderCount>").append(children).append("</t:ChildFolderCount>");
        f.properties.values().forEach(p -> x.append(Xml.serialize(p)));
        return x.append("</t:").append(element).append(">").toString();
    }

    String findFolder(Element op, List<String> violations) {
        if (!"Deep".equals(op.getAttribute("Traversal"))) {
            violations.add("FindFolder of mail folders without Traversal=\"Deep\"");
        }
        Folder parent = folderOf(Xml.child(op, "ParentFolderIds").orElseThrow());
        List<Folder> found = new ArrayList<>();
        collect(parent.id, found);
        StringBuilder x = new StringBuilder();
        found.forEach(f -> x.append(folderXml(f)));
        return Xml.foundFolders(found.size(), x);
    }

    private void collect(String parent, List<Folder> out) {
        folders.values().stream().filter(f -> f.parent.equals(parent)).sorted(Comparator.comparing(f -> f.id)).forEach(f -> {
            out.add(f);
            collect(f.id, out);
        });
    }

    String createFolder(Element op, List<String> violations) {
        Folder parent = folderOf(Xml.child(op, "ParentFolderId").orElseThrow());
        String name = Xml.text(op, "DisplayName");
        if (!"IPF.Note".equals(Xml.text(op, "FolderClass"))) {
            violations.add("mail folder '" + name + "' created without FolderClass IPF.Note");
        }
        if (folders.values().stream().anyMatch(f -> f.parent.equals(parent.id) && f.name.equalsIgnoreCase(name))) {
            return Xml.response("CreateFolder", Xml.error("CreateFolder", "ErrorFolderExists", "A folder with the specified name already exists.", null));
        }
        Folder f = new Folder("mf-" + ids.incrementAndGet(), parent.id, name, "IPF.Note");
        add(f);
        hierarchy.created(f);
        return Xml.response("CreateFolder", Xml.success("CreateFolder", "<m:Folders><t:Folder><t:FolderId Id=\"" + f.id
                + "\" ChangeKey=\"1\"/></t:Folder></m:Folders>"));
    }

    String updateFolder(Element op) {
        StringBuilder answers = new StringBuilder();
        for (Element change : Xml.findAll(op, "FolderChange")) {
            Folder f = folders.get(Xml.find(change, "FolderId").orElseThrow().getAttribute("Id"));
            Xml.findAll(change, "ExtendedProperty").forEach(p -> f.properties.put(FakeMail.key(p), p));
            answers.append(Xml.success("UpdateFolder", "<m:Folders><t:Folder><t:FolderId Id=\"" + f.id + "\" ChangeKey=\"1\"/></t:Folder></m:Folders>"));
        }
        return Xml.response("UpdateFolder", answers.toString());
    }
}
