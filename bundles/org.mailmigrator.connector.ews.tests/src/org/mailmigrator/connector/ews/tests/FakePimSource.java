package org.mailmigrator.connector.ews.tests;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.w3c.dom.Element;

/**
 * The calendar/contacts SOURCE part of the EWS PROTOCOL FAKE: seeded Calendar, Tasks and Contacts folders (and
 * sub-folders) holding items a test gives as the XML Exchange answers to GetItem (shapes taken from Microsoft's
 * documented EWS examples; the fake's answers are validated against the schema when {@code checkResponses} is on).
 * Answers GetFolder on the distinguished calendar/contacts/tasks folders, a deep FindFolder, SyncFolderItems from a
 * change clock (states "pim-sync-N", an unknown one ErrorInvalidSyncStateData), GetItem by ItemId (the series' modified
 * occurrences too, "pim-occ-" ids) and GetAttachment (a contact's picture). It does not compute anything from the
 * items: what a test seeded is what it serves.
 */
final class FakePimSource {
    private record Folder(String id, String parent, String name, String type) {
    }

    private record Stored(String id, String folder, String kind, String xml, long createdAt, long changedAt) {
    }

    private record Photo(String id, String name, String type, byte[] bytes) {
    }

    private static final Map<String, String> ROOTS = Map.of("calendar", "CalendarFolder", "contacts", "ContactsFolder",
            "tasks", "TasksFolder");
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicLong clock = new AtomicLong();
    private final Map<String, Folder> folders = new ConcurrentHashMap<>();
    private final Map<String, Stored> items = new ConcurrentHashMap<>();
    private final Map<String, Photo> photos = new ConcurrentHashMap<>();
    /** GetItem requests answered, and the ItemIds they asked for, in order. */
    final List<String> itemsRead = java.util.Collections.synchronizedList(new ArrayList<>());

    FakePimSource() {
        folders.put("pf-calendar", new Folder("pf-calendar", "pf-root", "Calendar", "CalendarFolder"));
        folders.put("pf-contacts", new Folder("pf-contacts", "pf-root", "Contacts", "ContactsFolder"));
        folders.put("pf-tasks", new Folder("pf-tasks", "pf-root", "Tasks", "TasksFolder"));
    }

    /** Whether the request is for this part: only once something was seeded (a destination fake stays as it was). */
    boolean concerns(Element op) {
        if (items.isEmpty()) {
            return false;
        }
        boolean distinguished = Xml.findAll(op, "DistinguishedFolderId").stream().anyMatch(e -> ROOTS.containsKey(e.getAttribute("Id")));
        return distinguished && op.getLocalName().equals("GetFolder")
                || Xml.findAll(op, "FolderId").stream().anyMatch(e -> e.getAttribute("Id").startsWith("pf-"))
                || Xml.findAll(op, "ItemId").stream().anyMatch(e -> e.getAttribute("Id").startsWith("pim-"))
                || Xml.findAll(op, "AttachmentId").stream().anyMatch(e -> e.getAttribute("Id").startsWith("pa-"));
    }

    /** A sub-folder of {@code parent} ("pf-calendar"...), its id. */
    String folder(String parent, String name) {
        String id = "pf-" + ids.incrementAndGet();
        folders.put(id, new Folder(id, parent, name, folders.get(parent).type()));
        return id;
    }

    /** An item of {@code kind} (CalendarItem, Contact, Task) whose elements after its ItemId are {@code xml}; its id. */
    String item(String folder, String kind, String xml) {
        String id = "pim-" + ids.incrementAndGet();
        long now = clock.incrementAndGet();
        items.put(id, new Stored(id, folder, kind, xml, now, now));
        return id;
    }

    /** A modified occurrence, read by its own ItemId and listed only by its series (ModifiedOccurrences). */
    void occurrence(String id, String xml) {
        items.put(id, new Stored(id, null, "CalendarItem", xml, 0, 0));
    }

    /** A file attachment with IsContactPhoto, under the id the item's Attachments element names. */
    void photo(String id, String name, String type, byte[] bytes) {
        photos.put(id, new Photo(id, name, type, bytes));
    }

    /** The item changed in Outlook: its new elements, and SyncFolderItems reports an Update. */
    void change(String id, String xml) {
        Stored s = items.get(id);
        items.put(id, new Stored(id, s.folder(), s.kind(), xml, s.createdAt(), clock.incrementAndGet()));
    }

    String answer(Element op) {
        return switch (op.getLocalName()) {
            case "GetFolder" -> getFolder(op);
            case "FindFolder" -> findFolder(op);
            case "SyncFolderItems" -> sync(op);
            case "GetItem" -> getItem(op);
            case "GetAttachment" -> getAttachment(op);
            default -> Xml.response(op.getLocalName(), Xml.error(op.getLocalName(), "ErrorAccessDenied",
                    "the fake's source mailbox is read-only", null));
        };
    }

    private String getFolder(Element op) {
        StringBuilder x = new StringBuilder();
        for (Element id : Xml.children(Xml.child(op, "FolderIds").orElseThrow())) {
            String key = id.getLocalName().equals("DistinguishedFolderId") ? "pf-" + id.getAttribute("Id") : id.getAttribute("Id");
            Folder f = folders.get(key);
            x.append(f == null ? Xml.error("GetFolder", "ErrorFolderNotFound", "The specified folder could not be found in the store.", null)
                    : Xml.success("GetFolder", "<m:Folders>" + describe(f) + "</m:Folders>"));
        }
        return Xml.response("GetFolder", x.toString());
    }

    private static String describe(Folder f) {
        return "<t:" + f.type() + "><t:FolderId Id=\"" + f.id() + "\" ChangeKey=\"1\"/><t:ParentFolderId Id=\"" + f.parent()
                + "\" ChangeKey=\"1\"/><t:DisplayName>" + Xml.escape(f.name()) + "</t:DisplayName></t:" + f.type() + ">";
    }

    private String findFolder(Element op) {
        String parent = Xml.find(Xml.child(op, "ParentFolderIds").orElseThrow(), "FolderId").map(e -> e.getAttribute("Id")).orElse("?");
        List<Folder> below = new ArrayList<>();
        collect(parent, below);
        StringBuilder x = new StringBuilder();
        below.forEach(f -> x.append(describe(f)));
        return Xml.foundFolders(below.size(), x);
    }

    private void collect(String parent, List<Folder> out) {
        folders.values().stream().filter(f -> f.parent().equals(parent)).sorted(Comparator.comparing(Folder::id)).forEach(f -> {
            out.add(f);
            collect(f.id(), out);
        });
    }

    private String sync(Element op) {
        String folder = Xml.find(Xml.child(op, "SyncFolderId").orElseThrow(), "FolderId").map(e -> e.getAttribute("Id")).orElse("?");
        String state = Xml.text(op, "SyncState");
        long from;
        try {
            from = state == null || state.isBlank() ? 0 : Long.parseLong(state.replace("pim-sync-", ""));
        } catch (NumberFormatException e) {
            from = -1;
        }
        if (from < 0 || from > clock.get()) {
            return Xml.response("SyncFolderItems", Xml.error("SyncFolderItems", "ErrorInvalidSyncStateData",
                    "Synchronization state data is corrupt or otherwise invalid.", null));
        }
        int max = Integer.parseInt(Xml.text(op, "MaxChangesReturned"));
        long since = from;
        List<Stored> changed = items.values().stream().filter(s -> folder.equals(s.folder()) && s.changedAt() > since)
                .sorted(Comparator.comparingLong(Stored::changedAt)).toList();
        List<Stored> slice = changed.subList(0, Math.min(max, changed.size()));
        boolean last = slice.size() == changed.size();
        long to = last ? clock.get() : slice.get(slice.size() - 1).changedAt();
        StringBuilder x = new StringBuilder();
        for (Stored s : slice) {
            String change = s.createdAt() > since ? "Create" : "Update";
            x.append("<t:").append(change).append("><t:").append(s.kind()).append(">").append(FakeMailbox.itemId(s.id()))
                    .append("</t:").append(s.kind()).append("></t:").append(change).append(">");
        }
        return Xml.response("SyncFolderItems", Xml.success("SyncFolderItems", "<m:SyncState>pim-sync-" + to
                + "</m:SyncState><m:IncludesLastItemInRange>" + last + "</m:IncludesLastItemInRange><m:Changes>" + x + "</m:Changes>"));
    }

    private String getItem(Element op) {
        StringBuilder x = new StringBuilder();
        for (Element id : Xml.children(Xml.child(op, "ItemIds").orElseThrow())) {
            Stored s = items.get(id.getAttribute("Id"));
            itemsRead.add(id.getAttribute("Id"));
            x.append(s == null ? Xml.itemError("GetItem", "ErrorItemNotFound", "The specified object was not found in the store.", null)
                    : Xml.success("GetItem", "<m:Items><t:" + s.kind() + ">" + FakeMailbox.itemId(s.id()) + s.xml() + "</t:" + s.kind()
                            + "></m:Items>"));
        }
        return Xml.response("GetItem", x.toString());
    }

    private String getAttachment(Element op) {
        StringBuilder x = new StringBuilder();
        for (Element id : Xml.findAll(op, "AttachmentId")) {
            Photo p = photos.get(id.getAttribute("Id"));
            x.append(p == null ? Xml.error("GetAttachment", "ErrorItemNotFound", "The specified object was not found in the store.", null)
                    : Xml.success("GetAttachment", "<m:Attachments><t:FileAttachment><t:AttachmentId Id=\"" + p.id() + "\"/><t:Name>"
                            + Xml.escape(p.name()) + "</t:Name><t:ContentType>" + p.type() + "</t:ContentType><t:Size>" + p.bytes().length
                            + "</t:Size><t:IsInline>false</t:IsInline><t:IsContactPhoto>true</t:IsContactPhoto><t:Content>"
                            + Base64.getEncoder().encodeToString(p.bytes()) + "</t:Content></t:FileAttachment></m:Attachments>"));
        }
        return Xml.response("GetAttachment", x.toString());
    }

    /** The element name of a seeded item (CalendarItem, Contact, Task). */
    String kind(String id) {
        return items.get(id).kind();
    }

    /** The ids of the items seeded, for tests. */
    Set<String> ids() {
        return Set.copyOf(items.keySet());
    }
}
