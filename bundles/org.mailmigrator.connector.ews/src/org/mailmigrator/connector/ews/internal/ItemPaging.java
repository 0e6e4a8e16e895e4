package org.mailmigrator.connector.ews.internal;

import java.util.ArrayList;
import java.util.List;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.service.ServiceResult;
import microsoft.exchange.webservices.data.core.response.GetItemResponse;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.ItemId;
import microsoft.exchange.webservices.data.search.FindItemsResults;
import microsoft.exchange.webservices.data.search.ItemView;
import microsoft.exchange.webservices.data.search.filter.SearchFilter;

/**
 * The two ways the mail side reads items, shared by the destination and the source mailbox: a folder's items page by
 * page (FindItem with an IndexedPageItemView, following Exchange's IndexedPagingOffset: Exchange may answer fewer
 * items than asked, its throttling policy caps a page), and items by ItemId (GetItem, a batch of ids per request).
 */
final class ItemPaging {
    private ItemPaging() {
    }

    /** Every item of the folder matching {@code filter} (all when null), {@code page} per request asked. */
    static List<Item> find(ExchangeService service, FolderId folder, SearchFilter filter, PropertySet set, int page)
            throws Exception {
        List<Item> out = new ArrayList<>();
        for (int offset = 0;;) {
            ItemView view = new ItemView(page, offset);
            view.setPropertySet(set);
            FindItemsResults<Item> found = filter == null ? service.findItems(folder, view)
                    : service.findItems(folder, filter, view);
            out.addAll(found.getItems());
            if (!found.isMoreAvailable() || found.getItems().isEmpty()) {
                return out;
            }
            offset = found.getNextPageOffset() == null ? offset + found.getItems().size() : found.getNextPageOffset();
        }
    }

    /** A receiver of the items of one GetItem request. */
    interface Batch {
        void accept(List<Item> items, List<String> missing) throws Exception;
    }

    /**
     * The items of these ids with these properties, {@code batch} ids per GetItem; each request's answer is handed
     * over at once, with the ids Exchange no longer has (ErrorItemNotFound: deleted since). Any other refusal fails.
     */
    static void get(ExchangeService service, List<String> ids, PropertySet set, int batch, Batch receiver) throws Exception {
        for (int from = 0; from < ids.size(); from += batch) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + batch));
            List<ItemId> itemIds = new ArrayList<>();
            for (String id : part) {
                itemIds.add(new ItemId(id));
            }
            List<Item> items = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            int i = 0;
            for (GetItemResponse r : service.bindToItems(itemIds, set)) {
                if (r.getResult() != ServiceResult.Error) {
                    items.add(r.getItem());
                } else if (r.getErrorCode() == ServiceError.ErrorItemNotFound) {
                    missing.add(part.get(i));
                } else {
                    r.throwIfNecessary();
                }
                i++;
            }
            receiver.accept(items, missing);
        }
    }
}
