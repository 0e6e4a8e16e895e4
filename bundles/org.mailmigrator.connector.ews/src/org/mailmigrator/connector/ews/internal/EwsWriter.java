package org.mailmigrator.connector.ews.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.mailmigrator.core.pim.PimItem;
import org.mailmigrator.core.pim.PimWriter;
import org.mailmigrator.core.pim.Stored;
import org.mailmigrator.core.spi.ConnectorException;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.DefaultExtendedPropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.MapiPropertyType;
import microsoft.exchange.webservices.data.core.enumeration.service.ConflictResolutionMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsOrCancellationsMode;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.ItemId;
import microsoft.exchange.webservices.data.property.definition.ExtendedPropertyDefinition;
import microsoft.exchange.webservices.data.search.FindItemsResults;
import microsoft.exchange.webservices.data.search.ItemView;
import microsoft.exchange.webservices.data.search.filter.SearchFilter;

/**
 * Creates or updates one Exchange item per source item. The source UID is kept in a named extended
 * property, so that an item is found again even when the local state is lost: a re-run never duplicates.
 * A digest of the source text ({@link #CONTENT}) is written with the item's last write, so that {@link #held}
 * can tell whether a write the journal left unrecorded happened: it is in the one CreateItem/UpdateItem of an
 * item written in one request, else in an UpdateItem after every other part (occurrences, extra dates,
 * photo) was written.
 */
final class EwsWriter implements PimWriter {
    static final ExtendedPropertyDefinition UID = property("MailMigratorUid");
    /** The digest of the source text of the item as last written completely ({@link #content}). */
    static final ExtendedPropertyDefinition CONTENT = property("MailMigratorContent");

    /** A named string property in PublicStrings (readable by any EWS/MAPI client, searchable with FindItem). */
    static ExtendedPropertyDefinition property(String name) {
        try {
            return new ExtendedPropertyDefinition(DefaultExtendedPropertySet.PublicStrings, name, MapiPropertyType.String);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ExchangeService service;
    private final EwsFolders folders;
    private final EwsSettings settings;

    EwsWriter(ExchangeService service, EwsFolders folders, EwsSettings settings) {
        this.service = service;
        this.folders = folders;
        this.settings = settings;
    }

    @Override
    public Written write(PimItem item, Optional<Stored> previous) throws ConnectorException {
        List<String> notes = new ArrayList<>();
        try {
            FolderId folder = folders.of(item.kind());
            Optional<ItemId> existing = previous.map(p -> {
                try {
                    return new ItemId(p.resource());
                } catch (Exception e) {
                    return null;
                }
            });
            if (existing.isEmpty()) {
                existing = findByUid(folder, item.uid());
                if (existing.isPresent()) {
                    notes.add("was already in Exchange (earlier run): updated in place");
                }
            }
            Item saved = switch (item.kind()) {
                case CALENDAR -> new EventWriter(service, settings.floatingZone()).write(item, folder, existing, notes);
                case TASKS -> new TaskWriter(service).write(item, folder, existing);
                case CONTACTS -> new ContactWriter(service).write(item, folder, existing, notes);
                case MAIL -> throw new ConnectorException.ItemFailure("mail items do not go through the PIM writer", null);
            };
            String content = content(item);
            if (!content.equals(MailProperties.value(saved, CONTENT, String.class))) {
                // written in several requests: the digest goes last, once every part is there
                saved.setExtendedProperty(CONTENT, content);
                if (saved instanceof Appointment a) {
                    a.update(ConflictResolutionMode.AlwaysOverwrite, SendInvitationsOrCancellationsMode.SendToNone);
                } else {
                    saved.update(ConflictResolutionMode.AlwaysOverwrite);
                }
            }
            return new Written(new Stored(saved.getId().getUniqueId(), saved.getId().getChangeKey()), existing.isEmpty(), notes);
        } catch (Exception e) {
            throw EwsErrors.translate(e, item.describe(), settings.login());
        }
    }

    /**
     * The item under this UID in its kind's folder, read without writing: the same when it carries the digest of
     * this very source text (its last write completed), other when it carries another (an earlier version, or a
     * write cut between its parts), absent when there is none.
     */
    @Override
    public Held held(PimItem item, Optional<Stored> previous) throws ConnectorException {
        if (item.kind() == org.mailmigrator.core.model.ItemKind.MAIL) {
            return new Held.Unknown();
        }
        try {
            ItemView view = new ItemView(1);
            view.setPropertySet(new PropertySet(BasePropertySet.IdOnly, CONTENT));
            FindItemsResults<Item> found = service.findItems(folders.of(item.kind()), new SearchFilter.IsEqualTo(UID, item.uid()), view);
            if (found.getItems().isEmpty()) {
                return new Held.Absent();
            }
            Item i = found.getItems().get(0);
            Stored stored = new Stored(i.getId().getUniqueId(), i.getId().getChangeKey());
            return content(item).equals(MailProperties.value(i, CONTENT, String.class)) ? new Held.Same(stored) : new Held.Other(stored);
        } catch (Exception e) {
            throw EwsErrors.translate(e, "looking for " + item.describe(), settings.login());
        }
    }

    /** The digest of the source text, as {@link #CONTENT} keeps it: the item's fingerprint (SHA-256 of its text). */
    static String content(PimItem item) {
        return item.fingerprint();
    }

    private Optional<ItemId> findByUid(FolderId folder, String uid) throws Exception {
        FindItemsResults<Item> found = service.findItems(folder, new SearchFilter.IsEqualTo(UID, uid), new ItemView(1));
        return found.getItems().isEmpty() ? Optional.empty() : Optional.of(found.getItems().get(0).getId());
    }

    /** Whether an update target vanished (deleted by the user since): the item is then created again. */
    static boolean gone(Exception e) {
        return e instanceof ServiceResponseException r && r.getErrorCode() == ServiceError.ErrorItemNotFound;
    }
}
