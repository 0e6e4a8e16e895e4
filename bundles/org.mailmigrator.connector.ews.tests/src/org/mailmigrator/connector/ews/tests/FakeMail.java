package org.mailmigrator.connector.ews.tests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.w3c.dom.Element;

/**
 * The mail part of the EWS PROTOCOL FAKE: a folder tree under msgfolderroot (Inbox, Sent Items, Drafts, Deleted
 * Items, Junk E-mail, and a Calendar and Contacts folder that hold no mail), messages stored as the MIME bytes
 * the client sent plus their extended properties, read state and categories. Answers GetFolder, FindFolder (deep),
 * CreateFolder, UpdateFolder, CreateItem, FindItem (IsGreaterThanOrEqualTo restriction, indexed paging),
 * UpdateItem and DeleteItem for those. Ids start with "mf-" (folders) and "mail-" (messages).
 */
final class FakeMail {
    static final Map<String, String> DISTINGUISHED = Map.of("msgfolderroot", "mf-root", "inbox", "mf-inbox",
            "sentitems", "mf-sent", "drafts", "mf-drafts", "deleteditems", "mf-deleted", "junkemail", "mf-junk");

    static final class Folder {
        final String id;
        final String parent;
        final String name;
        final String folderClass;
        final Map<String, Element> properties = new ConcurrentHashMap<>();

        Folder(String id, String parent, String name, String folderClass) {
            this.id = id;
            this.parent = parent;
            this.name = name;
            this.folderClass = folderClass;
        }
    }

    static final class Message {
        final String id;
        final String folder;
        final byte[] mime;
        final Map<String, Element> properties = new LinkedHashMap<>();
        volatile boolean read;
        volatile List<String> categories = List.of();

        Message(String id, String folder, byte[] mime) {
            this.id = id;
            this.folder = folder;
            this.mime = mime;
        }

        String property(String key) {
            return Optional.ofNullable(properties.get(key)).map(e -> Xml.text(e, "Value")).orElse(null);
        }

        String subject() {
            for (String line : new String(mime, StandardCharsets.ISO_8859_1).split("\r?\n")) {
                if (line.isEmpty()) {
                    return null;
                }
                if (line.regionMatches(true, 0, "Subject:", 0, 8)) {
                    return line.substring(8).trim();
                }
            }
            return null;
        }
    }

    private final AtomicInteger ids = new AtomicInteger();
    final Map<String, Folder> folders = new ConcurrentHashMap<>();
    final Map<String, Message> messages = new ConcurrentHashMap<>();
    /** CreateItem answers ErrorMessageSizeExceeded for MIME content bigger than this. */
    volatile int maxMessageBytes = Integer.MAX_VALUE;

    FakeMail() {
        add(new Folder("mf-root", "root", "Top of Information Store", null));
        add(new Folder("mf-inbox", "mf-root", "Inbox", "IPF.Note"));
        add(new Folder("mf-sent", "mf-root", "Sent Items", "IPF.Note"));
        add(new Folder("mf-drafts", "mf-root", "Drafts", "IPF.Note"));
        add(new Folder("mf-deleted", "mf-root", "Deleted Items", "IPF.Note"));
        add(new Folder("mf-junk", "mf-root", "Junk E-mail", "IPF.Note"));
        add(new Folder("mf-calendar", "mf-root", "Calendar", "IPF.Appointment"));
        add(new Folder("mf-contacts", "mf-root", "Contacts", "IPF.Contact"));
    }

    private void add(Folder f) {
        folders.put(f.id, f);
    }

    /** Whether a request names a folder or item of the mail part. */
    static boolean concerns(Element op) {
        return Xml.findAll(op, "DistinguishedFolderId").stream().anyMatch(e -> DISTINGUISHED.containsKey(e.getAttribute("Id")))
                || Xml.findAll(op, "FolderId").stream().anyMatch(e -> e.getAttribute("Id").startsWith("mf-"))
                || Xml.findAll(op, "ItemId").stream().anyMatch(e -> e.getAttribute("Id").startsWith("mail-"))
                || Xml.child(op, "Items").map(i -> Xml.child(i, "Message").isPresent()).orElse(false);
    }

    /** The folder a path of display names leads to from msgfolderroot ("Inbox/Work"). */
    Folder folder(String path) {
        Folder at = folders.get("mf-root");
        for (String part : path.split("/")) {
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
            for (Folder up = folders.get(f.parent); up != null && !up.id.equals("mf-root"); up = folders.get(up.parent)) {
                p.insert(0, up.name + "/");
            }
            if (!f.id.equals("mf-root")) {
                out.add(p.toString());
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    List<Message> in(String path) {
        String id = folder(path).id;
        return messages.values().stream().filter(m -> m.folder.equals(id)).toList();
    }

    private Folder folderOf(Element holder) {
        String id = Xml.find(holder, "DistinguishedFolderId").map(e -> DISTINGUISHED.get(e.getAttribute("Id")))
                .orElseGet(() -> Xml.find(holder, "FolderId").map(e -> e.getAttribute("Id")).orElse("?"));
        return folders.get(id);
    }

    String getFolder(Element op) {
        Folder f = folderOf(Xml.child(op, "FolderIds").orElseThrow());
        return Xml.response("GetFolder", f == null ? Xml.error("GetFolder", "ErrorFolderNotFound", "The specified folder could not be found in the store.", null)
                : Xml.success("GetFolder", "<m:Folders>" + folderXml(f) + "</m:Folders>"));
    }

    private String folderXml(Folder f) {
        long count = messages.values().stream().filter(m -> m.folder.equals(f.id)).count();
        long children = folders.values().stream().filter(c -> c.parent.equals(f.id)).count();
        StringBuilder x = new StringBuilder("<t:Folder><t:FolderId Id=\"" + f.id + "\" ChangeKey=\"1\"/><t:ParentFolderId Id=\""
                + f.parent + "\" ChangeKey=\"1\"/>");
        if (f.folderClass != null) {
            x.append("<t:FolderClass>").append(f.folderClass).append("</t:FolderClass>");
        }
        x.append("<t:DisplayName>").append(Xml.escape(f.name)).append("</t:DisplayName><t:TotalCount>").append(count)
                .append("</t:TotalCount><t:ChildFolderCount>").append(children).append("</t:ChildFolderCount>");
        f.properties.values().forEach(p -> x.append(Xml.serialize(p)));
        return x.append("</t:Folder>").toString();
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
        return Xml.response("FindFolder", Xml.success("FindFolder", "<m:RootFolder IndexedPagingOffset=\"" + found.size()
                + "\" TotalItemsInView=\"" + found.size() + "\" IncludesLastItemInRange=\"true\"><t:Folders>" + x
                + "</t:Folders></m:RootFolder>"));
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
        return Xml.response("CreateFolder", Xml.success("CreateFolder", "<m:Folders><t:Folder><t:FolderId Id=\"" + f.id
                + "\" ChangeKey=\"1\"/></t:Folder></m:Folders>"));
    }

    String updateFolder(Element op) {
        StringBuilder answers = new StringBuilder();
        for (Element change : Xml.findAll(op, "FolderChange")) {
            Folder f = folders.get(Xml.find(change, "FolderId").orElseThrow().getAttribute("Id"));
            Xml.findAll(change, "ExtendedProperty").forEach(p -> f.properties.put(key(p), p));
            answers.append(Xml.success("UpdateFolder", "<m:Folders><t:Folder><t:FolderId Id=\"" + f.id + "\" ChangeKey=\"1\"/></t:Folder></m:Folders>"));
        }
        return Xml.response("UpdateFolder", answers.toString());
    }

    /** One answer per message: stored, or refused as Exchange refuses an over-size message. */
    String createItem(Element op, List<Element> items) {
        Folder folder = folderOf(Xml.child(op, "SavedItemFolderId").orElseThrow());
        StringBuilder answers = new StringBuilder();
        for (Element item : items) {
            byte[] mime = Base64.getMimeDecoder().decode(Xml.text(item, "MimeContent").trim());
            if (mime.length > maxMessageBytes) {
                answers.append(Xml.error("CreateItem", "ErrorMessageSizeExceeded",
                        "The message exceeds the maximum supported size.", null));
                continue;
            }
            Message m = new Message("mail-" + ids.incrementAndGet(), folder.id, mime);
            Xml.children(item).stream().filter(c -> c.getLocalName().equals("ExtendedProperty")).forEach(p -> m.properties.put(key(p), p));
            m.read = (Integer.parseInt(Optional.ofNullable(m.property("0x0E07:Integer")).orElse("0")) & 1) != 0;
            m.categories = categories(item);
            messages.put(m.id, m);
            answers.append(Xml.success("CreateItem", "<m:Items><t:Message><t:ItemId Id=\"" + m.id + "\" ChangeKey=\"1\"/></t:Message></m:Items>"));
        }
        return Xml.response("CreateItem", answers.toString());
    }

    private static List<String> categories(Element holder) {
        return Xml.child(holder, "Categories").map(c -> Xml.children(c).stream().map(Element::getTextContent).toList()).orElse(List.of());
    }

    String findItem(Element op) {
        Folder folder = folderOf(Xml.child(op, "ParentFolderIds").orElseThrow());
        Element restriction = Xml.find(op, "IsGreaterThanOrEqualTo").orElseThrow(() -> new AssertionError("FindItem without the UID restriction"));
        String field = key(Xml.find(restriction, "ExtendedFieldURI").orElseThrow());
        long from = Long.parseLong(Xml.find(restriction, "Constant").orElseThrow().getAttribute("Value"));
        Element page = Xml.find(op, "IndexedPageItemView").orElseThrow();
        int offset = Integer.parseInt(page.getAttribute("Offset"));
        int max = Integer.parseInt(page.getAttribute("MaxEntriesReturned"));
        List<Message> all = messages.values().stream().filter(m -> m.folder.equals(folder.id) && m.property(field) != null
                && Long.parseLong(m.property(field)) >= from).sorted(Comparator.comparing(m -> Integer.parseInt(m.id.substring(5)))).toList();
        List<Message> slice = all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + max));
        List<String> wanted = Xml.findAll(Xml.find(op, "ItemShape").orElseThrow(), "ExtendedFieldURI").stream().map(FakeMail::key).toList();
        List<String> fields = Xml.findAll(Xml.find(op, "ItemShape").orElseThrow(), "FieldURI").stream().map(e -> e.getAttribute("FieldURI")).toList();
        StringBuilder x = new StringBuilder();
        for (Message m : slice) {
            x.append("<t:Message><t:ItemId Id=\"").append(m.id).append("\" ChangeKey=\"1\"/>");
            if (fields.contains("item:Subject") && m.subject() != null) {
                x.append("<t:Subject>").append(Xml.escape(m.subject())).append("</t:Subject>");
            }
            if (fields.contains("item:DateTimeReceived")) {
                x.append("<t:DateTimeReceived>2026-01-01T00:00:00Z</t:DateTimeReceived>");
            }
            if (fields.contains("item:Size")) {
                x.append("<t:Size>").append(m.mime.length + 2000).append("</t:Size>");
            }
            wanted.stream().map(m.properties::get).filter(p -> p != null).forEach(p -> x.append(Xml.serialize(p)));
            x.append("</t:Message>");
        }
        boolean last = offset + slice.size() >= all.size();
        return Xml.response("FindItem", Xml.success("FindItem", "<m:RootFolder IndexedPagingOffset=\"" + (offset + slice.size())
                + "\" TotalItemsInView=\"" + all.size() + "\" IncludesLastItemInRange=\"" + last + "\"><t:Items>" + x
                + "</t:Items></m:RootFolder>"));
    }

    String updateItem(Element op, List<String> violations) {
        if (!"SaveOnly".equals(op.getAttribute("MessageDisposition"))) {
            violations.add("UpdateItem of a Message with MessageDisposition='" + op.getAttribute("MessageDisposition") + "'");
        }
        StringBuilder answers = new StringBuilder();
        for (Element change : Xml.findAll(op, "ItemChange")) {
            Message m = messages.get(Xml.find(change, "ItemId").orElseThrow().getAttribute("Id"));
            if (m == null) {
                answers.append(Xml.error("UpdateItem", "ErrorItemNotFound", "The specified object was not found in the store.", null));
                continue;
            }
            for (Element set : Xml.findAll(change, "SetItemField")) {
                Element holder = Xml.children(set).get(1);
                Xml.child(holder, "IsRead").ifPresent(r -> m.read = Boolean.parseBoolean(r.getTextContent()));
                Xml.child(holder, "Categories").ifPresent(c -> m.categories = categories(holder));
                Xml.child(holder, "ExtendedProperty").ifPresent(p -> m.properties.put(key(p), p));
            }
            for (Element delete : Xml.findAll(change, "DeleteItemField")) {
                if (Xml.find(delete, "FieldURI").map(f -> f.getAttribute("FieldURI").equals("item:Categories")).orElse(false)) {
                    m.categories = List.of();
                }
                Xml.find(delete, "ExtendedFieldURI").ifPresent(f -> m.properties.remove(key(f)));
            }
            answers.append(Xml.success("UpdateItem", "<m:Items><t:Message><t:ItemId Id=\"" + m.id + "\" ChangeKey=\"2\"/></t:Message></m:Items>"
                    + "<m:ConflictResults><t:Count>0</t:Count></m:ConflictResults>"));
        }
        return Xml.response("UpdateItem", answers.toString());
    }

    /** The DeleteType of each message removed, in order. */
    final List<String> deleteTypes = java.util.Collections.synchronizedList(new ArrayList<>());

    String deleteItem(Element op) {
        StringBuilder answers = new StringBuilder();
        Xml.findAll(op, "ItemId").forEach(id -> deleteTypes.add(op.getAttribute("DeleteType")));
        for (Element id : Xml.findAll(op, "ItemId")) {
            messages.remove(id.getAttribute("Id"));
            answers.append(Xml.success("DeleteItem", ""));
        }
        return Xml.response("DeleteItem", answers.toString());
    }

    /** "PublicStrings:Name:Type" or "0x0E07:Type" for an ExtendedProperty or ExtendedFieldURI element. */
    static String key(Element e) {
        Element uri = e.getLocalName().equals("ExtendedFieldURI") ? e : Xml.find(e, "ExtendedFieldURI").orElseThrow();
        String type = uri.getAttribute("PropertyType");
        if (!uri.getAttribute("PropertyTag").isEmpty()) {
            return String.format("0x%04X:%s", Integer.decode(uri.getAttribute("PropertyTag")), type);
        }
        return uri.getAttribute("DistinguishedPropertySetId") + ":" + uri.getAttribute("PropertyName") + ":" + type;
    }
}
