package org.mailmigrator.connector.dav.tests;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import ezvcard.VCard;
import ezvcard.io.scribe.ScribeIndex;
import ezvcard.property.RawProperty;
import ezvcard.property.VCardProperty;

/**
 * A vCard read for a comparison by meaning: property name (as written in vCard) → normalised values, each with
 * its group and parameters (sorted, TYPE values lower case; CHARSET, ENCODING and VALUE left out, as they only say
 * how the value was spelled) and its value as ez-vcard reads it, so that vCard 2.1 quoted-printable or 8-bit text
 * and 3.0/4.0 escapes compare equal, and photos compare by their bytes.
 */
final class CardModel {
    private static final ScribeIndex SCRIBES = new ScribeIndex();

    private CardModel() {
    }

    static Map<String, List<String>> of(VCard card) {
        Map<String, List<String>> out = new TreeMap<>();
        for (VCardProperty p : card.getProperties()) {
            String name = name(p);
            if (name.equals("PRODID") || name.equals("VERSION")) {
                continue;
            }
            List<String> params = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : p.getParameters()) {
                String key = e.getKey().toUpperCase(Locale.ROOT);
                if (key.equals("CHARSET") || key.equals("ENCODING") || key.equals("VALUE")) {
                    continue;
                }
                for (String v : e.getValue()) {
                    params.add(key + "=" + (key.equals("TYPE") ? v.toLowerCase(Locale.ROOT) : v).replace("\r\n", "\n"));
                }
            }
            params.sort(null);
            String group = p.getGroup() == null ? "" : p.getGroup().toLowerCase(Locale.ROOT) + ".";
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(group + params + value(p));
        }
        out.values().forEach(l -> l.sort(null));
        return out;
    }

    static String name(VCardProperty p) {
        if (p instanceof RawProperty r) {
            return r.getPropertyName().toUpperCase(Locale.ROOT);
        }
        String n = SCRIBES.getPropertyScribe(p).getPropertyName();
        return n == null ? p.getClass().getSimpleName().toUpperCase(Locale.ROOT) : n.toUpperCase(Locale.ROOT);
    }

    private static String value(VCardProperty p) {
        return switch (p) {
            case ezvcard.property.BinaryProperty<?> b -> b.getData() != null
                    ? "data:" + Base64.getEncoder().encodeToString(b.getData()) : "url:" + b.getUrl();
            case ezvcard.property.StructuredName n -> n.getFamily() + ";" + n.getGiven() + ";" + n.getAdditionalNames() + ";"
                    + n.getPrefixes() + ";" + n.getSuffixes();
            case ezvcard.property.Address a -> a.getPoBoxes() + ";" + a.getExtendedAddresses() + ";" + a.getStreetAddresses()
                    + ";" + a.getLocalities() + ";" + a.getRegions() + ";" + a.getPostalCodes() + ";" + a.getCountries()
                    + ";label=" + clean(a.getLabel());
            case ezvcard.property.Organization o -> o.getValues().toString();
            case ezvcard.property.Categories c -> c.getValues().toString();
            case ezvcard.property.Telephone t -> t.getText() != null ? t.getText() : String.valueOf(t.getUri());
            case ezvcard.property.DateOrTimeProperty d -> d.getDate() != null ? String.valueOf(d.getDate())
                    : d.getPartialDate() != null ? d.getPartialDate().toString() : d.getText();
            case ezvcard.property.TextProperty t -> clean(t.getValue());
            default -> p.toString().replaceAll("parameters=\\{.*?\\} \\| ", "").replaceAll("version=\\S+ ", "")
                    .replaceAll("@[0-9a-f]+", "").replaceAll("\\s+", " ");
        };
    }

    /** One spelling of a line break (vCard 3.0 has only \n: a 2.1 CRLF arrives as LF). */
    private static String clean(String s) {
        return s == null ? null : s.replace("\r\n", "\n").strip();
    }
}
