package org.mailmigrator.connector.ews.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.core.model.ItemKind;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.core.service.schema.FolderSchema;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.search.FindFoldersResults;
import microsoft.exchange.webservices.data.search.FolderView;
import microsoft.exchange.webservices.data.search.filter.SearchFilter;

/** The folder of each kind: the account's default one, or a named sub-folder of it (created when missing). */
final class EwsFolders {
    private final ExchangeService service;
    private final EwsSettings settings;
    private final Map<ItemKind, FolderId> cache = new EnumMap<>(ItemKind.class);

    EwsFolders(ExchangeService service, EwsSettings settings) {
        this.service = service;
        this.settings = settings;
    }

    synchronized FolderId of(ItemKind kind) throws Exception {
        FolderId known = cache.get(kind);
        if (known != null) {
            return known;
        }
        WellKnownFolderName parent = switch (kind) {
            case CONTACTS -> WellKnownFolderName.Contacts;
            case TASKS -> WellKnownFolderName.Tasks;
            default -> WellKnownFolderName.Calendar;
        };
        Optional<String> sub = switch (kind) {
            case CONTACTS -> settings.contactsFolder();
            case TASKS -> settings.tasksFolder();
            default -> settings.calendarFolder();
        };
        FolderId id = sub.isEmpty() ? settings.mailboxes().folder(parent) : child(parent, sub.get(), kind);
        cache.put(kind, id);
        return id;
    }

    private FolderId child(WellKnownFolderName parent, String name, ItemKind kind) throws Exception {
        FindFoldersResults found = service.findFolders(settings.mailboxes().folder(parent), new SearchFilter.IsEqualTo(FolderSchema.DisplayName, name),
                new FolderView(2));
        if (!found.getFolders().isEmpty()) {
            return found.getFolders().get(0).getId();
        }
        Folder folder = new Folder(service);
        folder.setDisplayName(name);
        folder.setFolderClass(switch (kind) {
            case CONTACTS -> "IPF.Contact";
            case TASKS -> "IPF.Task";
            default -> "IPF.Appointment";
        });
        folder.save(settings.mailboxes().folder(parent));
        return folder.getId();
    }
}
