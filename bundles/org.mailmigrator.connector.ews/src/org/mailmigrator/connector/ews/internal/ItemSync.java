package org.mailmigrator.connector.ews.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.service.SyncFolderItemsScope;
import microsoft.exchange.webservices.data.core.enumeration.sync.ChangeType;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.sync.ChangeCollection;
import microsoft.exchange.webservices.data.sync.ItemChange;

/**
 * A mail folder's changes since a SyncFolderItems state (docs/ews-source.md): the ids of the items created or changed
 * (read state included) since then, without those deleted since, and the state that follows them. Ids only
 * ({@code IdOnly}), {@value #MAX} changes per request, until Exchange says it has no more.
 */
final class ItemSync {
    static final int MAX = 512;

    /** What changed since a state: the changed ids, whether anything at all changed (deletions too), the new state. */
    record Changes(List<String> changed, boolean any, String state) {
    }

    private ItemSync() {
    }

    /** The changes since {@code state}; null asks for the whole folder (every item is a creation). */
    static Changes since(ExchangeService service, FolderId folder, String state) throws Exception {
        Set<String> ids = new LinkedHashSet<>();
        boolean any = false;
        String at = state;
        for (;;) {
            ChangeCollection<ItemChange> page = service.syncFolderItems(folder, PropertySet.getIdOnly(), null, MAX,
                    SyncFolderItemsScope.NormalItems, at);
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
