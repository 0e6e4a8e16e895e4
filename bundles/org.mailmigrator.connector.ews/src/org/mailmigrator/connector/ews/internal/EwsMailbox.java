package org.mailmigrator.connector.ews.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
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
 * One Exchange mail folder seen through the engine's IMAP-shaped SPI. UIDs are the connector's own numbers
 * ({@link MailProperties#UID}); UIDVALIDITY is derived from the folder's id, so a folder deleted and created
 * again makes the engine rebuild its map from fingerprints. Listing and flag updates are batched.
 */
final class EwsMailbox implements Mailbox {
    private static final int PAGE = 500;
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
        this.status = status(folder);
        this.creator = new MailCreator(service, folder, status.uidNext());
    }

    static FolderStatus status(Folder f) throws Exception {
        Integer next = null;
        for (var p : f.getExtendedPropertiesForService()) {
            if (p.getPropertyDefinition().equals(MailProperties.UID_NEXT) && p.getValue() instanceof Integer i) {
                next = i;
            }
        }
        long validity = Math.floorMod(f.getId().getUniqueId().hashCode(), 2_000_000_000) + 1L;
        return new FolderStatus(validity, next == null ? 1 : next, f.getTotalCount(), 0);
    }

    @Override
    public FolderStatus status() {
        return status;
    }

    @Override
    public long uidNext() {
        return creator.next();
    }

    @Override
    public List<MessageInfo> list(long fromUid, long changedSince) throws ConnectorException {
        List<MessageInfo> out = new ArrayList<>();
        for (Item item : find(fromUid, MailProperties.IMAP_FLAGS)) {
            out.add(new MessageInfo(uid(item), -1, null, value(() -> MailProperties.flagsOf(item)), 0, null, null));
        }
        return out;
    }

    @Override
    public List<MessageInfo> details(List<Long> uids) throws ConnectorException {
        if (uids.isEmpty()) {
            return List.of();
        }
        Set<Long> wanted = new HashSet<>(uids);
        List<MessageInfo> out = new ArrayList<>();
        for (Item item : find(uids.stream().mapToLong(Long::longValue).min().orElse(1), MailProperties.IMAP_FLAGS,
                MailProperties.FINGERPRINT, MailProperties.DELIVERY_TIME, ItemSchema.Subject, ItemSchema.Size,
                ItemSchema.DateTimeReceived)) {
            long uid = uid(item);
            if (!wanted.contains(uid)) {
                continue;
            }
            String fingerprint = value(() -> MailProperties.value(item, MailProperties.FINGERPRINT, String.class));
            Date arrival = value(() -> MailProperties.value(item, MailProperties.DELIVERY_TIME, Date.class));
            long size = fingerprint != null && fingerprint.contains(":")
                    ? Long.parseLong(fingerprint.substring(fingerprint.lastIndexOf(':') + 1)) : value(item::getSize);
            Instant date = arrival != null ? arrival.toInstant() : value(() -> item.getDateTimeReceived().toInstant());
            out.add(new MessageInfo(uid, size, date, value(() -> MailProperties.flagsOf(item)), 0, fingerprint, value(item::getSubject)));
        }
        return out;
    }

    @Override
    public long totalBytes() throws ConnectorException {
        List<Long> all = list(1, 0).stream().map(MessageInfo::uid).toList();
        return details(all).stream().mapToLong(MessageInfo::size).sum();
    }

    @Override
    public void read(List<MessageInfo> messages, MessageReader reader) throws ConnectorException {
        throw new ConnectorException.AccountFailure("EWS is not a mail source yet: Exchange can only be a mail destination", null);
    }

    @Override
    public OptionalLong append(MessageBody body, Set<String> flags, Instant internalDate) throws ConnectorException {
        AppendResult r = appendAll(List.of(new Outgoing(body, flags, internalDate))).get(0);
        if (!r.ok()) {
            throw new ConnectorException.ItemFailure(r.refusal(), null);
        }
        return OptionalLong.of(r.uid());
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
    public void replaceFlags(Map<Set<String>, List<Long>> uidsByFlags) throws ConnectorException {
        long from = uidsByFlags.values().stream().flatMap(List::stream).mapToLong(Long::longValue).min().orElse(0);
        if (from == 0) {
            return;
        }
        List<Item> changed = new ArrayList<>();
        Map<Long, Item> byUid = new java.util.HashMap<>();
        for (Item item : find(from)) {
            byUid.put(uid(item), item);
        }
        try {
            for (Map.Entry<Set<String>, List<Long>> e : uidsByFlags.entrySet()) {
                for (long uid : e.getValue()) {
                    Item item = byUid.get(uid);
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
            for (int i = 0; i < changed.size(); i += 100) {
                service.updateItems(changed.subList(i, Math.min(changed.size(), i + 100)), folder.getId(),
                        ConflictResolutionMode.AlwaysOverwrite, MessageDisposition.SaveOnly, null);
            }
        } catch (Exception e) {
            throw EwsErrors.translate(e, "updating flags in " + name, login);
        }
    }

    /** The mirror option: soft delete (the user can still recover them from "Recoverable Items"). */
    @Override
    public void expunge(List<Long> uids) throws ConnectorException {
        if (uids.isEmpty()) {
            return;
        }
        Set<Long> gone = new HashSet<>(uids);
        List<ItemId> ids = new ArrayList<>();
        for (Item item : find(uids.stream().mapToLong(Long::longValue).min().orElse(1))) {
            if (gone.contains(uid(item))) {
                ids.add(value(item::getId));
            }
        }
        try {
            for (int i = 0; i < ids.size(); i += 100) {
                service.deleteItems(ids.subList(i, Math.min(ids.size(), i + 100)), DeleteMode.SoftDelete, null, null);
            }
        } catch (Exception e) {
            throw EwsErrors.translate(e, "deleting messages in " + name, login);
        }
    }

    /** Our messages numbered {@code fromUid} or higher, a page of 500 per request. */
    private List<Item> find(long fromUid, PropertyDefinitionBase... extra) throws ConnectorException {
        List<PropertyDefinitionBase> props = new ArrayList<>(List.of(extra));
        props.add(MailProperties.UID);
        PropertySet set = new PropertySet(BasePropertySet.IdOnly, props.iterator());
        List<Item> out = new ArrayList<>();
        try {
            SearchFilter filter = new SearchFilter.IsGreaterThanOrEqualTo(MailProperties.UID, (int) Math.max(1, fromUid));
            for (int offset = 0;;) {
                ItemView view = new ItemView(PAGE, offset);
                view.setPropertySet(set);
                FindItemsResults<Item> page = service.findItems(folder.getId(), filter, view);
                out.addAll(page.getItems());
                if (!page.isMoreAvailable() || page.getItems().isEmpty()) {
                    return out;
                }
                offset = page.getNextPageOffset() == null ? offset + page.getItems().size() : page.getNextPageOffset();
            }
        } catch (Exception e) {
            throw EwsErrors.translate(e, "listing " + name, login);
        }
    }

    private long uid(Item item) throws ConnectorException {
        Integer uid = value(() -> MailProperties.value(item, MailProperties.UID, Integer.class));
        return uid == null ? 0 : uid;
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
