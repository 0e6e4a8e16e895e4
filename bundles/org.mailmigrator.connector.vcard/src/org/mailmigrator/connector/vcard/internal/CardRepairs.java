package org.mailmigrator.connector.vcard.internal;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.scribe.ScribeIndex;
import ezvcard.parameter.ImageType;
import ezvcard.property.Email;
import ezvcard.property.FormattedName;
import ezvcard.property.Photo;
import ezvcard.property.RawProperty;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.VCardProperty;

/**
 * What a card needs before it is written as vCard 3.0 or 4.0: an FN (required there, optional in 2.1), and
 * Outlook's {@code X-MS-CARDPICTURE;ENCODING=BASE64} (2.1 spelling, invalid in 3.0) as the PHOTO it is.
 * Every repair is said in the notes.
 */
final class CardRepairs {
    private CardRepairs() {
    }

    static void repair(VCard card, List<String> notes) {
        if (card.getFormattedName() == null || card.getFormattedName().getValue() == null
                || card.getFormattedName().getValue().isBlank()) {
            String fn = formattedName(card);
            card.setFormattedName(new FormattedName(fn));
            notes.add("had no FN (required by vCard 3.0 and 4.0): FN set to '" + fn + "'");
        }
        for (VCardProperty p : card.getProperties()) {
            // the text is Unicode now: a CHARSET parameter left on a value would make readers decode it again
            p.getParameters().removeAll("CHARSET");
            if (card.getVersion() == VCardVersion.V2_1) {
                // 2.1 has no quoted parameter values: Outlook's TYPE="work" means TYPE=work
                for (String name : new ArrayList<>(p.getParameters().keySet())) {
                    List<String> values = p.getParameters().get(name);
                    List<String> bare = values.stream().map(v -> v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")
                            ? v.substring(1, v.length() - 1) : v).toList();
                    if (!bare.equals(values)) {
                        p.getParameters().replace(name, bare);
                    }
                }
            }
        }
        if (card.getVersion() == VCardVersion.V2_1) {
            for (RawProperty raw : new ArrayList<>(card.getExtendedProperties())) {
                String encoding = raw.getParameter("ENCODING");
                if (encoding == null || !encoding.equalsIgnoreCase("BASE64") && !encoding.equalsIgnoreCase("B")) {
                    continue;
                }
                if (raw.getPropertyName().equalsIgnoreCase("X-MS-CARDPICTURE")) {
                    picture(card, raw, notes);
                } else {
                    raw.setParameter("ENCODING", "b"); // the 3.0 spelling of base64
                }
            }
        }
    }

    private static void picture(VCard card, RawProperty raw, List<String> notes) {
        card.removeProperty(raw);
        if (!card.getPhotos().isEmpty()) {
            notes.add("X-MS-CARDPICTURE (Outlook's copy of the picture) dropped: the card's PHOTO is kept");
            return;
        }
        byte[] data;
        try {
            data = Base64.getMimeDecoder().decode(raw.getValue() == null ? "" : raw.getValue().replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            notes.add("X-MS-CARDPICTURE dropped: its base64 value cannot be decoded");
            return;
        }
        String type = raw.getParameters().getType();
        ImageType image = type == null ? ImageType.JPEG : ImageType.find(type.toLowerCase(Locale.ROOT), null, null);
        card.addPhoto(new Photo(data, image == null ? ImageType.JPEG : image));
        notes.add("X-MS-CARDPICTURE (Outlook's vCard 2.1 picture) written as PHOTO");
    }

    /** FN from N, else ORG, else the first e-mail or phone: what address books show for such a card. */
    private static String formattedName(VCard card) {
        StructuredName n = card.getStructuredName();
        if (n != null) {
            List<String> parts = new ArrayList<>(n.getPrefixes());
            if (n.getGiven() != null) {
                parts.add(n.getGiven());
            }
            parts.addAll(n.getAdditionalNames());
            if (n.getFamily() != null) {
                parts.add(n.getFamily());
            }
            parts.addAll(n.getSuffixes());
            String joined = String.join(" ", parts.stream().filter(s -> !s.isBlank()).toList()).strip();
            if (!joined.isEmpty()) {
                return joined;
            }
        }
        if (card.getOrganization() != null && !card.getOrganization().getValues().isEmpty()) {
            return card.getOrganization().getValues().get(0);
        }
        for (Email e : card.getEmails()) {
            if (e.getValue() != null && !e.getValue().isBlank()) {
                return e.getValue();
            }
        }
        for (Telephone t : card.getTelephoneNumbers()) {
            if (t.getText() != null) {
                return t.getText();
            }
        }
        return "(no name)";
    }

    private static final ScribeIndex SCRIBES = new ScribeIndex();

    /** The property names of a card as written in vCard (FN, ANNIVERSARY...), one per occurrence. */
    static List<String> names(VCard card) {
        List<String> out = new ArrayList<>();
        for (VCardProperty p : card.getProperties()) {
            out.add(name(p));
        }
        return out;
    }

    static String name(VCardProperty p) {
        if (p instanceof RawProperty r) {
            return r.getPropertyName().toUpperCase(Locale.ROOT);
        }
        String name = SCRIBES.getPropertyScribe(p).getPropertyName();
        return name == null ? p.getClass().getSimpleName().toUpperCase(Locale.ROOT) : name.toUpperCase(Locale.ROOT);
    }
}
