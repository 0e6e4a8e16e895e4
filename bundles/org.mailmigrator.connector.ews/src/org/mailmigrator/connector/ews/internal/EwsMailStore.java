package org.mailmigrator.connector.ews.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.core.mail.FolderStatus;
import org.mailmigrator.core.mail.MailFolder;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.Namespace;
import org.mailmigrator.core.spi.ConnectorException;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.core.service.schema.FolderSchema;
import microsoft.exchange.webservices.data.property.complex.FolderId;

/**
 * An Exchange mailbox for the engine: as a destination (docs/ews-mail.md) folders mirrored under msgfolderroot and
 * messages created from their MIME bytes ({@link EwsMailbox}); as a source (docs/ews-source.md) the same folder tree
 * read through {@link EwsSourceMailbox}.
 */
final class EwsMailStore implements MailStore {
    private final ExchangeService service;
    private final String login;
    private final MailFolderTree tree;
    private final boolean source;
    /**
     * As a source: each folder's last SyncFolderItems answer ({@link #status(String, String)}), kept so that the folder
     * worker that follows the engine's quick check neither asks it again nor lists the changes a second time.
     */
    private final Map<String, ItemSync.Answer> synced = new java.util.concurrent.ConcurrentHashMap<>();

    /** As a source, what the sessions of this connector instance share for the mailbox (null as a destination). */
    private final PerMailbox.Shared shared;

    EwsMailStore(ExchangeService service, String login, boolean source, Mailboxes mailboxes, Optional<String> archive,
            PerMailbox.Shared shared, String scope) {
        this.service = service;
        this.login = login;
        this.source = source;
        this.shared = source ? shared : null;
        this.tree = new MailFolderTree(service, mailboxes, archive, this.shared, scope);
    }

    @Override
    public Namespace personalNamespace() {
        return new Namespace("", MailFolderTree.SEPARATOR);
    }

    @Override
    public List<MailFolder> folders() throws ConnectorException {
        return call("listing the folders", tree::folders);
    }

    /**
     * As a source, the folder tree brought up to date from the hierarchy token the engine kept after the last pass
     * (docs/ews-source.md, "Folder tree"): one SyncFolderHierarchy when nothing changed, no FindFolder.
     */
    @Override
    public List<MailFolder> folders(String knownHierarchyToken) throws ConnectorException {
        if (!source) {
            return folders();
        }
        return call("listing the folders", () -> tree.folders(knownHierarchyToken));
    }

    @Override
    public String hierarchyToken() {
        return source ? tree.token() : null;
    }

    @Override
    public Optional<FolderStatus> status(String folder) throws ConnectorException {
        return call("status of " + folder, () -> {
            Optional<MailFolderTree.Node> node = tree.find(folder);
            if (node.isEmpty() || !node.get().mail()) {
                return Optional.empty();
            }
            Folder f = bind(node.get().id());
            return Optional.of(source ? EwsSourceMailbox.status(f, null) : EwsMailbox.status(service, f));
        });
    }

    /**
     * As a source, the folder's change token is its SyncFolderItems state (docs/ews-source.md): synced forward from the
     * one the engine kept (from the beginning when none, or when Exchange no longer accepts it), and the same token
     * again when nothing changed. The mailbox {@link #open}ed next carries it with the changes, so that a changed folder
     * costs one SyncFolderItems in a run: the quick check's, reused by its folder worker.
     */
    @Override
    public Optional<FolderStatus> status(String folder, String knownChangeToken) throws ConnectorException {
        if (!source) {
            return status(folder);
        }
        return call("status of " + folder, () -> {
            Optional<MailFolderTree.Node> node = tree.find(folder);
            if (node.isEmpty() || !node.get().mail()) {
                return Optional.empty();
            }
            Folder f = bind(node.get().id());
            ItemSync.Answer answer = synced.get(folder);
            if (answer == null || !java.util.Objects.equals(answer.known(), knownChangeToken)) {
                answer = ItemSync.answer(shared.gate, service, f.getId(), knownChangeToken);
                synced.put(folder, answer);
            }
            return Optional.of(EwsSourceMailbox.status(f, answer.token()));
        });
    }

    /**
     * The engine's quick check: each folder synced forward from the token it kept ({@link #status(String, String)}), so
     * that an unchanged folder answers its known token and is skipped without being opened.
     */
    @Override
    public Map<String, Optional<FolderStatus>> statuses(List<String> folders, Map<String, String> knownChangeTokens)
            throws ConnectorException {
        Map<String, Optional<FolderStatus>> out = new LinkedHashMap<>();
        for (String f : folders) {
            out.put(f, status(f, knownChangeTokens.get(f)));
        }
        return out;
    }

    @Override
    public void create(String folder, boolean holdsMessages) throws ConnectorException {
        call("creating folder " + folder, () -> {
            FolderId parent = tree.root();
            StringBuilder path = new StringBuilder();
            for (String part : folder.split(String.valueOf(MailFolderTree.SEPARATOR))) {
                path.append(path.isEmpty() ? "" : MailFolderTree.SEPARATOR).append(part);
                Optional<MailFolderTree.Node> known = tree.find(path.toString());
                parent = known.isPresent() ? known.get().id() : createChild(parent, part, path.toString());
            }
            return null;
        });
    }

    private FolderId createChild(FolderId parent, String name, String path) throws Exception {
        Folder f = new Folder(service);
        f.setDisplayName(name);
        f.setFolderClass("IPF.Note");
        try {
            f.save(parent);
        } catch (ServiceResponseException e) {
            if (e.getErrorCode() != ServiceError.ErrorFolderExists) {
                throw e;
            }
            // created by another worker since the listing: use it
            return tree.find(path).orElseThrow(() -> e).id();
        }
        tree.added(path, f.getId());
        return f.getId();
    }

    /** Exchange has no subscriptions: every folder is visible in Outlook. */
    @Override
    public void subscribe(String folder) {
    }

    @Override
    public Mailbox open(String folder, boolean write) throws ConnectorException {
        return call("opening " + folder, () -> {
            MailFolderTree.Node node = tree.find(folder).filter(MailFolderTree.Node::mail).orElseThrow(() ->
                    new ConnectorException.ItemFailure("Exchange folder '" + folder + "' does not exist or holds no mail", null));
            return source ? new EwsSourceMailbox(service, shared.gate, bind(node.id()), folder, login, synced.get(folder))
                    : new EwsMailbox(service, bind(node.id()), folder, login);
        });
    }

    private Folder bind(FolderId id) throws Exception {
        return Folder.bind(service, id, new PropertySet(BasePropertySet.IdOnly, FolderSchema.TotalCount));
    }

    /** Exchange refuses an item that is too big with ErrorMessageSizeExceeded; the limit is not announced. */
    @Override
    public Optional<Long> appendLimit() {
        return Optional.empty();
    }

    interface Call<T> {
        T run() throws Exception;
    }

    private <T> T call(String what, Call<T> call) throws ConnectorException {
        try {
            return call.run();
        } catch (Exception e) {
            throw EwsErrors.translate(e, what, login);
        }
    }
}
