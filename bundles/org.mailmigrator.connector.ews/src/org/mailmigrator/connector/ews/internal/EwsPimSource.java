package org.mailmigrator.connector.ews.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mailmigrator.connector.ical.IcsText;
import org.mailmigrator.connector.vcard.VcfText;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.pim.PimEntry;
import org.mailmigrator.core.pim.PimItem;
import org.mailmigrator.core.pim.PimOutcome;
import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.pim.PimText;
import org.mailmigrator.core.spi.ConnectorException;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.core.service.item.Contact;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.core.service.item.Task;
import microsoft.exchange.webservices.data.property.complex.FolderId;

/**
 * Exchange as a calendar, task and contact source (docs/ews-source.md): every folder of {@link SourceFolders}, its
 * changes since the SyncFolderItems state of the last run ({@link ItemSync}; the whole folder the first time), the
 * items read with GetItem {@value #BATCH} at a time and each handed over as the .ics / .vcf readers read a file's
 * item ({@link EventText}, {@link TaskText}, {@link ContactText}). An item that cannot be converted is a malformed
 * entry naming its folder and subject; the others go on. ErrorServerBusy is waited out ({@link Calls}).
 */
final class EwsPimSource implements PimReader {
    static final int BATCH = 25;

    private final ExchangeService service;
    private final EwsSettings settings;
    private final SyncMemory memory;

    private final SyncGate gate;

    EwsPimSource(ExchangeService service, EwsSettings settings, SyncMemory memory, SyncGate gate) {
        this.gate = gate;
        this.service = service;
        this.settings = settings;
        this.memory = memory;
    }

    @Override
    public void read(Sink sink) throws ConnectorException {
        List<SourceFolders.Source> folders = Calls.run(() -> SourceFolders.of(service, settings.read(), settings.mailboxes()),
                "listing the calendar, task and contact folders", settings.login());
        for (SourceFolders.Source f : folders) {
            if (!folder(f, sink)) {
                return; // the sink asked to stop: no state moves on
            }
        }
    }

    private boolean folder(SourceFolders.Source f, Sink sink) throws ConnectorException {
        String what = "reading the folder " + f.collection();
        ItemSync.Changes changes = Calls.run(() -> changes(f), what, settings.login());
        Set<String> ids = new LinkedHashSet<>(memory.unconfirmed(f.id()));
        ids.addAll(changes.changed());
        List<String> todo = List.copyOf(ids);
        memory.reading(f.id(), todo);
        PropertySet set = Calls.run(() -> switch (f.kind()) {
            case CALENDAR -> EventText.properties(true);
            case CONTACTS -> ContactText.properties();
            default -> TaskText.properties();
        }, what, settings.login());
        for (int i = 0; i < todo.size(); i += BATCH) {
            List<String> part = todo.subList(i, Math.min(todo.size(), i + BATCH));
            List<Item> items = new ArrayList<>();
            Calls.run(() -> {
                items.clear();
                ItemPaging.get(service, part, set, BATCH, (got, missing) -> {
                    items.addAll(got);
                    missing.forEach(memory::gone); // deleted since it was listed: nothing to copy
                });
                return null;
            }, what, settings.login());
            Map<String, Appointment> occurrences = f.kind() == ItemKind.CALENDAR ? occurrences(items, what) : Map.of();
            for (Item item : items) {
                if (!item(f, item, occurrences, sink)) {
                    return false;
                }
            }
        }
        memory.folderRead(f.id(), changes.state());
        return true;
    }

    /** The changes since the stored state; a state Exchange no longer accepts reads the folder from the beginning. */
    private ItemSync.Changes changes(SourceFolders.Source f) throws Exception {
        String state = memory.state(f.id());
        try {
            return ItemSync.since(gate, service, new FolderId(f.id()), state);
        } catch (ServiceResponseException e) {
            if (e.getErrorCode() != ServiceError.ErrorInvalidSyncStateData || state == null) {
                throw e;
            }
            memory.forget(f.id());
            return ItemSync.since(gate, service, new FolderId(f.id()), null);
        }
    }

    /** The modified occurrences of the series among {@code items}, read with GetItem, by ItemId. */
    private Map<String, Appointment> occurrences(List<Item> items, String what) throws ConnectorException {
        List<String> ids = new ArrayList<>();
        for (Item i : items) {
            try {
                ids.addAll(EventText.modifiedIds((Appointment) i));
            } catch (Exception e) {
                // a series whose occurrences cannot be listed fails alone, when it is converted
            }
        }
        Map<String, Appointment> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        Calls.run(() -> {
            ItemPaging.get(service, ids, EventText.properties(false), BATCH, (got, missing) -> got.forEach(o -> {
                try {
                    out.put(o.getId().getUniqueId(), (Appointment) o);
                } catch (Exception e) {
                    // an occurrence without id cannot be matched: the series says so
                }
            }));
            return null;
        }, what + " (modified occurrences)", settings.login());
        return out;
    }

    private boolean item(SourceFolders.Source f, Item item, Map<String, Appointment> occurrences, Sink sink) {
        String origin = SourceItems.origin(f.collection(), item);
        String id;
        try {
            id = item.getId().getUniqueId();
        } catch (Exception e) {
            return sink.accept(new PimEntry.Malformed(origin, "Exchange gave the item without its id: " + PimText.reason(e)));
        }
        List<String> notes = new ArrayList<>();
        Sink noted = e -> {
            if (e instanceof PimEntry.Item i) {
                PimEntry.Item kept = notes.isEmpty() ? i : new PimEntry.Item(i.item().inCollection(i.item().collection(), notes));
                memory.given(kept.item().key(), id);
                return sink.accept(kept);
            }
            return sink.accept(e);
        };
        try {
            boolean go = switch (item) {
                case Appointment a -> IcsText.read(origin, EventText.of(a, occurrences, notes), f.collection(), noted);
                case Task t -> IcsText.read(origin, TaskText.of(t), f.collection(), noted);
                case Contact c -> VcfText.read(origin, ContactText.of(c, settings.login()), f.collection(), noted);
                default -> sink.accept(new PimEntry.Malformed(origin, "a " + item.getClass().getSimpleName()
                        + " in " + f.collection() + " is not an event, task or contact: not copied"));
            };
            if (!go) {
                return false;
            }
        } catch (Exception e) {
            // one item's conversion (or its photo's download) costs that item only; it is read again next run
            return sink.accept(new PimEntry.Malformed(origin, "cannot be read: " + PimText.reason(e)));
        }
        return true;
    }

    @Override
    public void outcome(PimOutcome outcome) {
        // created, updated or found unchanged: arrived; a failed item's id stays unconfirmed and is read again next run
        PimItem arrived = outcome instanceof PimOutcome.Created c ? c.item() : outcome instanceof PimOutcome.Updated u ? u.item()
                : outcome instanceof PimOutcome.Unchanged n ? n.item() : null;
        if (arrived != null) {
            memory.arrived(arrived.key());
        }
    }
}
