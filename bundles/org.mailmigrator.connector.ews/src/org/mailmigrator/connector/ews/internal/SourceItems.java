package org.mailmigrator.connector.ews.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.core.service.schema.ItemSchema;
import microsoft.exchange.webservices.data.property.complex.ExtendedProperty;
import microsoft.exchange.webservices.data.property.complex.StringList;

/**
 * What every item a calendar/contacts source reads shares: its identity across runs (the UID this tool wrote with it,
 * else the calendar item's own UID, else one made from its ItemId), its text body, its categories, the time it last
 * changed. Properties the item does not carry read as empty, never as an error.
 */
final class SourceItems {
    private SourceItems() {
    }

    /** The UID: the MailMigratorUid an earlier copy into Exchange wrote, else {@code own}, else one derived from the ItemId. */
    static String uid(Item item, String own) throws Exception {
        if (item.getExtendedProperties() != null) {
            for (ExtendedProperty p : item.getExtendedProperties()) {
                if (EwsWriter.UID.getName().equals(p.getPropertyDefinition().getName()) && p.getValue() != null
                        && !p.getValue().toString().isBlank()) {
                    return p.getValue().toString();
                }
            }
        }
        if (own != null && !own.isBlank()) {
            return own;
        }
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(item.getId().getUniqueId().getBytes(StandardCharsets.UTF_8));
        return "exchange-" + HexFormat.of().formatHex(digest, 0, 16);
    }

    static String body(Item item) {
        try {
            return item.getBody() == null || item.getBody().toString() == null ? "" : item.getBody().toString().strip();
        } catch (Exception absent) {
            return "";
        }
    }

    static List<String> categories(Item item) {
        try {
            StringList c = item.getCategories();
            return c == null ? List.of() : java.util.stream.StreamSupport.stream(c.spliterator(), false).filter(s -> s != null && !s.isBlank())
                    .toList();
        } catch (Exception absent) {
            return List.of();
        }
    }

    /** LastModifiedTime (DTSTAMP, REV), else DateTimeCreated, else the epoch: stable from one run to the next. */
    static Instant changed(Item item) {
        for (var p : List.of(ItemSchema.LastModifiedTime, ItemSchema.DateTimeCreated)) {
            try {
                Object v = item.getObjectFromPropertyDefinition(p);
                if (v instanceof java.util.Date d) {
                    return d.toInstant();
                }
            } catch (Exception absent) {
                // not loaded or not set
            }
        }
        return Instant.EPOCH;
    }

    /** A short name for messages: the folder's collection and the subject (never the body). */
    static String origin(String collection, Item item) {
        String subject;
        try {
            subject = item.getSubject();
        } catch (Exception absent) {
            subject = null;
        }
        return collection + (subject == null || subject.isBlank() ? "" : " '" + subject + "'");
    }
}
