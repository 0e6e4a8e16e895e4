package org.mailmigrator.connector.graph.internal;

import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ezvcard.VCard;
import ezvcard.parameter.AddressType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import ezvcard.property.Email;
import ezvcard.property.Telephone;

/**
 * A vCard as Graph's {@code contact} JSON and back: names, e-mail addresses (Graph keeps three: the others go to the
 * notes, and the report says so), phones by type, company, title, birthday, home and business addresses, notes,
 * categories, and the source UID in the same extended property as events.
 */
final class ContactJson {
    private ContactJson() {
    }

    static Map<String, Object> of(VCard card, String uid, List<String> notes) {
        Map<String, Object> j = new LinkedHashMap<>();
        if (card.getStructuredName() != null) {
            put(j, "givenName", card.getStructuredName().getGiven());
            put(j, "surname", card.getStructuredName().getFamily());
            if (!card.getStructuredName().getAdditionalNames().isEmpty()) {
                put(j, "middleName", String.join(" ", card.getStructuredName().getAdditionalNames()));
            }
        }
        if (card.getFormattedName() != null) {
            put(j, "displayName", card.getFormattedName().getValue());
        }
        if (card.getNickname() != null && !card.getNickname().getValues().isEmpty()) {
            put(j, "nickName", card.getNickname().getValues().get(0));
        }
        List<Map<String, Object>> emails = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        for (Email e : card.getEmails()) {
            if (emails.size() < 3) {
                emails.add(Map.of("address", e.getValue(), "name", e.getValue()));
            } else {
                extra.add(e.getValue());
            }
        }
        j.put("emailAddresses", emails);
        List<String> business = new ArrayList<>();
        List<String> home = new ArrayList<>();
        for (Telephone t : card.getTelephoneNumbers()) {
            String number = t.getText() != null ? t.getText() : t.getUri() == null ? null : t.getUri().getNumber();
            if (number == null) {
                continue;
            }
            if (t.getTypes().contains(TelephoneType.CELL) && !j.containsKey("mobilePhone")) {
                j.put("mobilePhone", number);
            } else if (t.getTypes().contains(TelephoneType.HOME)) {
                home.add(number);
            } else {
                business.add(number);
            }
        }
        j.put("businessPhones", business);
        j.put("homePhones", home);
        if (card.getOrganization() != null && !card.getOrganization().getValues().isEmpty()) {
            put(j, "companyName", card.getOrganization().getValues().get(0));
            if (card.getOrganization().getValues().size() > 1) {
                put(j, "department", card.getOrganization().getValues().get(1));
            }
        }
        if (!card.getTitles().isEmpty()) {
            put(j, "jobTitle", card.getTitles().get(0).getValue());
        }
        if (card.getBirthday() != null && card.getBirthday().getDate() instanceof TemporalAccessor d) {
            try {
                j.put("birthday", LocalDate.from(d) + "T00:00:00Z");
            } catch (RuntimeException e) {
                notes.add("birthday of " + uid + " without a year not kept (Graph needs a full date)");
            }
        }
        for (Address a : card.getAddresses()) {
            String key = a.getTypes().contains(AddressType.HOME) ? "homeAddress" : "businessAddress";
            if (!j.containsKey(key)) {
                Map<String, Object> addr = new LinkedHashMap<>();
                put(addr, "street", a.getStreetAddress());
                put(addr, "city", a.getLocality());
                put(addr, "state", a.getRegion());
                put(addr, "postalCode", a.getPostalCode());
                put(addr, "countryOrRegion", a.getCountry());
                j.put(key, addr);
            }
        }
        StringBuilder personal = new StringBuilder();
        card.getNotes().forEach(n -> personal.append(personal.length() > 0 ? "\n" : "").append(n.getValue()));
        if (!extra.isEmpty()) {
            personal.append(personal.length() > 0 ? "\n" : "").append("E-mail: ").append(String.join(", ", extra));
            notes.add(extra.size() + " e-mail address(es) of " + uid + " beyond Graph's three put in the notes");
        }
        put(j, "personalNotes", personal.toString());
        if (card.getCategories() != null) {
            j.put("categories", List.copyOf(card.getCategories().getValues()));
        }
        j.put("singleValueExtendedProperties", List.of(Map.of("id", EventJson.UID_PROPERTY, "value", uid)));
        return j;
    }

    private static void put(Map<String, Object> j, String key, String value) {
        if (value != null && !value.isBlank()) {
            j.put(key, value);
        }
    }

    /** A Graph contact as a vCard 3.0 text (the reader's way back). */
    static String vcard(Map<String, Object> c, String uid) {
        return vcard(c, uid, null);
    }

    /** As {@link #vcard(Map, String)}, with the contact's photo (Graph's {@code photo/$value}) when it has one. */
    static String vcard(Map<String, Object> c, String uid, GraphHttp.Binary photo) {
        VCard card = new VCard();
        if (photo != null && photo.bytes().length > 0) {
            String media = photo.contentType().replaceFirst(";.*", "").trim();
            card.addPhoto(new ezvcard.property.Photo(photo.bytes(), ezvcard.parameter.ImageType.find(null, media, null)));
        }
        card.setUid(new ezvcard.property.Uid(uid));
        ezvcard.property.StructuredName n = new ezvcard.property.StructuredName();
        n.setGiven(s(c.get("givenName")));
        n.setFamily(s(c.get("surname")));
        card.setStructuredName(n);
        String display = s(c.get("displayName"));
        card.setFormattedName(display != null ? display : (String.valueOf(n.getGiven()) + " " + n.getFamily()).trim());
        if (c.get("emailAddresses") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && s(m.get("address")) != null) {
                    card.addEmail(s(m.get("address")));
                }
            }
        }
        if (s(c.get("mobilePhone")) != null) {
            card.addTelephoneNumber(s(c.get("mobilePhone")), TelephoneType.CELL);
        }
        phones(card, c.get("businessPhones"), TelephoneType.WORK);
        phones(card, c.get("homePhones"), TelephoneType.HOME);
        if (s(c.get("companyName")) != null) {
            ezvcard.property.Organization org = new ezvcard.property.Organization();
            org.getValues().add(s(c.get("companyName")));
            card.setOrganization(org);
        }
        if (s(c.get("jobTitle")) != null) {
            card.addTitle(s(c.get("jobTitle")));
        }
        if (s(c.get("personalNotes")) != null) {
            card.addNote(s(c.get("personalNotes")));
        }
        String birthday = s(c.get("birthday"));
        if (birthday != null && birthday.length() >= 10) {
            card.setBirthday(new ezvcard.property.Birthday(LocalDate.parse(birthday.substring(0, 10))));
        }
        return ezvcard.Ezvcard.write(card).version(ezvcard.VCardVersion.V3_0).prodId(false).go();
    }

    private static void phones(VCard card, Object list, TelephoneType type) {
        if (list instanceof List<?> l) {
            for (Object o : l) {
                if (o != null && !String.valueOf(o).isBlank()) {
                    card.addTelephoneNumber(String.valueOf(o), type);
                }
            }
        }
    }

    static String s(Object o) {
        return o == null || String.valueOf(o).isBlank() ? null : String.valueOf(o).toLowerCase(Locale.ROOT).equals("null") ? null
                : String.valueOf(o);
    }
}
