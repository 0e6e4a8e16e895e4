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
 * The mail part of the EWS PROTOCOL FAKE: its folders ({@link FakeMailFolders}) and messages stored as the MIME
 * bytes the client sent plus their extended properties, read state and categories. Answers CreateItem, FindItem
 * (all, or IsGreaterThanOrEqualTo on item:DateTimeCreated; SortOrder on DateTimeCreated; indexed paging), GetItem by
 * ItemId, UpdateItem and DeleteItem for messages ("mail-" ids).
 */
final class FakeMail {
    static final class Message {
        final String id;
        final String folder;
        final byte[] mime;
        /** DateTimeCreated as Exchange gives it: the server's clock, to the second (so several share one). */
        final java.time.Instant created = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        final Map<String, Element> properties = new LinkedHashMap<>();
        volatile boolean read;
        volatile List<String> categories = List.of();
        /** The fake's change clock when the message was created, and when it last changed (SyncFolderItems). */
        volatile long createdAt;
        volatile long changedAt;
        /** DateTimeReceived (the source side's INTERNALDATE). */
        volatile java.time.Instant received = java.time.Instant.parse("2026-01-01T00:00:00Z");

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
    private final FakeSync sync = new FakeSync(this);
    final FakeMailFolders folders = new FakeMailFolders(id -> messagesIn(id).size());
    final Map<String, Message> messages = new ConcurrentHashMap<>();
    /** The most items one FindItem answers, whatever it asks (Exchange's throttling policy caps pages too). */
    volatile int maxPage = Integer.MAX_VALUE;
    /** CreateItem answers ErrorMessageSizeExceeded for MIME content bigger than this. */
    volatile int maxMessageBytes = Integer.MAX_VALUE;

    /** Whether a request names a folder or item of the mail part. */
    static boolean concerns(Element op) {
        return Xml.findAll(op, "DistinguishedFolderId").stream().anyMatch(e -> FakeMailFolders.DISTINGUISHED.containsKey(e.getAttribute("Id")))
                || Xml.findAll(op, "FolderId").stream().anyMatch(e -> e.getAttribute("Id").startsWith("mf-"))
                || Xml.findAll(op, "ItemId").stream().anyMatch(e -> e.getAttribute("Id").startsWith("mail-"))
                || Xml.child(op, "Items").map(i -> Xml.child(i, "Message").isPresent()).orElse(false);
    }

    List<Message> in(String path) {
        return messagesIn(folders.folder(path).id);
    }

    List<String> paths() {
        return folders.paths();
    }

    private List<Message> messagesIn(String folderId) {
        return messages.values().stream().filter(m -> m.folder.equals(folderId)).toList();
    }


    /** One answer per message: stored, or refused as Exchange refuses an over-size message. */
    String createItem(Element op, List<Element> items) {
        FakeMailFolders.Folder folder = folders.folderOf(Xml.child(op, "SavedItemFolderId").orElseThrow());
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
            sync.created(m);
            messages.put(m.id, m);
            answers.append(Xml.success("CreateItem", "<m:Items><t:Message><t:ItemId Id=\"" + m.id + "\" ChangeKey=\"1\"/></t:Message></m:Items>"));
        }
        return Xml.response("CreateItem", answers.toString());
    }

    private static List<String> categories(Element holder) {
        return Xml.child(holder, "Categories").map(c -> Xml.children(c).stream().map(Element::getTextContent).toList()).orElse(List.of());
    }

    /**
     * A message put into a folder as mail delivered to Exchange (the source side's mailbox): its MIME, read state,
     * categories, arrival time and MAPI properties ({@code 0x1090} follow-up flag, {@code 0x1081} last verb,
     * {@code 0x0E07} message flags).
     */
    Message put(String path, byte[] mime, boolean read, List<String> categories, java.time.Instant received,
            Map<Integer, Integer> mapi) throws Exception {
        Message m = new Message("mail-" + ids.incrementAndGet(), folders.folder(path).id, mime);
        m.read = read;
        m.categories = List.copyOf(categories);
        m.received = received;
        for (Map.Entry<Integer, Integer> p : mapi.entrySet()) {
            setMapi(m, p.getKey(), p.getValue());
        }
        sync.created(m);
        messages.put(m.id, m);
        return m;
    }

    /** Sets an integer MAPI property of a stored message (as Outlook would, e.g. 0x1090 = 2 to flag it). */
    static void setMapi(Message m, int tag, int value) throws Exception {
        String xml = String.format("<t:ExtendedProperty xmlns:t=\"%s\"><t:ExtendedFieldURI PropertyTag=\"0x%04X\" "
                + "PropertyType=\"Integer\"/><t:Value>%d</t:Value></t:ExtendedProperty>", Xml.T, tag, value);
        Element p = Xml.parse(xml.getBytes(StandardCharsets.UTF_8));
        m.properties.put(key(p), p);
    }

    /** A change made as Outlook would (read state, categories, a MAPI property set by the test): seen by SyncFolderItems. */
    void changed(Message m) {
        sync.changed(m);
    }

    /** Exchange no longer accepts the sync states it gave (ErrorInvalidSyncStateData), as after a mailbox move. */
    void expireSyncStates() {
        sync.expire();
    }

    /** SyncFolderItems requests answered. */
    final AtomicInteger syncs = new AtomicInteger();

    String syncFolderItems(Element op) {
        syncs.incrementAndGet();
        return sync.answer(op);
    }

    /** FindItem requests answered, and the messages they listed (a listing of the whole folder lists them all). */
    final AtomicInteger finds = new AtomicInteger();
    final AtomicInteger listed = new AtomicInteger();
    /** GetItem requests answered. */
    final AtomicInteger gets = new AtomicInteger();

    String findItem(Element op) {
        finds.incrementAndGet();
        FakeMailFolders.Folder folder = folders.folderOf(Xml.child(op, "ParentFolderIds").orElseThrow());
        java.time.Instant from = Xml.find(op, "Restriction").map(FakeMail::createdFrom).orElse(java.time.Instant.EPOCH);
        Element page = Xml.find(op, "IndexedPageItemView").orElseThrow();
        int offset = Integer.parseInt(page.getAttribute("Offset"));
        int max = Math.min(maxPage, Integer.parseInt(page.getAttribute("MaxEntriesReturned")));
        Comparator<Message> order = Comparator.comparing(m -> Integer.parseInt(m.id.substring(5)));
        boolean newestFirst = Xml.find(op, "SortOrder").map(s -> {
            Element fieldOrder = Xml.find(s, "FieldOrder").orElseThrow();
            String field = Xml.find(fieldOrder, "FieldURI").map(f -> f.getAttribute("FieldURI")).orElse("?");
            if (!field.equals("item:DateTimeCreated")) {
                throw new AssertionError("FindItem sorted by a field the fake does not know: " + field);
            }
            return fieldOrder.getAttribute("Order").equals("Descending");
        }).orElse(false);
        if (newestFirst) {
            order = Comparator.comparing((Message m) -> m.created).thenComparing(order).reversed();
        }
        List<Message> all = messages.values().stream().filter(m -> m.folder.equals(folder.id) && !m.created.isBefore(from))
                .sorted(order).toList();
        List<Message> slice = all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + max));
        listed.addAndGet(slice.size());
        StringBuilder x = new StringBuilder();
        for (Message m : slice) {
            x.append(render(op, m));
        }
        boolean last = offset + slice.size() >= all.size();
        return Xml.response("FindItem", Xml.success("FindItem", "<m:RootFolder IndexedPagingOffset=\"" + (offset + slice.size())
                + "\" TotalItemsInView=\"" + all.size() + "\" IncludesLastItemInRange=\"" + last + "\"><t:Items>" + x
                + "</t:Items></m:RootFolder>"));
    }

    /** GetItem of messages by ItemId: each with the properties its ItemShape asks for, or ErrorItemNotFound. */
    String getItem(Element op) {
        gets.incrementAndGet();
        StringBuilder answers = new StringBuilder();
        for (Element id : Xml.children(Xml.child(op, "ItemIds").orElseThrow())) {
            Message m = messages.get(id.getAttribute("Id"));
            answers.append(m == null ? Xml.itemError("GetItem", "ErrorItemNotFound", "The specified object was not found in the store.", null)
                    : Xml.success("GetItem", "<m:Items>" + render(op, m) + "</m:Items>"));
        }
        return Xml.response("GetItem", answers.toString());
    }

    /** One message as a FindItem or GetItem answers it: its id and the properties the request's ItemShape asks for. */
    private static String render(Element op, Message m) {
        Element shape = Xml.find(op, "ItemShape").orElseThrow();
        List<String> wanted = Xml.findAll(shape, "ExtendedFieldURI").stream().map(FakeMail::key).toList();
        List<String> fields = Xml.findAll(shape, "FieldURI").stream().map(e -> e.getAttribute("FieldURI")).toList();
        boolean withMime = fields.contains("item:MimeContent") || "true".equals(Xml.text(shape, "IncludeMimeContent"));
        // in the order of the schema's ItemType and MessageType sequences
        StringBuilder x = new StringBuilder("<t:Message>");
        if (withMime) {
            x.append("<t:MimeContent CharacterSet=\"UTF-8\">").append(Base64.getEncoder().encodeToString(m.mime))
                    .append("</t:MimeContent>");
        }
        x.append("<t:ItemId Id=\"").append(m.id).append("\" ChangeKey=\"1\"/>");
        if (fields.contains("item:Subject") && m.subject() != null) {
            x.append("<t:Subject>").append(Xml.escape(m.subject())).append("</t:Subject>");
        }
        if (fields.contains("item:DateTimeReceived")) {
            x.append("<t:DateTimeReceived>").append(m.received).append("</t:DateTimeReceived>");
        }
        if (fields.contains("item:Size")) {
            x.append("<t:Size>").append(m.mime.length + 2000).append("</t:Size>");
        }
        if (fields.contains("item:Categories") && !m.categories.isEmpty()) {
            x.append("<t:Categories>");
            m.categories.forEach(c -> x.append("<t:String>").append(Xml.escape(c)).append("</t:String>"));
            x.append("</t:Categories>");
        }
        if (fields.contains("item:DateTimeCreated")) {
            x.append("<t:DateTimeCreated>").append(m.created).append("</t:DateTimeCreated>");
        }
        wanted.stream().map(m.properties::get).filter(p -> p != null).forEach(p -> x.append(Xml.serialize(p)));
        if (fields.contains("message:IsRead")) {
            x.append("<t:IsRead>").append(m.read).append("</t:IsRead>");
        }
        return x.append("</t:Message>").toString();
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
            sync.changed(m);
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
            Message gone = messages.remove(id.getAttribute("Id"));
            if (gone != null) {
                sync.deleted(gone);
            }
            answers.append(Xml.success("DeleteItem", ""));
        }
        return Xml.response("DeleteItem", answers.toString());
    }

    /** The only restriction the connector sends: IsGreaterThanOrEqualTo on item:DateTimeCreated with an xs:dateTime. */
    private static java.time.Instant createdFrom(Element restriction) {
        Element ge = Xml.find(restriction, "IsGreaterThanOrEqualTo")
                .orElseThrow(() -> new AssertionError("FindItem restriction other than IsGreaterThanOrEqualTo"));
        String field = Xml.find(ge, "FieldURI").map(f -> f.getAttribute("FieldURI")).orElse("?");
        if (!field.equals("item:DateTimeCreated")) {
            throw new AssertionError("FindItem restricted on a field the fake does not know: " + field);
        }
        String value = Xml.find(ge, "Constant").orElseThrow().getAttribute("Value");
        return java.time.OffsetDateTime.parse(value, java.time.format.DateTimeFormatter.ISO_DATE_TIME).toInstant();
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
