package org.mailmigrator.connector.ews.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import microsoft.exchange.webservices.data.core.enumeration.service.SyncFolderItemsScope;
import microsoft.exchange.webservices.data.core.enumeration.sync.ChangeType;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.sync.ChangeCollection;
import microsoft.exchange.webservices.data.sync.ItemChange;

/**
 * A mail folder's changes since a SyncFolderItems state (docs/ews-source.md): the ids of the items created or changed
 * (read state included) since then, without those deleted since, and the state that follows them. Ids only
 * ({@code IdOnly}), {@value #MAX} changes per request, until Exchange says it has no more; each request through the
 * mailbox's {@link SyncGate} (at most {@code maxSyncCalls} at once, throttling refusals waited out).
 */
final class ItemSync {
    static final int MAX = 512;

    /** What changed since a state: the changed ids, whether anything at all changed (deletions too), the new state. */
    record Changes(List<String> changed, boolean any, String state) {
    }

    /**
     * A folder's answer to the state the engine kept ({@code known}, null: none): the ids created or changed since it
     * ({@code changed} null when Exchange refused the state: the folder is then listed whole), and the change token to
     * report (the known one when nothing changed, else the new state).
     */
    record Answer(String known, List<String> changed, String token) {
    }

    private ItemSync() {
    }

    /**
     * Syncs forward from {@code known}; a state Exchange no longer accepts ({@code ErrorInvalidSyncStateData}) syncs from
     * the beginning for the new state, and leaves the listing to a whole FindItem.
     */
    static Answer answer(SyncGate gate, ExchangeService service, FolderId folder, String known) throws Exception {
        try {
            Changes changes = since(gate, service, folder, known);
            return new Answer(known, changes.changed(), known != null && !changes.any() ? known : changes.state());
        } catch (ServiceResponseException e) {
            if (e.getErrorCode() != ServiceError.ErrorInvalidSyncStateData || known == null) {
                throw e;
            }
            return new Answer(known, null, since(gate, service, folder, null).state());
        }
    }

    /** The changes since {@code state}; null asks for the whole folder (every item is a creation). */
    static Changes since(SyncGate gate, ExchangeService service, FolderId folder, String state) throws Exception {
        Set<String> ids = new LinkedHashSet<>();
        boolean any = false;
        String at = state;
        for (;;) {
            String from = at;
            ChangeCollection<ItemChange> page = gate.run(() -> service.syncFolderItems(folder, PropertySet.getIdOnly(),
                    null, MAX, SyncFolderItemsScope.NormalItems, from));
            for (ItemChange c : page) {
                any = true;
                String id = c.getItemId().getUniqueId();
                if (c.getChangeType() == ChangeType.Delete) {
                    ids.remove(id);
                } else {
                    ids.add(id);
                }
            }
            at = page.getSyncState();
            if (!page.getMoreChangesAvailable() || page.getCount() == 0) {
                return new Changes(List.copyOf(ids), any, at);
            }
        }
    }
}
