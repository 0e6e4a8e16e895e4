package org.mailmigrator.connector.ews.tests;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.w3c.dom.Element;

/**
 * What the fake checks in a CreateItem of messages, after the EWS reference (CreateItem, MessageDisposition,
 * MimeContent, MessageType, ExtendedFieldURI): the message is only saved (SaveOnly, into an explicit folder),
 * never sent; its MIME content is base64; its elements follow the schema's order (ItemType, then MessageType);
 * it carries PidTagMessageFlags (without it Exchange shows a MIME item as an unsent draft) and the connector's
 * number and fingerprint.
 */
final class MailShapes {
    static final List<String> MESSAGE_ORDER = List.of("MimeContent", "ItemId", "ParentFolderId", "ItemClass", "Subject",
            "Sensitivity", "Body", "Attachments", "DateTimeReceived", "Size", "Categories", "Importance", "InReplyTo",
            "IsSubmitted", "IsDraft", "IsFromMe", "IsResend", "IsUnmodified", "InternetMessageHeaders", "DateTimeSent",
            "DateTimeCreated", "ResponseObjects", "ReminderDueBy", "ReminderIsSet", "ReminderMinutesBeforeStart", "DisplayCc",
            "DisplayTo", "HasAttachments", "ExtendedProperty", "Culture", "Sender", "ToRecipients", "CcRecipients",
            "BccRecipients", "IsReadReceiptRequested", "IsDeliveryReceiptRequested", "ConversationIndex", "ConversationTopic",
            "From", "InternetMessageId", "IsRead", "IsResponseRequested", "References", "ReplyTo", "ReceivedBy",
            "ReceivedRepresenting");

    private MailShapes() {
    }

    static List<String> createItem(Element request, List<Element> messages) {
        List<String> v = new ArrayList<>();
        String disposition = request.getAttribute("MessageDisposition");
        if (!disposition.equals("SaveOnly")) {
            v.add("CreateItem of a Message with MessageDisposition='" + disposition + "': the message would be sent");
        }
        if (Xml.child(request, "SavedItemFolderId").isEmpty()) {
            v.add("CreateItem of a Message without SavedItemFolderId: it would land in Drafts");
        }
        for (Element m : messages) {
            v.addAll(message(m));
        }
        return v;
    }

    private static List<String> message(Element m) {
        List<String> v = new ArrayList<>();
        int last = -1;
        for (Element c : Xml.children(m)) {
            int at = MESSAGE_ORDER.indexOf(c.getLocalName());
            if (at < 0) {
                v.add("Message has an element unknown to the schema: " + c.getLocalName());
            } else if (at < last) {
                v.add("Message element " + c.getLocalName() + " is out of the schema's order");
            } else {
                last = at;
            }
        }
        Element mime = Xml.child(m, "MimeContent").orElse(null);
        if (mime == null) {
            v.add("Message without MimeContent");
        } else {
            try {
                Base64.getMimeDecoder().decode(mime.getTextContent().trim());
            } catch (IllegalArgumentException e) {
                v.add("MimeContent is not base64: " + e.getMessage());
            }
        }
        for (String key : List.of("0x0E07:Integer", "PublicStrings:MailMigratorFingerprint:String")) {
            if (Xml.children(m).stream().noneMatch(c -> c.getLocalName().equals("ExtendedProperty") && FakeMail.key(c).equals(key))) {
                v.add("Message without the extended property " + key);
            }
        }
        return v;
    }
}
