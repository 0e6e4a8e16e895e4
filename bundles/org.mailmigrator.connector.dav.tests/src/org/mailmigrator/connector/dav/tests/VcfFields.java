package org.mailmigrator.connector.dav.tests;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import ezvcard.VCard;
import ezvcard.property.VCardProperty;

/**
 * The fields of a contact for a field-by-field comparison of a source card with the card the server gives
 * back: each property as "NAME[types]=value", values read through ez-vcard (so vCard 2.1 quoted-printable
 * and 3.0/4.0 encodings compare by meaning). UID is left out (sources without one get a generated one),
 * as are VERSION-only differences such as the 2.1 INTERNET type written as a 3.0 TYPE.
 */
final class VcfFields {
    private VcfFields() {
    }

    static List<String> of(VCard card) {
        List<String> out = new ArrayList<>();
        for (VCardProperty p : card.getProperties()) {
            String name = p.getClass().getSimpleName();
            if (name.equals("Uid") || name.equals("ProductId")) {
                continue;
            }
            List<String> types = new ArrayList<>();
            p.getParameters().getTypes().forEach(t -> types.add(t.toLowerCase(Locale.ROOT)));
            types.sort(null);
            out.add((p.getGroup() == null ? "" : p.getGroup().toLowerCase(Locale.ROOT) + ".") + name + types + "=" + value(p));
        }
        out.sort(null);
        return out;
    }

    /** Cards by formatted name and note (namesakes differ by their note). */
    static Map<String, List<String>> byName(List<VCard> cards) {
        Map<String, List<String>> out = new TreeMap<>();
        for (VCard c : cards) {
            String note = c.getNotes().isEmpty() ? "" : c.getNotes().get(0).getValue();
            out.put(c.getFormattedName().getValue() + "|" + note.replace("\r\n", "\n"), of(c));
        }
        return out;
    }

    private static String value(VCardProperty p) {
        return switch (p) {
            case ezvcard.property.BinaryProperty<?> b -> b.getData() != null ? "data:" + Base64.getEncoder().encodeToString(b.getData())
                    : "url:" + b.getUrl();
            case ezvcard.property.StructuredName n -> n.getFamily() + ";" + n.getGiven() + ";" + n.getAdditionalNames() + ";"
                    + n.getPrefixes() + ";" + n.getSuffixes();
            case ezvcard.property.Address a -> a.getPoBoxes() + ";" + a.getExtendedAddresses() + ";" + a.getStreetAddresses()
                    + ";" + a.getLocalities() + ";" + a.getRegions() + ";" + a.getPostalCodes() + ";" + a.getCountries();
            case ezvcard.property.Organization o -> o.getValues().toString();
            case ezvcard.property.Categories c -> c.getValues().toString();
            case ezvcard.property.Telephone t -> t.getText() != null ? t.getText() : String.valueOf(t.getUri());
            case ezvcard.property.DateOrTimeProperty d -> d.getDate() != null ? String.valueOf(d.getDate())
                    : d.getPartialDate() != null ? d.getPartialDate().toString() : d.getText();
            // vCard 3.0 has one escape for a line break (\n): a 2.1 note's CRLF arrives as LF
            case ezvcard.property.TextProperty t -> t.getValue() == null ? null : t.getValue().replace("\r\n", "\n");
            default -> p.toString().replaceAll("@[0-9a-f]+", "");
        };
    }

}
