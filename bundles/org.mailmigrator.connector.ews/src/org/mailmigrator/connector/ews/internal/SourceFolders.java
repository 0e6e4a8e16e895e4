package org.mailmigrator.connector.ews.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mailmigrator.core.model.ItemKind;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.search.FolderTraversal;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.core.service.schema.FolderSchema;
import microsoft.exchange.webservices.data.search.FindFoldersResults;
import microsoft.exchange.webservices.data.search.FolderView;

/**
 * The folders a calendar/contacts source reads: the default Calendar, Tasks and Contacts folders (as {@code read}
 * asks) and every folder below them (one deep FindFolder each, paged), each a collection named by its path: the
 * folder's display name, a sub-folder's "Calendar/Work".
 */
final class SourceFolders {
    /** One folder to read: its id, the collection its items go to, the kind of its items. */
    record Source(String id, String collection, ItemKind kind) {
    }

    private SourceFolders() {
    }

    static List<Source> of(ExchangeService service, String read, Mailboxes mailboxes) throws Exception {
        List<Source> out = new ArrayList<>();
        if (!read.equals("contacts")) {
            tree(service, mailboxes, WellKnownFolderName.Calendar, ItemKind.CALENDAR, out);
            tree(service, mailboxes, WellKnownFolderName.Tasks, ItemKind.TASKS, out);
        }
        if (!read.equals("calendars")) {
            tree(service, mailboxes, WellKnownFolderName.Contacts, ItemKind.CONTACTS, out);
        }
        return out;
    }

    private static void tree(ExchangeService service, Mailboxes mailboxes, WellKnownFolderName root, ItemKind kind, List<Source> out) throws Exception {
        PropertySet named = new PropertySet(BasePropertySet.IdOnly, FolderSchema.DisplayName, FolderSchema.ParentFolderId);
        Folder top = Folder.bind(service, mailboxes.folder(root), named);
        String rootId = top.getId().getUniqueId();
        String rootName = top.getDisplayName() == null || top.getDisplayName().isBlank() ? root.name() : top.getDisplayName();
        out.add(new Source(rootId, rootName, kind));
        Map<String, String> names = new HashMap<>();
        Map<String, String> parents = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (int offset = 0;;) {
            FolderView view = new FolderView(100, offset);
            view.setTraversal(FolderTraversal.Deep);
            view.setPropertySet(named);
            FindFoldersResults found = service.findFolders(top.getId(), view);
            for (Folder f : found.getFolders()) {
                String id = f.getId().getUniqueId();
                names.put(id, f.getDisplayName());
                parents.put(id, f.getParentFolderId() == null ? rootId : f.getParentFolderId().getUniqueId());
                order.add(id);
            }
            if (!found.isMoreAvailable() || found.getFolders().isEmpty()) {
                break;
            }
            offset = found.getNextPageOffset() == null ? offset + found.getFolders().size() : found.getNextPageOffset();
        }
        for (String id : order) {
            StringBuilder path = new StringBuilder(names.get(id));
            for (String p = parents.get(id); p != null && !p.equals(rootId) && names.containsKey(p); p = parents.get(p)) {
                path.insert(0, names.get(p) + "/");
            }
            out.add(new Source(id, rootName + "/" + path, kind));
        }
    }
}
