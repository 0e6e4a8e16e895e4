package org.mailmigrator.connector.ews.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.parameter.AddressType;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.ImageType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import ezvcard.property.Birthday;
import ezvcard.property.Photo;
import ezvcard.property.Revision;
import ezvcard.property.StructuredName;
import ezvcard.property.Uid;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BodyType;
import microsoft.exchange.webservices.data.core.enumeration.property.EmailAddressKey;
import microsoft.exchange.webservices.data.core.enumeration.property.PhoneNumberKey;
import microsoft.exchange.webservices.data.core.enumeration.property.PhysicalAddressKey;
import microsoft.exchange.webservices.data.core.service.item.Contact;
import microsoft.exchange.webservices.data.core.service.schema.ContactSchema;
import microsoft.exchange.webservices.data.core.service.schema.ItemSchema;
import microsoft.exchange.webservices.data.misc.OutParam;
import microsoft.exchange.webservices.data.property.complex.EmailAddress;
import microsoft.exchange.webservices.data.property.complex.FileAttachment;
import microsoft.exchange.webservices.data.property.complex.PhysicalAddressEntry;

/**
 * An Exchange contact as a vCard 3.0 (docs/ews-source.md): names, company and department, job title, the three
 * e-mail slots, the phone slots with their kinds, the business/home/other addresses, birthday, web page, notes (the
 * body), categories, and the contact picture (the file attachment marked IsContactPhoto, read with GetAttachment)
 * as PHOTO. REV is the item's last change, so an unchanged contact reads the same text every run.
 */
final class ContactText {
    private ContactText() {
    }

    static PropertySet properties() throws Exception {
        PropertySet p = new PropertySet(BasePropertySet.IdOnly, ItemSchema.Subject, ItemSchema.Body, ItemSchema.Attachments,
                ItemSchema.Categories, ItemSchema.DateTimeCreated, ItemSchema.LastModifiedTime, ContactSchema.DisplayName,
                ContactSchema.GivenName, ContactSchema.MiddleName, ContactSchema.NickName, ContactSchema.CompanyName,
                ContactSchema.EmailAddresses, ContactSchema.PhysicalAddresses, ContactSchema.PhoneNumbers, ContactSchema.Birthday,
                ContactSchema.BusinessHomePage, ContactSchema.Department, ContactSchema.JobTitle, ContactSchema.Surname,
                ContactSchema.HasPicture, EwsWriter.UID);
        p.setRequestedBodyType(BodyType.Text);
        return p;
    }

    /** The card; {@code login} names the account in the messages of a failed picture download. */
    static String of(Contact c, String login) throws Exception {
        VCard card = new VCard();
        card.setUid(new Uid(SourceItems.uid(c, null)));
        String fn = first(c.getDisplayName(), String.join(" ", List.of(nz(c.getGivenName()), nz(c.getSurname()))).strip(),
                c.getCompanyName(), c.getSubject(), "(no name)");
        card.setFormattedName(fn);
        StructuredName n = new StructuredName();
        n.setFamily(nz(c.getSurname()));
        n.setGiven(nz(c.getGivenName()));
        if (c.getMiddleName() != null && !c.getMiddleName().isBlank()) {
            n.getAdditionalNames().add(c.getMiddleName());
        }
        card.setStructuredName(n);
        if (c.getNickName() != null && !c.getNickName().isBlank()) {
            card.setNickname(c.getNickName());
        }
        if (c.getCompanyName() != null && !c.getCompanyName().isBlank()) {
            card.setOrganization(c.getDepartment() == null || c.getDepartment().isBlank() ? new String[] { c.getCompanyName() }
                    : new String[] { c.getCompanyName(), c.getDepartment() });
        }
        if (c.getJobTitle() != null && !c.getJobTitle().isBlank()) {
            card.addTitle(c.getJobTitle());
        }
        for (EmailAddressKey k : EmailAddressKey.values()) {
            OutParam<EmailAddress> e = new OutParam<>();
            if (c.getEmailAddresses() != null && c.getEmailAddresses().tryGetValue(k, e) && e.getParam() != null
                    && e.getParam().getAddress() != null && !e.getParam().getAddress().isBlank()) {
                card.addEmail(e.getParam().getAddress(), EmailType.INTERNET);
            }
        }
        for (PhoneNumberKey k : PhoneNumberKey.values()) {
            OutParam<String> number = new OutParam<>();
            if (c.getPhoneNumbers() != null && c.getPhoneNumbers().tryGetValue(k, number) && number.getParam() != null
                    && !number.getParam().isBlank()) {
                card.addTelephoneNumber(number.getParam(), phoneTypes(k));
            }
        }
        for (PhysicalAddressKey k : PhysicalAddressKey.values()) {
            OutParam<PhysicalAddressEntry> a = new OutParam<>();
            if (c.getPhysicalAddresses() != null && c.getPhysicalAddresses().tryGetValue(k, a) && a.getParam() != null) {
                card.addAddress(address(a.getParam(), k));
            }
        }
        Date birthday = c.getBirthday();
        if (birthday != null) {
            // Exchange keeps the day as an instant: midnight of the zone of whoever typed it (UTC-12 to UTC+11), or
            // noon UTC (this tool's writer): eleven hours later, every one of them is on that day in UTC
            LocalDate day = birthday.toInstant().plusSeconds(11 * 3600).atZone(ZoneOffset.UTC).toLocalDate();
            card.setBirthday(new Birthday(day));
        }
        if (c.getBusinessHomePage() != null && !c.getBusinessHomePage().isBlank()) {
            card.addUrl(c.getBusinessHomePage());
        }
        String notes = SourceItems.body(c);
        if (!notes.isEmpty()) {
            card.addNote(notes);
        }
        List<String> categories = SourceItems.categories(c);
        if (!categories.isEmpty()) {
            card.setCategories(categories.toArray(String[]::new));
        }
        photo(c, card, login);
        card.setRevision(new Revision(SourceItems.changed(c)));
        return Ezvcard.write(card).version(VCardVersion.V3_0).prodId(false).go();
    }

    /** The contact picture: the file attachment marked IsContactPhoto, its bytes read with GetAttachment. */
    private static void photo(Contact c, VCard card, String login) throws Exception {
        if (!Boolean.TRUE.equals(c.getHasPicture()) && (c.getAttachments() == null || c.getAttachments().getCount() == 0)) {
            return;
        }
        FileAttachment picture = c.getContactPictureAttachment();
        if (picture == null) {
            return;
        }
        Calls.run(() -> {
            picture.load(); // GetAttachment; ErrorServerBusy waited out as for every source request
            return null;
        }, "reading the picture of " + SourceItems.origin("contact", c), login);
        byte[] bytes = picture.getContent();
        if (bytes == null || bytes.length == 0) {
            return;
        }
        String type = String.valueOf(picture.getContentType()).toLowerCase(Locale.ROOT);
        ImageType image = type.contains("png") || bytes.length > 3 && bytes[0] == (byte) 0x89 && bytes[1] == 'P' ? ImageType.PNG
                : type.contains("gif") || bytes.length > 3 && bytes[0] == 'G' && bytes[1] == 'I' ? ImageType.GIF : ImageType.JPEG;
        card.addPhoto(new Photo(bytes, image));
    }

    private static TelephoneType[] phoneTypes(PhoneNumberKey k) {
        return switch (k) {
            case BusinessPhone, BusinessPhone2, CompanyMainPhone, AssistantPhone -> new TelephoneType[] { TelephoneType.WORK, TelephoneType.VOICE };
            case HomePhone, HomePhone2 -> new TelephoneType[] { TelephoneType.HOME, TelephoneType.VOICE };
            case MobilePhone, CarPhone, RadioPhone -> new TelephoneType[] { TelephoneType.CELL };
            case BusinessFax -> new TelephoneType[] { TelephoneType.WORK, TelephoneType.FAX };
            case HomeFax -> new TelephoneType[] { TelephoneType.HOME, TelephoneType.FAX };
            case OtherFax -> new TelephoneType[] { TelephoneType.FAX };
            case Pager -> new TelephoneType[] { TelephoneType.PAGER };
            case Isdn -> new TelephoneType[] { TelephoneType.ISDN };
            case TtyTddPhone -> new TelephoneType[] { TelephoneType.TEXTPHONE };
            case PrimaryPhone -> new TelephoneType[] { TelephoneType.PREF, TelephoneType.VOICE };
            default -> new TelephoneType[] { TelephoneType.VOICE };
        };
    }

    private static Address address(PhysicalAddressEntry e, PhysicalAddressKey k) throws Exception {
        Address a = new Address();
        a.setStreetAddress(e.getStreet());
        a.setLocality(e.getCity());
        a.setRegion(e.getState());
        a.setPostalCode(e.getPostalCode());
        a.setCountry(e.getCountryOrRegion());
        a.getTypes().add(k == PhysicalAddressKey.Business ? AddressType.WORK : k == PhysicalAddressKey.Home ? AddressType.HOME
                : AddressType.get("other"));
        return a;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String first(String... candidates) {
        for (String s : candidates) {
            if (s != null && !s.isBlank()) {
                return s;
            }
        }
        return "";
    }
}
