package org.mailmigrator.core.pim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.mailmigrator.core.model.ItemKind;

/**
 * One calendar event (its master and every RECURRENCE-ID override, which must travel together), one task
 * or one contact, as a complete iCalendar ({@code VCALENDAR}) or vCard document.
 *
 * @param kind       calendar, tasks or contacts
 * @param collection the source calendar or address book (e.g. the file name without extension)
 * @param uid        the item's UID, stable across runs (generated from stable fields when the source has none)
 * @param text       the whole document, CRLF line ends, UTF-8 when encoded
 * @param origin     where it came from, for messages: {@code file.ics:120}
 * @param notes      what the source reader changed or could not keep while making the item valid (a property
 *                   renamed or dropped, a charset assumed, an invalid value repaired); the report carries them
 */
public record PimItem(ItemKind kind, String collection, String uid, String text, String origin, List<String> notes) {

    public PimItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(text, "text");
        origin = origin == null ? "" : origin;
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public PimItem(ItemKind kind, String collection, String uid, String text, String origin) {
        this(kind, collection, uid, text, origin, List.of());
    }

    /** The key of this item in the state store: kind, collection and UID. */
    public String key() {
        return kind.id() + "|" + collection + "|" + uid;
    }

    /** SHA-256 of the text: a changed source item gets a new fingerprint and is updated on the next run. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * The item without its text, for what outlives its copy (outcomes, reports): a run's report keeps identities,
     * not a whole calendar's text.
     */
    public PimItem withoutText() {
        return text.isEmpty() ? this : new PimItem(kind, collection, uid, "", origin, notes);
    }

    /** This item in another collection, with {@code extraNotes} added to its notes. */
    public PimItem inCollection(String newCollection, List<String> extraNotes) {
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(extraNotes);
        return new PimItem(kind, newCollection, uid, text, origin, all);
    }

    /** A short name for reports: never the whole text. */
    public String describe() {
        return kind.id() + " " + uid + (origin.isEmpty() ? "" : " (" + origin + ")");
    }
}
