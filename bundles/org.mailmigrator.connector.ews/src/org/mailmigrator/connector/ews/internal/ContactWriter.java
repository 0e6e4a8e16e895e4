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

import org.mailmigrator.core.pim.PimItem;
import org.mailmigrator.core.spi.ConnectorException;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.property.Address;
import ezvcard.property.DateOrTimeProperty;
import ezvcard.property.Email;
import ezvcard.property.Telephone;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.property.BodyType;
import microsoft.exchange.webservices.data.core.enumeration.property.EmailAddressKey;
import microsoft.exchange.webservices.data.core.enumeration.property.PhoneNumberKey;
import microsoft.exchange.webservices.data.core.enumeration.property.PhysicalAddressKey;
import microsoft.exchange.webservices.data.core.enumeration.service.DeleteMode;
import microsoft.exchange.webservices.data.core.service.item.Contact;
import microsoft.exchange.webservices.data.property.complex.EmailAddress;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.ItemId;
import microsoft.exchange.webservices.data.property.complex.MessageBody;
import microsoft.exchange.webservices.data.property.complex.PhysicalAddressEntry;
import microsoft.exchange.webservices.data.property.complex.StringList;

/**
 * A vCard as an Exchange contact. Exchange has three e-mail slots, two business and two home phones, one
 * address per kind: what does not fit goes into the notes, and the report says so, so nothing is lost.
 */
final class ContactWriter {
    private static final EmailAddressKey[] MAIL_SLOTS = { EmailAddressKey.EmailAddress1, EmailAddressKey.EmailAddress2,
        EmailAddressKey.EmailAddress3 };
    private final ExchangeService service;

    ContactWriter(ExchangeService service) {
        this.service = service;
    }

    Contact write(PimItem item, FolderId folder, Optional<ItemId> existing, List<String> notes) throws Exception {
        VCard card = Ezvcard.parse(item.text()).first();
        if (card.getKind() != null && card.getKind().isGroup()) {
            throw new ConnectorException.ItemFailure(item.describe() + ": contact groups (KIND:group) are not written to Exchange", null);
        }
        if (existing.isPresent()) {
            // an update replaces the contact: its e-mail, phone and address dictionaries are then written whole
            // instead of merged into entries the bound item has not loaded
            try {
                Contact.bind(service, existing.get()).delete(DeleteMode.HardDelete);
            } catch (Exception e) {
                if (!EwsWriter.gone(e)) {
                    throw e;
                }
            }
        }
        Contact c = new Contact(service);
        List<String> overflow = new ArrayList<>();
        if (card.getStructuredName() != null) {
            c.setGivenName(card.getStructuredName().getGiven());
            c.setSurname(card.getStructuredName().getFamily());
            if (!card.getStructuredName().getAdditionalNames().isEmpty()) {
                c.setMiddleName(String.join(" ", card.getStructuredName().getAdditionalNames()));
            }
        }
        if (card.getFormattedName() != null) {
            c.setDisplayName(card.getFormattedName().getValue());
        }
        if (card.getOrganization() != null && !card.getOrganization().getValues().isEmpty()) {
            c.setCompanyName(card.getOrganization().getValues().get(0));
            if (card.getOrganization().getValues().size() > 1) {
                c.setDepartment(String.join(", ", card.getOrganization().getValues().subList(1, card.getOrganization().getValues().size())));
            }
        }
        if (!card.getTitles().isEmpty()) {
            c.setJobTitle(card.getTitles().get(0).getValue());
        }
        List<Email> emails = card.getEmails();
        for (int i = 0; i < emails.size(); i++) {
            if (i < MAIL_SLOTS.length) {
                c.getEmailAddresses().setEmailAddress(MAIL_SLOTS[i], new EmailAddress(emails.get(i).getValue()));
            } else {
                overflow.add("E-mail: " + emails.get(i).getValue());
            }
        }
        if (emails.size() > MAIL_SLOTS.length) {
            notes.add((emails.size() - MAIL_SLOTS.length) + " e-mail address(es) beyond Exchange's three were put in the notes");
        }
        phones(c, card.getTelephoneNumbers(), overflow);
        addresses(c, card.getAddresses(), overflow);
        Optional<Date> birthday = date(card.getBirthday());
        if (birthday.isPresent()) {
            c.setBirthday(birthday.get());
        }
        Optional<Date> anniversary = date(card.getAnniversary());
        if (anniversary.isPresent()) {
            c.setWeddingAnniversary(anniversary.get());
        }
        if (!card.getUrls().isEmpty()) {
            c.setBusinessHomePage(card.getUrls().get(0).getValue());
            card.getUrls().stream().skip(1).forEach(u -> overflow.add("Web: " + u.getValue()));
        }
        if (!card.getPhotos().isEmpty() && card.getPhotos().get(0).getData() != null) {
            notes.add("photo not written (contact pictures are attachments, not supported yet)");
        }
        List<String> categories = card.getCategoriesList().stream().flatMap(k -> k.getValues().stream()).toList();
        if (!categories.isEmpty()) {
            c.setCategories(new StringList(categories));
        }
        String note = String.join("\n", card.getNotes().stream().map(n -> n.getValue()).toList());
        if (!overflow.isEmpty()) {
            note = note + (note.isEmpty() ? "" : "\n\n") + String.join("\n", overflow);
        }
        c.setBody(new MessageBody(BodyType.Text, note));
        c.setExtendedProperty(EwsWriter.UID, item.uid());
        c.save(folder);
        return c;
    }

    private static void phones(Contact c, List<Telephone> phones, List<String> overflow) throws Exception {
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
    }

    private static void addresses(Contact c, List<Address> addresses, List<String> overflow) throws Exception {
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
