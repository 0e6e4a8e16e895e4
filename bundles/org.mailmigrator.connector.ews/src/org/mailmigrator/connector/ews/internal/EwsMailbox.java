package org.mailmigrator.connector.ews.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mailmigrator.core.mail.AppendResult;
import org.mailmigrator.core.mail.FolderStatus;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.MessageBody;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.mail.MessageReader;
import org.mailmigrator.core.mail.Outgoing;
import org.mailmigrator.core.spi.ConnectorException;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.search.SortDirection;
import microsoft.exchange.webservices.data.core.enumeration.service.ConflictResolutionMode;
import microsoft.exchange.webservices.data.core.enumeration.service.DeleteMode;
import microsoft.exchange.webservices.data.core.enumeration.service.MessageDisposition;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.core.service.item.EmailMessage;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.core.service.schema.ItemSchema;
import microsoft.exchange.webservices.data.property.complex.ItemId;
import microsoft.exchange.webservices.data.property.definition.PropertyDefinitionBase;
import microsoft.exchange.webservices.data.search.FindItemsResults;
import microsoft.exchange.webservices.data.search.ItemView;
import microsoft.exchange.webservices.data.search.filter.SearchFilter;

/**
 * One Exchange mail folder. Message ids are Exchange ItemIds; the folder's epoch is its FolderId (a folder deleted
 * and created again makes the engine rebuild its map from fingerprints). The position crash recovery lists from
 * is the newest {@code DateTimeCreated} in the folder, as Exchange's clock gave it (ISO-8601): every message
 * created after {@link #position()} was read is listed by {@link #listSince} of it ({@code >=}, so messages
 * created in the same second are included too). Listing is paged; details and flag updates ask for exactly the
 * messages concerned (GetItem by ItemId, 100 per request), never for a listing of the whole folder.
 */
final class EwsMailbox implements Mailbox {
    private static final int PAGE = 500;
    /** Ids per GetItem, UpdateItem and DeleteItem request. */
    private static final int BATCH = 100;
    private final ExchangeService service;
    private final Folder folder;
    private final String name;
    private final String login;
    private final FolderStatus status;
    private final MailCreator creator;

    EwsMailbox(ExchangeService service, Folder folder, String name, String login) throws Exception {
        this.service = service;
        this.folder = folder;
        this.name = name;
        this.login = login;
        this.status = status(service, folder);
        this.creator = new MailCreator(service, folder);
    }

    /** Epoch: the FolderId; position: the newest creation time (one FindItem of one item). */
    static FolderStatus status(ExchangeService service, Folder f) throws Exception {
        return new FolderStatus(f.getId().getUniqueId(), newest(service, f), f.getTotalCount(), null);
    }

    private static String newest(ExchangeService service, Folder f) throws Exception {
        ItemView view = new ItemView(1);
        view.setPropertySet(new PropertySet(BasePropertySet.IdOnly, ItemSchema.DateTimeCreated));
        view.getOrderBy().add(ItemSchema.DateTimeCreated, SortDirection.Descending);
        FindItemsResults<Item> page = service.findItems(f.getId(), view);
        if (page.getItems().isEmpty()) {
            return null;
        }
        Date created = page.getItems().get(0).getDateTimeCreated();
        return created == null ? null : created.toInstant().toString();
    }

    @Override
    public FolderStatus status() {
        return status;
    }

    @Override
    public String position() throws ConnectorException {
        try {
            return newest(service, folder);
        } catch (Exception e) {
            throw EwsErrors.translate(e, "reading the newest message of " + name, login);
        }
    }

    @Override
    public int comparePositions(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return Instant.parse(a).compareTo(Instant.parse(b));
    }

    /** The creation time of a new message is not in CreateItem's answer: the position stays, a listing finds it. */
    @Override
    public String positionAfter(String position, String id) {
        return position;
    }

    @Override
    public List<MessageInfo> list(String changedSince) throws ConnectorException {
        return listSince(null);
    }

    @Override
    public List<MessageInfo> listSince(String position) throws ConnectorException {
        List<MessageInfo> out = new ArrayList<>();
        for (Item item : find(position, MailProperties.IMAP_FLAGS)) {
            out.add(new MessageInfo(id(item), -1, null, value(() -> MailProperties.flagsOf(item)), null, null, null));
        }
        return out;
    }

    /** GetItem of exactly these ids, 100 per request: never a listing of the whole folder. */
    @Override
    public List<MessageInfo> details(List<String> ids) throws ConnectorException {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, MessageInfo> found = new java.util.HashMap<>();
        for (Item item : get(ids, MailProperties.IMAP_FLAGS, MailProperties.FINGERPRINT, MailProperties.DELIVERY_TIME,
                ItemSchema.Subject, ItemSchema.Size, ItemSchema.DateTimeReceived)) {
            String id = id(item);
            String fingerprint = value(() -> MailProperties.value(item, MailProperties.FINGERPRINT, String.class));
            Date arrival = value(() -> MailProperties.value(item, MailProperties.DELIVERY_TIME, Date.class));
            long size = fingerprint != null && fingerprint.contains(":")
                    ? Long.parseLong(fingerprint.substring(fingerprint.lastIndexOf(':') + 1)) : value(item::getSize);
            Instant date = arrival != null ? arrival.toInstant() : value(() -> item.getDateTimeReceived().toInstant());
            found.put(id, new MessageInfo(id, size, date, value(() -> MailProperties.flagsOf(item)), null, fingerprint,
                    value(item::getSubject)));
        }
        return ids.stream().map(found::get).filter(m -> m != null).toList();
    }

    /**
     * The items of these ids with these properties (GetItem, {@value #BATCH} ids per request); an id Exchange no
     * longer has (deleted since) is left out, any other refusal fails the call.
     */
    private List<Item> get(List<String> ids, PropertyDefinitionBase... properties) throws ConnectorException {
        PropertySet set = new PropertySet(BasePropertySet.IdOnly, properties);
        List<Item> out = new ArrayList<>();
        try {
            ItemPaging.get(service, ids, set, BATCH, (items, missing) -> out.addAll(items));
            return out;
        } catch (Exception e) {
            throw EwsErrors.translate(e, "reading messages of " + name, login);
        }
    }

    @Override
    public long totalBytes() throws ConnectorException {
        List<String> all = list(null).stream().map(MessageInfo::id).toList();
        return details(all).stream().mapToLong(MessageInfo::size).sum();
    }

    @Override
    public void read(List<MessageInfo> messages, MessageReader reader) throws ConnectorException {
        throw new ConnectorException.AccountFailure("EWS is not a mail source yet: Exchange can only be a mail destination", null);
    }

    @Override
    public Optional<String> append(MessageBody body, Set<String> flags, Instant internalDate) throws ConnectorException {
        AppendResult r = appendAll(List.of(new Outgoing(body, flags, internalDate))).get(0);
        if (!r.ok()) {
            throw new ConnectorException.ItemFailure(r.refusal(), null);
        }
        return Optional.ofNullable(r.id());
    }

    @Override
    public List<AppendResult> appendAll(List<Outgoing> messages) throws ConnectorException {
        try {
            return creator.create(messages);
        } catch (Exception e) {
            throw EwsErrors.translate(e, "creating messages in " + name, login);
        }
    }

    @Override
    public void replaceFlags(Map<Set<String>, List<String>> idsByFlags) throws ConnectorException {
        if (idsByFlags.values().stream().allMatch(List::isEmpty)) {
            return;
        }
        List<Item> changed = new ArrayList<>();
        Map<String, Item> byId = new java.util.HashMap<>();
        for (Item item : get(idsByFlags.values().stream().flatMap(List::stream).distinct().toList())) {
            byId.put(id(item), item);
        }
        try {
            for (Map.Entry<Set<String>, List<String>> e : idsByFlags.entrySet()) {
                for (String id : e.getValue()) {
                    Item item = byId.get(id);
                    if (item == null) {
                        continue; // deleted on Exchange since: nothing to mark
                    }
                    MailProperties.writeFlags(item, e.getKey(), true);
                    if (item instanceof EmailMessage m) {
                        m.setIsRead(e.getKey().stream().anyMatch(f -> f.equalsIgnoreCase("\\Seen")));
                    }
                    changed.add(item);
                }
            }
            for (int i = 0; i < changed.size(); i += BATCH) {
                service.updateItems(changed.subList(i, Math.min(changed.size(), i + BATCH)), folder.getId(),
                        ConflictResolutionMode.AlwaysOverwrite, MessageDisposition.SaveOnly, null);
            }
        } catch (Exception e) {
            throw EwsErrors.translate(e, "updating flags in " + name, login);
        }
    }

    /** The mirror option: soft delete (the user can still recover them from "Recoverable Items"). */
    @Override
    public void expunge(List<String> ids) throws ConnectorException {
        if (ids.isEmpty()) {
            return;
        }
        List<ItemId> itemIds = new ArrayList<>();
        try {
            for (String id : ids) {
                itemIds.add(new ItemId(id));
            }
            for (int i = 0; i < itemIds.size(); i += BATCH) {
                service.deleteItems(itemIds.subList(i, Math.min(itemIds.size(), i + BATCH)), DeleteMode.SoftDelete, null,
                        null);
            }
        } catch (Exception e) {
            throw EwsErrors.translate(e, "deleting messages in " + name, login);
        }
    }

    /** The folder's items created at or after {@code since} (all when null), a page of 500 per request. */
    private List<Item> find(String since, PropertyDefinitionBase... extra) throws ConnectorException {
        PropertySet set = new PropertySet(BasePropertySet.IdOnly, extra);
        try {
            SearchFilter filter = since == null ? null
                    : new SearchFilter.IsGreaterThanOrEqualTo(ItemSchema.DateTimeCreated, Date.from(Instant.parse(since)));
            return ItemPaging.find(service, folder.getId(), filter, set, PAGE);
        } catch (Exception e) {
            throw EwsErrors.translate(e, "listing " + name, login);
        }
    }

    private String id(Item item) throws ConnectorException {
        return value(() -> item.getId().getUniqueId());
    }

    private <T> T value(MailCreator.Read<T> read) throws ConnectorException {
        try {
            return read.get();
        } catch (Exception e) {
            throw EwsErrors.translate(e, "reading a message of " + name, login);
        }
    }

    @Override
    public void close() {
        // the session owns the connection
    }
}
