package org.mailmigrator.connector.ews.internal;

import java.util.List;
import java.util.Optional;

import org.mailmigrator.core.pim.PimItem;
import org.mailmigrator.core.spi.ConnectorException;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.property.Photo;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.service.ConflictResolutionMode;
import microsoft.exchange.webservices.data.core.service.item.Contact;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.ItemId;

/**
 * A vCard as an Exchange contact. A known contact is updated in place (UpdateItem with SetItemField and
 * DeleteItemField for the fields we manage, AlwaysOverwrite): its ItemId stays, and what the user added in
 * Exchange that the vCard has no field for (other phone kinds, a nickname, flags) survives. The photo is the
 * contact picture: a file attachment with IsContactPhoto (Exchange 2010+), replaced when the card changes.
 */
final class ContactWriter {
    private final ExchangeService service;

    ContactWriter(ExchangeService service) {
        this.service = service;
    }

    Contact write(PimItem item, FolderId folder, Optional<ItemId> existing, List<String> notes) throws Exception {
        VCard card = Ezvcard.parse(item.text()).first();
        if (card.getKind() != null && card.getKind().isGroup()) {
            throw new ConnectorException.ItemFailure(item.describe() + ": contact groups (KIND:group) are not written to Exchange", null);
        }
        Contact c = null;
        if (existing.isPresent()) {
            try {
                c = Contact.bind(service, existing.get());
            } catch (Exception e) {
                if (!EwsWriter.gone(e)) {
                    throw e;
                }
            }
        }
        boolean create = c == null;
        if (create) {
            c = new Contact(service);
            c.setExtendedProperty(EwsWriter.UID, item.uid());
        }
        new ContactFields(c, create).fill(card, notes);
        boolean attachments = photo(c, card, create, notes);
        if (!attachments) {
            c.setExtendedProperty(EwsWriter.CONTENT, EwsWriter.content(item)); // one request writes the whole contact
        }
        if (create) {
            c.save(folder);
        } else {
            c.update(ConflictResolutionMode.AlwaysOverwrite);
        }
        return c;
    }

    /**
     * Writes the card's embedded photo as the contact picture; a photo given only as a URL is not fetched. True when
     * an attachment is added or removed (a request of its own after the item's).
     */
    private static boolean photo(Contact c, VCard card, boolean create, List<String> notes) throws Exception {
        Optional<Photo> photo = card.getPhotos().stream().findFirst();
        if (photo.isPresent() && photo.get().getData() != null) {
            c.setContactPicture(photo.get().getData());
            return true;
        }
        if (photo.isPresent()) {
            notes.add("photo given as a URL (" + photo.get().getUrl() + ") not fetched: no contact picture");
        }
        if (!create && c.getContactPictureAttachment() != null) {
            c.removeContactPicture();
            return true;
        }
        return false;
    }
}
