package org.mailmigrator.connector.ews.internal;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mailmigrator.core.mail.Fetched;
import org.mailmigrator.core.mail.Fingerprint;
import org.mailmigrator.core.mail.FolderStatus;
import org.mailmigrator.core.mail.MessageBody;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.mail.MessageReader;
import org.mailmigrator.core.mail.ReadOnlyMailbox;
import org.mailmigrator.core.mail.Unread;
import org.mailmigrator.core.spi.ConnectorException;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.core.service.schema.EmailMessageSchema;
import microsoft.exchange.webservices.data.core.service.schema.ItemSchema;
import microsoft.exchange.webservices.data.property.complex.MimeContent;
import microsoft.exchange.webservices.data.property.definition.PropertyDefinitionBase;

/**
 * One Exchange mail folder read as a mail source (docs/ews-source.md). Ids are Exchange ItemIds, the epoch is the
 * FolderId. Listing is FindItem with an IndexedPageItemView (Exchange's paging offsets followed); the exact MIME comes
 * from GetItem with IncludeMimeContent, in requests of at most {@value #BATCH} messages and about
 * {@value #BATCH_BYTES} bytes. The details (size, fingerprint of the header section) are computed from the MIME too,
 * because Exchange's {@code Size} is that of its own storage, not of the message: a new message is therefore
 * downloaded twice, once for its details and once to copy it. Flags come from what Exchange and Outlook show
 * ({@link MailProperties#exchangeFlags}), the arrival date from DateTimeReceived. The folder has no position; its
 * change token is a SyncFolderItems state ({@link EwsMailStore#status(String, String)}, {@link ItemSync}): a later
 * run lists only what was created or changed since.
 */
final class EwsSourceMailbox extends ReadOnlyMailbox {
    private static final int PAGE = 500;
    private static final int BATCH = 20;
    private static final long BATCH_BYTES = 8L << 20;
    private static final PropertyDefinitionBase[] FLAGS = { EmailMessageSchema.IsRead, ItemSchema.Categories,
            MailProperties.FLAG_STATUS, MailProperties.LAST_VERB, MailProperties.MESSAGE_FLAGS };
    private final ExchangeService service;
    private final Folder folder;
    private final String name;
    private final String login;
    private final String token;
    /** The store's SyncFolderItems answer for this folder in this run (null: none yet). */
    private final ItemSync.Answer synced;

    private final SyncGate gate;

    EwsSourceMailbox(ExchangeService service, SyncGate gate, Folder folder, String name, String login, ItemSync.Answer synced) {
        super("an Exchange mailbox opened as a source is only read");
        this.gate = gate;
        this.synced = synced;
        this.token = synced == null ? null : synced.token();
        this.service = service;
        this.folder = folder;
        this.name = name;
        this.login = login;
    }

    static FolderStatus status(Folder f, String token) throws Exception {
        return new FolderStatus(f.getId().getUniqueId(), null, f.getTotalCount(), token);
    }

    @Override
    public FolderStatus status() {
        try {
            return status(folder, token);
        } catch (Exception e) {
            throw new IllegalStateException("the folder was bound with its TotalCount", e);
        }
    }

    /**
     * All messages (FindItem, paged), or with a SyncFolderItems state those created or changed since it (their flags
     * then read with GetItem, 100 ids per request).
     */
    @Override
    public List<MessageInfo> list(String changedSince) throws ConnectorException {
        try {
            List<MessageInfo> out = new ArrayList<>();
            List<Item> items = new ArrayList<>();
            List<String> changed = changedSince == null ? null : changedSince(changedSince);
            if (changed == null) {
                items.addAll(ItemPaging.find(service, folder.getId(), null, set(FLAGS), PAGE));
            } else {
                ItemPaging.get(service, changed, set(FLAGS), 100, (found, missing) -> items.addAll(found));
            }
            for (Item item : items) {
                out.add(new MessageInfo(item.getId().getUniqueId(), -1, null, MailProperties.exchangeFlags(item), null,
                        null, null));
            }
            return out;
        } catch (Exception e) {
            throw EwsErrors.translate(e, "listing " + name, login);
        }
    }

    /**
     * The ids changed since a state (the store's answer when it asked for that state in this run); null when Exchange no
     * longer accepts it (then the folder is listed whole).
     */
    private List<String> changedSince(String state) throws Exception {
        if (synced != null && state.equals(synced.known())) {
            return synced.changed();
        }
        try {
            return ItemSync.since(gate, service, folder.getId(), state).changed();
        } catch (ServiceResponseException e) {
            if (e.getErrorCode() == ServiceError.ErrorInvalidSyncStateData) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public List<MessageInfo> listSince(String position) throws ConnectorException {
        return list(null);
    }

    /** Size and fingerprint from the MIME content (GetItem), with flags, subject and DateTimeReceived. */
    @Override
    public List<MessageInfo> details(List<String> ids) throws ConnectorException {
        Map<String, MessageInfo> found = new HashMap<>();
        try {
            ItemPaging.get(service, ids, withMime(ItemSchema.Subject, ItemSchema.DateTimeReceived), BATCH, (items, missing) -> {
                for (Item item : items) {
                    MessageInfo info = info(item);
                    found.put(info.id(), info);
                }
            });
        } catch (Exception e) {
            throw EwsErrors.translate(e, "reading messages of " + name, login);
        }
        return ids.stream().map(found::get).filter(m -> m != null).toList();
    }

    private static MessageInfo info(Item item) throws Exception {
        byte[] mime = mime(item);
        String fingerprint = mime == null ? null : Fingerprint.of(mime, 0, MailCreator.headerLength(mime), mime.length);
        Date received = item.getDateTimeReceived();
        return new MessageInfo(item.getId().getUniqueId(), mime == null ? 0 : mime.length,
                received == null ? null : received.toInstant(), MailProperties.exchangeFlags(item), null, fingerprint,
                item.getSubject());
    }

    private static byte[] mime(Item item) throws Exception {
        MimeContent content = item.getMimeContent();
        return content == null ? null : content.getContent();
    }

    @Override
    public long totalBytes() throws ConnectorException {
        return details(list(null).stream().map(MessageInfo::id).toList()).stream().mapToLong(MessageInfo::size).sum();
    }

    /** GetItem with the MIME content, a group of messages per request, handed to the reader as each answer comes. */
    @Override
    public void read(List<MessageInfo> messages, MessageReader reader) throws ConnectorException {
        int from = 0;
        while (from < messages.size()) {
            int to = from;
            long bytes = 0;
            while (to < messages.size() && to - from < BATCH && (to == from || bytes + messages.get(to).size() <= BATCH_BYTES)) {
                bytes += Math.max(0, messages.get(to).size());
                to++;
            }
            readGroup(messages.subList(from, to), reader);
            from = to;
        }
    }

    private void readGroup(List<MessageInfo> group, MessageReader reader) throws ConnectorException {
        Map<String, MessageInfo> byId = new HashMap<>();
        group.forEach(m -> byId.put(m.id(), m));
        List<Fetched> fetched = new ArrayList<>();
        List<Unread> unread = new ArrayList<>();
        try {
            ItemPaging.get(service, group.stream().map(MessageInfo::id).toList(), withMime(), group.size(), (items, missing) -> {
                for (Item item : items) {
                    MessageInfo info = byId.get(item.getId().getUniqueId());
                    byte[] mime = mime(item);
                    if (info == null) {
                        continue;
                    }
                    if (mime == null) {
                        unread.add(Unread.notFetched(info, "Exchange returned no MIME content for this item"));
                    } else {
                        fetched.add(new Fetched(info, MessageBody.of(mime)));
                    }
                }
                missing.forEach(id -> unread.add(Unread.expunged(byId.get(id))));
            });
        } catch (Exception e) {
            throw EwsErrors.translate(e, "reading messages of " + name, login);
        }
        if (!fetched.isEmpty()) {
            reader.accept(fetched);
        }
        for (Unread u : unread) {
            reader.unread(u);
        }
    }

    private static PropertySet set(PropertyDefinitionBase... properties) {
        return new PropertySet(BasePropertySet.IdOnly, properties);
    }

    private static PropertySet withMime(PropertyDefinitionBase... extra) {
        List<PropertyDefinitionBase> all = new ArrayList<>(List.of(ItemSchema.MimeContent));
        all.addAll(List.of(FLAGS));
        all.addAll(List.of(extra));
        return new PropertySet(BasePropertySet.IdOnly, all.iterator());
    }
}
