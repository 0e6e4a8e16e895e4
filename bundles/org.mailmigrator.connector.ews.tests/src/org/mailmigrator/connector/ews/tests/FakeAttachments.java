package org.mailmigrator.connector.ews.tests;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.w3c.dom.Element;

/**
 * File attachments of the fake's items (CreateAttachment, DeleteAttachment, and their listing in GetItem),
 * checked after Microsoft's CreateAttachment and FileAttachment pages: a ParentItemId naming a stored item,
 * FileAttachment children in the schema's order with Name and base64 Content, and on a contact
 * IsContactPhoto=true with at most one contact photo per contact (Exchange 2010+ contact pictures).
 */
final class FakeAttachments {
    record Attachment(String id, String item, String name, boolean contactPhoto, byte[] content) {
    }

    private static final List<String> ORDER = List.of("AttachmentId", "Name", "ContentType", "ContentId", "ContentLocation", "Size",
            "LastModifiedTime", "IsInline", "IsContactPhoto", "Content");
    private final FakeMailbox mailbox;
    private final AtomicInteger ids = new AtomicInteger();
    final Map<String, Attachment> stored = new ConcurrentHashMap<>();

    FakeAttachments(FakeMailbox mailbox) {
        this.mailbox = mailbox;
    }

    List<Attachment> of(String item) {
        return stored.values().stream().filter(a -> a.item().equals(item)).toList();
    }

    String create(Element op, List<String> violations) {
        String parent = Xml.child(op, "ParentItemId").map(e -> e.getAttribute("Id")).orElse("?");
        FakeMailbox.Item item = mailbox.items.get(parent);
        if (item == null) {
            return Xml.response("CreateAttachment", Xml.error("CreateAttachment", "ErrorItemNotFound", "The specified object was not found in the store.", null));
        }
        StringBuilder messages = new StringBuilder();
        for (Element a : Xml.children(Xml.child(op, "Attachments").orElseThrow())) {
            List<String> wrong = check(a, item);
            violations.addAll(wrong);
            if (!wrong.isEmpty()) {
                messages.append(Xml.error("CreateAttachment", "ErrorInvalidRequest", "refused by the fake: " + wrong, null));
                continue;
            }
            String id = "att-" + ids.incrementAndGet();
            stored.put(id, new Attachment(id, parent, Xml.text(a, "Name"), "true".equals(Xml.text(a, "IsContactPhoto")),
                    Base64.getMimeDecoder().decode(Xml.text(a, "Content"))));
            messages.append(Xml.success("CreateAttachment", "<m:Attachments><t:FileAttachment><t:AttachmentId Id=\"" + id
                    + "\" RootItemId=\"" + parent + "\" RootItemChangeKey=\"ck-" + parent + "\"/></t:FileAttachment></m:Attachments>"));
        }
        return Xml.response("CreateAttachment", messages.toString());
    }

    private List<String> check(Element a, FakeMailbox.Item item) {
        List<String> v = new ArrayList<>();
        if (!a.getLocalName().equals("FileAttachment")) {
            v.add("CreateAttachment of a " + a.getLocalName() + ", not a FileAttachment");
            return v;
        }
        int last = -1;
        for (Element c : Xml.children(a)) {
            int at = ORDER.indexOf(c.getLocalName());
            if (at < 0 || at < last) {
                v.add("FileAttachment element " + c.getLocalName() + (at < 0 ? " is unknown to the schema" : " is out of the schema's order"));
            }
            last = Math.max(last, at);
        }
        if (Xml.child(a, "Name").isEmpty() || Xml.child(a, "Content").isEmpty()) {
            v.add("FileAttachment without Name or Content");
        }
        if (item.kind().equals("Contact")) {
            if (!"true".equals(Xml.text(a, "IsContactPhoto"))) {
                v.add("attachment on a Contact without IsContactPhoto=true: Outlook would not show it as the contact's picture");
            } else if (of(item.id()).stream().anyMatch(Attachment::contactPhoto)) {
                v.add("a second contact photo on " + item.id() + ": the old one must be deleted first");
            }
        } else if (Xml.child(a, "IsContactPhoto").isPresent()) {
            v.add("IsContactPhoto on a " + item.kind());
        }
        return v;
    }

    String delete(Element op, List<String> violations) {
        StringBuilder messages = new StringBuilder();
        for (Element id : Xml.findAll(op, "AttachmentId")) {
            Attachment gone = stored.remove(id.getAttribute("Id"));
            if (gone == null) {
                violations.add("DeleteAttachment of an unknown attachment " + id.getAttribute("Id"));
                messages.append(Xml.error("DeleteAttachment", "ErrorAttachmentNotFound", "The attachment could not be found.", null));
            } else {
                messages.append(Xml.success("DeleteAttachment", "<m:RootItemId RootItemId=\"" + gone.item() + "\" RootItemChangeKey=\"ck-"
                        + gone.item() + "\"/>"));
            }
        }
        return Xml.response("DeleteAttachment", messages.toString());
    }

    /** HasAttachments and Attachments of a GetItem answer (no content: Exchange sends it only on GetAttachment). */
    String describe(String item) {
        List<Attachment> list = of(item);
        if (list.isEmpty()) {
            return "";
        }
        StringBuilder x = new StringBuilder("<t:Attachments>");
        list.forEach(a -> x.append("<t:FileAttachment><t:AttachmentId Id=\"").append(a.id()).append("\"/><t:Name>").append(Xml.escape(a.name()))
                .append("</t:Name><t:Size>").append(a.content().length).append("</t:Size><t:IsContactPhoto>").append(a.contactPhoto())
                .append("</t:IsContactPhoto></t:FileAttachment>"));
        return x.append("</t:Attachments><t:HasAttachments>true</t:HasAttachments>").toString();
    }

    void drop(String item) {
        stored.values().removeIf(a -> a.item().equals(item));
    }
}
