package org.mailmigrator.connector.ews.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.w3c.dom.Element;

/** The fake's mailbox: folders, items (their XML as sent, updates merged in), deleted and modified occurrences. */
final class FakeMailbox {
    record Item(String id, String kind, String folder, String uid, Element xml) {
        String field(String name) {
            return Xml.child(xml, name).map(Element::getTextContent).orElse(null);
        }

        Optional<Element> element(String name) {
            return Xml.child(xml, name);
        }

        /** The value of the PublicStrings extended property of that name, as stored (updates merged in). */
        String property(String name) {
            return extendedProperty(xml, name).map(p -> Xml.text(p, "Value")).orElse(null);
        }
    }

    static Optional<Element> extendedProperty(Element item, String name) {
        return Xml.children(item).stream().filter(c -> c.getLocalName().equals("ExtendedProperty")
                && Xml.find(c, "ExtendedFieldURI").map(u -> u.getAttribute("PropertyName").equals(name)).orElse(false)).findFirst();
    }

    record Folder(String id, String parent, String name) {
    }

    private final AtomicInteger ids = new AtomicInteger();
    final Map<String, Item> items = new ConcurrentHashMap<>();
    final Map<String, Folder> folders = new ConcurrentHashMap<>();
    final Map<String, Set<Integer>> deletedOccurrences = new ConcurrentHashMap<>();
    final Map<String, Map<Integer, Element>> modifiedOccurrences = new ConcurrentHashMap<>();
    /** UpdateItem requests applied, per item id. */
    final Map<String, Integer> updates = new ConcurrentHashMap<>();
    final FakeAttachments attachments = new FakeAttachments(this);

    List<Item> items(String kind) {
        return items.values().stream().filter(i -> i.kind().equals(kind)).toList();
    }

    Item byUid(String uid) {
        return items.values().stream().filter(i -> uid.equals(i.property("MailMigratorUid"))).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + uid));
    }

    String store(Element op, Element item) {
        String folder = folderOf(Xml.child(op, "SavedItemFolderId").orElse(null));
        String uid = extendedProperty(item, "MailMigratorUid").map(c -> Xml.text(c, "Value")).orElse(null);
        String id = "item-" + ids.incrementAndGet();
        items.put(id, new Item(id, item.getLocalName(), folder, uid, item));
        return "<t:" + item.getLocalName() + ">" + itemId(id) + "</t:" + item.getLocalName() + ">";
    }

    static String itemId(String id) {
        return "<t:ItemId Id=\"" + Xml.escape(id) + "\" ChangeKey=\"ck-" + Xml.escape(id) + "\"/>";
    }

    private static String folderOf(Element parent) {
        if (parent == null) {
            return "drafts";
        }
        return Xml.find(parent, "DistinguishedFolderId").map(e -> e.getAttribute("Id"))
                .orElseGet(() -> Xml.find(parent, "FolderId").map(e -> e.getAttribute("Id")).orElse("?"));
    }

    String getFolder(Element op) {
        String id = Xml.find(op, "DistinguishedFolderId").map(e -> e.getAttribute("Id")).orElse("?");
        String type = switch (id) {
            case "calendar" -> "CalendarFolder";
            case "contacts" -> "ContactsFolder";
            case "tasks" -> "TasksFolder";
            default -> "Folder";
        };
        return Xml.response("GetFolder", Xml.success("GetFolder", "<m:Folders><t:" + type + "><t:FolderId Id=\"" + id
                + "\" ChangeKey=\"1\"/><t:DisplayName>" + id + "</t:DisplayName></t:" + type + "></m:Folders>"));
    }

    String findFolder(Element op) {
        String parent = folderOf(Xml.child(op, "ParentFolderIds").orElse(null));
        String name = Xml.find(op, "Constant").map(e -> e.getAttribute("Value")).orElse(null);
        StringBuilder found = new StringBuilder();
        folders.values().stream().filter(f -> f.parent().equals(parent) && f.name().equals(name)).forEach(f -> found
                .append("<t:Folder><t:FolderId Id=\"").append(f.id()).append("\" ChangeKey=\"1\"/><t:DisplayName>")
                .append(Xml.escape(f.name())).append("</t:DisplayName></t:Folder>"));
        int n = found.isEmpty() ? 0 : 1;
        return Xml.response("FindFolder", Xml.success("FindFolder", "<m:RootFolder TotalItemsInView=\"" + n
                + "\" IncludesLastItemInRange=\"true\"><t:Folders>" + found + "</t:Folders></m:RootFolder>"));
    }

    String createFolder(Element op) {
        String parent = folderOf(Xml.child(op, "ParentFolderId").orElse(null));
        String name = Xml.text(op, "DisplayName");
        String id = "folder-" + ids.incrementAndGet();
        folders.put(id, new Folder(id, parent, name));
        return Xml.response("CreateFolder", Xml.success("CreateFolder", "<m:Folders><t:Folder><t:FolderId Id=\"" + id
                + "\" ChangeKey=\"1\"/></t:Folder></m:Folders>"));
    }

    /** FindItem restricted by IsEqualTo on one of our extended properties; answers every match with the properties asked for. */
    String findItem(Element op) {
        String folder = folderOf(Xml.child(op, "ParentFolderIds").orElse(null));
        Element restriction = Xml.find(op, "Restriction").orElseThrow(() -> new AssertionError("FindItem without a restriction"));
        String name = Xml.find(restriction, "ExtendedFieldURI").map(u -> u.getAttribute("PropertyName")).orElse("?");
        String value = Xml.find(restriction, "Constant").map(e -> e.getAttribute("Value")).orElse(null);
        List<String> wanted = Xml.find(op, "ItemShape").map(shape -> Xml.findAll(shape, "ExtendedFieldURI").stream()
                .map(u -> u.getAttribute("PropertyName")).toList()).orElse(List.of());
        StringBuilder found = new StringBuilder();
        List<Item> matches = items.values().stream().filter(i -> i.folder().equals(folder) && value != null
                && value.equals(i.property(name))).toList();
        for (Item i : matches) {
            found.append("<t:").append(i.kind()).append(">").append(itemId(i.id()));
            wanted.forEach(w -> extendedProperty(i.xml(), w).ifPresent(p -> found.append(Xml.serialize(p))));
            found.append("</t:").append(i.kind()).append(">");
        }
        return Xml.response("FindItem", Xml.success("FindItem", "<m:RootFolder TotalItemsInView=\"" + matches.size()
                + "\" IncludesLastItemInRange=\"true\"><t:Items>" + found + "</t:Items></m:RootFolder>"));
    }

    String getItem(Element op) {
        StringBuilder messages = new StringBuilder();
        for (Element id : Xml.children(Xml.child(op, "ItemIds").orElseThrow())) {
            if (id.getLocalName().equals("OccurrenceItemId")) {
                String master = id.getAttribute("RecurringMasterId");
                int index = Integer.parseInt(id.getAttribute("InstanceIndex"));
                if (!items.containsKey(master)) {
                    messages.append(Xml.error("GetItem", "ErrorItemNotFound", "The specified object was not found in the store.", null));
                } else if (deletedOccurrences.getOrDefault(master, Set.of()).contains(index)) {
                    messages.append(Xml.error("GetItem", "ErrorCalendarOccurrenceIsDeletedFromRecurrence",
                            "Occurrence index is deleted from the recurrence.", null));
                } else {
                    messages.append(Xml.success("GetItem", "<m:Items><t:CalendarItem>" + itemId("occ|" + master + "|" + index)
                            + "</t:CalendarItem></m:Items>"));
                }
                continue;
            }
            Item item = items.get(id.getAttribute("Id"));
            messages.append(item == null ? Xml.error("GetItem", "ErrorItemNotFound", "The specified object was not found in the store.", null)
                    : Xml.success("GetItem", "<m:Items>" + full(item) + "</m:Items>"));
        }
        return Xml.response("GetItem", messages.toString());
    }

    /** The item as Exchange answers a GetItem for its first-class properties: every stored field, its attachments. */
    private String full(Item item) {
        StringBuilder x = new StringBuilder("<t:").append(item.kind()).append(" xmlns:t=\"").append(Xml.T).append("\">")
                .append(itemId(item.id()));
        x.append(attachments.describe(item.id()));
        for (Element child : Xml.children(item.xml())) {
            x.append(Xml.write(child));
        }
        return x.append("</t:").append(item.kind()).append(">").toString();
    }

    String updateItem(Element op, List<String> violations) {
        if (op.getAttribute("ConflictResolution").isEmpty()) {
            violations.add("UpdateItem without ConflictResolution");
        }
        StringBuilder messages = new StringBuilder();
        for (Element change : Xml.findAll(op, "ItemChange")) {
            String id = Xml.find(change, "ItemId").map(e -> e.getAttribute("Id")).orElse("?");
            Item item = items.get(id);
            List<String> wrong = FakeUpdates.check(change, id.startsWith("occ|") ? "CalendarItem" : item == null ? null : item.kind());
            List<Element> set = new ArrayList<>();
            for (Element update : Xml.findAll(change, "SetItemField")) {
                Element holder = Xml.children(update).get(1);
                if (holder.getLocalName().equals("CalendarItem") && !"SendToNone".equals(op.getAttribute("SendMeetingInvitationsOrCancellations"))) {
                    wrong.add("UpdateItem of a CalendarItem without SendMeetingInvitationsOrCancellations=\"SendToNone\"");
                }
                wrong.addAll(EwsShapes.item(holder, false));
                set.addAll(Xml.children(holder));
            }
            violations.addAll(wrong);
            if (!wrong.isEmpty()) {
                messages.append(Xml.error("UpdateItem", "ErrorInvalidRequest", "refused by the fake: " + wrong, null));
                continue;
            }
            if (id.startsWith("occ|")) {
                String[] p = id.split("\\|");
                Map<Integer, Element> mods = modifiedOccurrences.computeIfAbsent(p[1], k -> new TreeMap<>());
                Element merged = mods.computeIfAbsent(Integer.parseInt(p[2]), k -> op.getOwnerDocument().createElement("Occurrence"));
                set.forEach(e -> replaceChild(merged, e));
                messages.append(Xml.success("UpdateItem", "<m:Items><t:CalendarItem>" + itemId(id) + "</t:CalendarItem></m:Items>"
                        + "<m:ConflictResults><t:Count>0</t:Count></m:ConflictResults>"));
                continue;
            }
            if (item == null) {
                messages.append(Xml.error("UpdateItem", "ErrorItemNotFound", "The specified object was not found in the store.", null));
                continue;
            }
            FakeUpdates.apply(change, item.xml());
            updates.merge(id, 1, Integer::sum);
            messages.append(Xml.success("UpdateItem", "<m:Items><t:" + item.kind() + ">" + itemId(id) + "</t:" + item.kind()
                    + "></m:Items><m:ConflictResults><t:Count>0</t:Count></m:ConflictResults>"));
        }
        return Xml.response("UpdateItem", messages.toString());
    }

    /** The stored element's child of that name replaced by {@code e} (from another request's document). */
    private static void replaceChild(Element stored, Element e) {
        Xml.child(stored, e.getLocalName()).ifPresent(stored::removeChild);
        stored.appendChild(stored.getOwnerDocument().importNode(e, true));
    }

    String deleteItem(Element op, List<String> violations) {
        if (op.getAttribute("DeleteType").isEmpty()) {
            violations.add("DeleteItem without DeleteType");
        }
        StringBuilder messages = new StringBuilder();
        for (Element id : Xml.findAll(op, "ItemId")) {
            String value = id.getAttribute("Id");
            if (value.startsWith("occ|")) {
                if (!"SendToNone".equals(op.getAttribute("SendMeetingCancellations"))) {
                    violations.add("DeleteItem of an occurrence without SendMeetingCancellations=\"SendToNone\"");
                }
                String[] p = value.split("\\|");
                deletedOccurrences.computeIfAbsent(p[1], k -> new TreeSet<>()).add(Integer.parseInt(p[2]));
            } else {
                Item gone = items.remove(value);
                if (gone != null && gone.kind().equals("CalendarItem") && !"SendToNone".equals(op.getAttribute("SendMeetingCancellations"))) {
                    violations.add("DeleteItem of a calendar item without SendMeetingCancellations=\"SendToNone\"");
                }
                attachments.drop(value);
            }
            messages.append(Xml.success("DeleteItem", ""));
        }
        return Xml.response("DeleteItem", messages.toString());
    }
}
