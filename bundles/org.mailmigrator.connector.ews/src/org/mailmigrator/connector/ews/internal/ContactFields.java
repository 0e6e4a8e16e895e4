package org.mailmigrator.connector.ews.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import ezvcard.VCard;
import ezvcard.property.Address;
import ezvcard.property.DateOrTimeProperty;
import ezvcard.property.Email;
import ezvcard.property.Telephone;
import microsoft.exchange.webservices.data.core.enumeration.property.BodyType;
import microsoft.exchange.webservices.data.core.enumeration.property.EmailAddressKey;
import microsoft.exchange.webservices.data.core.enumeration.property.PhoneNumberKey;
import microsoft.exchange.webservices.data.core.enumeration.property.PhysicalAddressKey;
import microsoft.exchange.webservices.data.core.service.item.Contact;
import microsoft.exchange.webservices.data.core.service.schema.ContactSchema;
import microsoft.exchange.webservices.data.core.service.schema.ItemSchema;
import microsoft.exchange.webservices.data.property.complex.EmailAddress;
import microsoft.exchange.webservices.data.property.complex.MessageBody;
import microsoft.exchange.webservices.data.property.complex.PhysicalAddressEntry;
import microsoft.exchange.webservices.data.property.complex.StringList;
import microsoft.exchange.webservices.data.property.definition.PropertyDefinition;

/**
 * The contact fields this tool manages, set from a vCard. On an existing contact a field the card no longer
 * has is deleted (DeleteItemField) and a dictionary slot it no longer fills is removed, while fields and
 * slots we never write stay as the user left them. Exchange has three e-mail slots, two business and two
 * home phones, one address per kind: what does not fit goes into the notes, and the report says so.
 */
final class ContactFields {
    private static final EmailAddressKey[] MAIL_SLOTS = { EmailAddressKey.EmailAddress1, EmailAddressKey.EmailAddress2,
        EmailAddressKey.EmailAddress3 };
    /** Every phone slot {@link #phones} may fill: only these are cleared when the card no longer fills them. */
    private static final Set<PhoneNumberKey> PHONE_SLOTS = EnumSet.of(PhoneNumberKey.HomeFax, PhoneNumberKey.BusinessFax,
            PhoneNumberKey.OtherFax, PhoneNumberKey.MobilePhone, PhoneNumberKey.OtherTelephone, PhoneNumberKey.Pager,
            PhoneNumberKey.HomePhone, PhoneNumberKey.HomePhone2, PhoneNumberKey.BusinessPhone, PhoneNumberKey.BusinessPhone2,
            PhoneNumberKey.PrimaryPhone);
    private final Contact c;
    private final boolean create;

    ContactFields(Contact c, boolean create) {
        this.c = c;
        this.create = create;
    }

    void fill(VCard card, List<String> notes) throws Exception {
        List<String> overflow = new ArrayList<>();
        var name = card.getStructuredName();
        set(ContactSchema.GivenName, name == null ? null : name.getGiven());
        set(ContactSchema.Surname, name == null ? null : name.getFamily());
        set(ContactSchema.MiddleName, name == null || name.getAdditionalNames().isEmpty() ? null : String.join(" ", name.getAdditionalNames()));
        set(ContactSchema.DisplayName, card.getFormattedName() == null ? null : card.getFormattedName().getValue());
        List<String> org = card.getOrganization() == null ? List.of() : card.getOrganization().getValues();
        set(ContactSchema.CompanyName, org.isEmpty() ? null : org.get(0));
        set(ContactSchema.Department, org.size() > 1 ? String.join(", ", org.subList(1, org.size())) : null);
        set(ContactSchema.JobTitle, card.getTitles().isEmpty() ? null : card.getTitles().get(0).getValue());
        List<Email> emails = card.getEmails();
        for (int i = 0; i < MAIL_SLOTS.length; i++) {
            c.getEmailAddresses().setEmailAddress(MAIL_SLOTS[i], i < emails.size() ? new EmailAddress(emails.get(i).getValue()) : null);
        }
        emails.stream().skip(MAIL_SLOTS.length).forEach(e -> overflow.add("E-mail: " + e.getValue()));
        if (emails.size() > MAIL_SLOTS.length) {
            notes.add((emails.size() - MAIL_SLOTS.length) + " e-mail address(es) beyond Exchange's three were put in the notes");
        }
        phones(card.getTelephoneNumbers(), overflow);
        addresses(card.getAddresses(), overflow);
        set(ContactSchema.Birthday, date(card.getBirthday()).orElse(null));
        set(ContactSchema.WeddingAnniversary, date(card.getAnniversary()).orElse(null));
        set(ContactSchema.BusinessHomePage, card.getUrls().isEmpty() ? null : card.getUrls().get(0).getValue());
        card.getUrls().stream().skip(1).forEach(u -> overflow.add("Web: " + u.getValue()));
        List<String> categories = card.getCategoriesList().stream().flatMap(k -> k.getValues().stream()).toList();
        set(ItemSchema.Categories, categories.isEmpty() ? null : new StringList(categories));
        String note = String.join("\n", card.getNotes().stream().map(n -> n.getValue()).toList());
        if (!overflow.isEmpty()) {
            note = note + (note.isEmpty() ? "" : "\n\n") + String.join("\n", overflow);
        }
        c.setBody(new MessageBody(BodyType.Text, note));
    }

    private void set(PropertyDefinition field, Object value) throws Exception {
        Fields.set(c, create, field, value);
    }

    private void phones(List<Telephone> phones, List<String> overflow) throws Exception {
        Set<PhoneNumberKey> used = EnumSet.noneOf(PhoneNumberKey.class);
        for (Telephone t : phones) {
            String number = t.getText() != null ? t.getText() : t.getUri() != null ? t.getUri().getNumber() : null;
            if (number == null) {
                continue;
            }
            Set<String> types = new java.util.HashSet<>();
            t.getTypes().forEach(x -> types.add(x.getValue().toLowerCase(Locale.ROOT)));
            List<PhoneNumberKey> candidates = types.contains("fax") ? List.of(types.contains("home") ? PhoneNumberKey.HomeFax
                    : PhoneNumberKey.BusinessFax, PhoneNumberKey.OtherFax)
                    : types.contains("cell") ? List.of(PhoneNumberKey.MobilePhone, PhoneNumberKey.OtherTelephone)
                    : types.contains("pager") ? List.of(PhoneNumberKey.Pager)
                    : types.contains("home") ? List.of(PhoneNumberKey.HomePhone, PhoneNumberKey.HomePhone2)
                    : types.contains("work") ? List.of(PhoneNumberKey.BusinessPhone, PhoneNumberKey.BusinessPhone2)
                    : List.of(PhoneNumberKey.PrimaryPhone, PhoneNumberKey.OtherTelephone);
            Optional<PhoneNumberKey> free = candidates.stream().filter(k -> !used.contains(k)).findFirst();
            if (free.isPresent()) {
                used.add(free.get());
                c.getPhoneNumbers().setPhoneNumber(free.get(), number);
            } else {
                overflow.add("Phone (" + String.join(",", types) + "): " + number);
            }
        }
        for (PhoneNumberKey slot : PHONE_SLOTS) {
            if (!used.contains(slot)) {
                c.getPhoneNumbers().setPhoneNumber(slot, null);
            }
        }
    }

    private void addresses(List<Address> addresses, List<String> overflow) throws Exception {
        Set<PhysicalAddressKey> used = EnumSet.noneOf(PhysicalAddressKey.class);
        for (Address a : addresses) {
            Set<String> types = new java.util.HashSet<>();
            a.getTypes().forEach(x -> types.add(x.getValue().toLowerCase(Locale.ROOT)));
            PhysicalAddressKey key = types.contains("work") ? PhysicalAddressKey.Business
                    : types.contains("home") ? PhysicalAddressKey.Home : PhysicalAddressKey.Other;
            if (used.contains(key)) {
                key = used.contains(PhysicalAddressKey.Other) ? null : PhysicalAddressKey.Other;
            }
            if (key == null) {
                overflow.add("Address: " + a.getStreetAddressFull() + ", " + a.getPostalCode() + " " + a.getLocality() + ", " + a.getCountry());
                continue;
            }
            used.add(key);
            PhysicalAddressEntry e = new PhysicalAddressEntry();
            e.setStreet(a.getStreetAddressFull());
            e.setCity(a.getLocality());
            e.setState(a.getRegion());
            e.setPostalCode(a.getPostalCode());
            e.setCountryOrRegion(a.getCountry());
            c.getPhysicalAddresses().setPhysicalAddress(key, e);
        }
        for (PhysicalAddressKey slot : PhysicalAddressKey.values()) {
            if (!used.contains(slot)) {
                c.getPhysicalAddresses().setPhysicalAddress(slot, null);
            }
        }
    }

    private static Optional<Date> date(DateOrTimeProperty p) {
        if (p == null || p.getDate() == null) {
            return Optional.empty();
        }
        LocalDate d = LocalDate.from(p.getDate());
        // noon UTC: the day stays the same in every time zone Exchange may show it in
        return Optional.of(Date.from(d.atTime(12, 0).toInstant(ZoneOffset.UTC)));
    }
}
