package org.mailmigrator.connector.vcard.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.pim.PimEntry;
import org.mailmigrator.core.pim.PimItem;
import org.mailmigrator.core.pim.PimReader;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.ParseWarning;
import ezvcard.property.Email;
import ezvcard.property.Uid;

/**
 * One .vcf file read into contacts, streamed: cards are handed over as they are read. Cards are cut apart at BEGIN:VCARD / END:VCARD lines first, then each
 * is parsed by ez-vcard alone, so that a broken card is reported with its line and the others migrate.
 * vCard 2.1 (Outlook, old phones; quoted-printable, charsets) is written as 3.0, the version every CardDAV
 * server must accept; 3.0 and 4.0 keep their version.
 */
public final class VcfFile {
    private VcfFile() {
    }

    /** The file's collection: the name given, else the file name without extension. */
    public static String collection(Path file, Optional<String> given) {
        return given.orElse(stem(file.getFileName().toString()));
    }

    /**
     * Gives each card of {@code file} to {@code sink} as soon as it is read: one card's lines in memory at a time
     * (plus, for cards without UID, the count of namesakes seen).
     *
     * @return false when the sink asked to stop
     */
    public static boolean read(Path file, String name, PimReader.Sink sink) throws IOException {
        return read(file.getFileName().toString(), CardText.open(file), name, sink);
    }

    /**
     * As {@link #read(Path, String, PimReader.Sink)} for a text that is not a file (a CardDAV resource, already decoded):
     * {@code fileName} names it in origins, {@code name} is its address book.
     */
    public static boolean read(String fileName, String text, String name, PimReader.Sink sink) throws IOException {
        return read(fileName, CardText.of(text), name, sink);
    }

    private static boolean read(String fileName, CardText opened, String name, PimReader.Sink sink) throws IOException {
        Map<String, Integer> seen = new HashMap<>();
        boolean any = false;
        try (CardText text = opened) {
            List<String> fileNotes = text.notes();
            StringBuilder card = null;
            int start = -1;
            int n = 0;
            for (String line = text.next(); line != null; line = text.next()) {
                n++;
                String upper = line.trim().toUpperCase(Locale.ROOT);
                if (upper.equals("BEGIN:VCARD")) {
                    if (card != null) {
                        any = true;
                        if (!sink.accept(new PimEntry.Malformed(fileName + ":" + start, "BEGIN:VCARD has no END:VCARD before line " + n))) {
                            return false;
                        }
                    }
                    card = new StringBuilder();
                    start = n;
                }
                if (card != null) {
                    card.append(line).append("\r\n");
                }
                if (upper.equals("END:VCARD") && card != null) {
                    any = true;
                    PimEntry entry = card(fileName + ":" + start, name, card.toString(), seen, new ArrayList<>(fileNotes));
                    fileNotes = List.of();
                    card = null;
                    if (!sink.accept(entry)) {
                        return false;
                    }
                }
            }
            if (card != null) {
                any = true;
                if (!sink.accept(new PimEntry.Malformed(fileName + ":" + start, "BEGIN:VCARD is not closed before the end of the file"))) {
                    return false;
                }
            }
        }
        return any || sink.accept(new PimEntry.Malformed(fileName, "not a vCard file: no BEGIN:VCARD ... END:VCARD"));
    }

    private static PimEntry card(String origin, String collection, String text, Map<String, Integer> seen, List<String> notes) {
        VCard card = null;
        try {
            List<List<ParseWarning>> warnings = new ArrayList<>();
            card = Ezvcard.parse(text).warnings(warnings).first();
            if (card == null) {
                return new PimEntry.Malformed(origin, "cannot be parsed as a vCard");
            }
            Optional<String> problem = CardCheck.problem(card, warnings.isEmpty() ? List.of()
                    : warnings.get(0).stream().map(ParseWarning::toString).toList());
            if (problem.isPresent()) {
                return new PimEntry.Malformed(origin + " (" + label(card) + ")", problem.get());
            }
            CardRepairs.repair(card, notes);
            java.util.Map<String, List<String>> before = CardWriter.snapshot(card);
            String uid = card.getUid() != null && card.getUid().getValue() != null && !card.getUid().getValue().isBlank()
                    ? card.getUid().getValue() : generatedUid(collection, card, seen);
            card.setUid(new Uid(uid));
            VCardVersion version = card.getVersion() == VCardVersion.V4_0 ? VCardVersion.V4_0 : VCardVersion.V3_0;
            String written = CardWriter.write(card, version, notes);
            CardWriter.noteChanges(before, written, version, notes);
            return new PimEntry.Item(new PimItem(ItemKind.CONTACTS, collection, uid, written, origin, notes));
        } catch (RuntimeException e) {
            // one card the library cannot handle never stops the others
            return new PimEntry.Malformed(origin + (card == null ? "" : " (" + label(card) + ")"), "cannot be converted: "
                    + org.mailmigrator.core.pim.PimText.reason(e));
        }
    }

    /**
     * Google and Outlook exports carry no UID: one is derived from the name and first address, so a second
     * run finds the same contact; namesakes in one file are counted apart, so none is lost.
     */
    private static String generatedUid(String collection, VCard card, Map<String, Integer> seen) {
        String email = card.getEmails().stream().map(Email::getValue).filter(v -> v != null).sorted().findFirst().orElse("");
        String key = collection + "|" + label(card) + "|" + email.toLowerCase(Locale.ROOT);
        int n = seen.merge(key, 1, Integer::sum);
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((key + "|" + n).getBytes(StandardCharsets.UTF_8));
            return "mailmigrator-" + HexFormat.of().formatHex(d, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String label(VCard card) {
        if (card.getFormattedName() != null && card.getFormattedName().getValue() != null) {
            return card.getFormattedName().getValue();
        }
        if (card.getStructuredName() != null) {
            return (card.getStructuredName().getGiven() + " " + card.getStructuredName().getFamily()).trim();
        }
        return "no name";
    }

    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
