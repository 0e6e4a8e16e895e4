package org.mailmigrator.connector.ews.internal;

import java.util.Date;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import microsoft.exchange.webservices.data.core.enumeration.property.DefaultExtendedPropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.MapiPropertyType;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.property.complex.ExtendedProperty;
import microsoft.exchange.webservices.data.property.complex.StringList;
import microsoft.exchange.webservices.data.property.definition.ExtendedPropertyDefinition;

/**
 * The MAPI properties a migrated message carries. Messages are known by their Exchange ItemIds; each keeps the
 * source fingerprint and the IMAP flags last written with it, so the engine's journal and crash recovery find a
 * copy again by its content after a crash. The IMAP
 * flags are also written as what Outlook shows: read state, follow-up flag, replied/forwarded icon, categories.
 */
final class MailProperties {
    /** PidTagMessageFlags: written once at creation; without it Exchange shows a MIME item as an unsent draft. */
    static final ExtendedPropertyDefinition MESSAGE_FLAGS = tag(0x0E07, MapiPropertyType.Integer);
    /** PidTagMessageDeliveryTime: the arrival date Outlook sorts by (IMAP INTERNALDATE). */
    static final ExtendedPropertyDefinition DELIVERY_TIME = tag(0x0E06, MapiPropertyType.SystemTime);
    /** PidTagFlagStatus: 2 = flagged for follow-up, 0 = no flag. */
    static final ExtendedPropertyDefinition FLAG_STATUS = tag(0x1090, MapiPropertyType.Integer);
    /** PidTagLastVerbExecuted: 102 replied, 104 forwarded, 0 none. */
    static final ExtendedPropertyDefinition LAST_VERB = tag(0x1081, MapiPropertyType.Integer);
    static final ExtendedPropertyDefinition FINGERPRINT = named("MailMigratorFingerprint", MapiPropertyType.String);
    /** The IMAP flags last written, as a list "(\\Seen Client)" (what the engine's state calls "flags last written"). */
    static final ExtendedPropertyDefinition IMAP_FLAGS = named("MailMigratorFlags", MapiPropertyType.String);

    static final int MSGFLAG_READ = 0x1;
    static final int MSGFLAG_UNSENT = 0x8;

    /** Keywords that are protocol state, not a label a person gave: not turned into categories. */
    private static final Set<String> NOT_CATEGORIES = Set.of("$forwarded", "$mdnsent", "$junk", "$notjunk", "junk",
            "nonjunk", "$phishing", "$submitpending", "$submitted");

    private MailProperties() {
    }

    /** Everything but the MIME content, for a message about to be created. */
    static void forCreate(Item message, Set<String> flags, Date arrival, String fingerprint) throws Exception {
        int mapiFlags = (has(flags, "\\Seen") ? MSGFLAG_READ : 0) | (has(flags, "\\Draft") ? MSGFLAG_UNSENT : 0);
        message.setExtendedProperty(MESSAGE_FLAGS, mapiFlags);
        if (arrival != null) {
            message.setExtendedProperty(DELIVERY_TIME, arrival);
        }
        if (fingerprint != null) {
            message.setExtendedProperty(FINGERPRINT, fingerprint);
        }
        writeFlags(message, flags, false);
    }

    /**
     * Follow-up flag, replied/forwarded, categories and the flag memo; with {@code update} also the values
     * that remove them (0, no categories), so a changed source flag is taken back on Exchange.
     */
    static void writeFlags(Item message, Set<String> flags, boolean update) throws Exception {
        if (has(flags, "\\Flagged") || update) {
            message.setExtendedProperty(FLAG_STATUS, has(flags, "\\Flagged") ? 2 : 0);
        }
        int verb = has(flags, "\\Answered") ? 102 : has(flags, "$Forwarded") ? 104 : 0;
        if (verb != 0 || update) {
            message.setExtendedProperty(LAST_VERB, verb);
        }
        StringList categories = new StringList();
        flags.stream().filter(f -> !f.startsWith("\\") && !NOT_CATEGORIES.contains(f.toLowerCase(Locale.ROOT)))
                .sorted().forEach(categories::add);
        if (categories.getSize() > 0 || update) {
            message.setCategories(categories);
        }
        // written as an IMAP flag list: "()" when empty, because EWS refuses an empty string value
        message.setExtendedProperty(IMAP_FLAGS, "(" + String.join(" ", new TreeSet<>(flags)) + ")");
    }

    static Set<String> flagsOf(Item message) throws Exception {
        String memo = value(message, IMAP_FLAGS, String.class);
        String list = memo == null ? "" : memo.replaceAll("^\\(|\\)$", "").trim();
        return list.isEmpty() ? Set.of() : Set.of(list.split(" +"));
    }

    /**
     * The flags a message has in Exchange, as IMAP flags (the source side): read → {@code \Seen}, follow-up flag
     * (PidTagFlagStatus 2) → {@code \Flagged}, last verb replied/replied-to-all/forwarded → {@code \Answered} /
     * {@code $Forwarded}, unsent (PidTagMessageFlags) → {@code \Draft}, each category → a keyword (characters an IMAP
     * keyword cannot hold, such as spaces, become '_').
     */
    static Set<String> exchangeFlags(Item message) throws Exception {
        Set<String> flags = new TreeSet<>();
        if (message instanceof microsoft.exchange.webservices.data.core.service.item.EmailMessage m
                && Boolean.TRUE.equals(m.getIsRead())) {
            flags.add("\\Seen");
        }
        Integer status = value(message, FLAG_STATUS, Integer.class);
        if (status != null && status == 2) {
            flags.add("\\Flagged");
        }
        Integer verb = value(message, LAST_VERB, Integer.class);
        if (verb != null && (verb == 102 || verb == 103)) {
            flags.add("\\Answered");
        } else if (verb != null && verb == 104) {
            flags.add("$Forwarded");
        }
        Integer mapi = value(message, MESSAGE_FLAGS, Integer.class);
        if (mapi != null && (mapi & MSGFLAG_UNSENT) != 0) {
            flags.add("\\Draft");
        }
        StringList categories = message.getCategories();
        if (categories != null) {
            for (String c : categories) {
                String keyword = c.strip().replaceAll("[\\x00-\\x20\\x7f(){%*\"\\\\\\]]", "_");
                if (!keyword.isEmpty()) {
                    flags.add(keyword);
                }
            }
        }
        return flags;
    }

    static <T> T value(Item item, ExtendedPropertyDefinition definition, Class<T> type) throws Exception {
        for (ExtendedProperty p : item.getExtendedProperties()) {
            if (p.getPropertyDefinition().equals(definition) && type.isInstance(p.getValue())) {
                return type.cast(p.getValue());
            }
        }
        return null;
    }

    private static boolean has(Set<String> flags, String flag) {
        return flags.stream().anyMatch(f -> f.equalsIgnoreCase(flag));
    }

    private static ExtendedPropertyDefinition tag(int tag, MapiPropertyType type) {
        try {
            return new ExtendedPropertyDefinition(tag, type);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static ExtendedPropertyDefinition named(String name, MapiPropertyType type) {
        try {
            return new ExtendedPropertyDefinition(DefaultExtendedPropertySet.PublicStrings, name, type);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
