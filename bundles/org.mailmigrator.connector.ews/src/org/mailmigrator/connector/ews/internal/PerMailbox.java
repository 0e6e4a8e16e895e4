package org.mailmigrator.connector.ews.internal;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the sessions of one connector instance share per mailbox (one instance serves every session of a pass: the
 * engine's folder workers): the {@link SyncGate} that keeps its sync calls within {@code maxSyncCalls}, and, as a
 * source, the folder tree the last SyncFolderHierarchy of the pass read ({@link FolderHierarchy}), so that a folder
 * worker's session finds its folder without listing the tree again. A mailbox is the server and the budget Exchange
 * charges: the impersonated mailbox with impersonation, else the login (delegates' calls count against their own
 * account). The connector instance owns it; nothing here is static.
 */
public final class PerMailbox {
    /** One mailbox's shared parts. */
    static final class Shared {
        final SyncGate gate;
        private volatile FolderHierarchy.Snapshot tree;

        Shared(int limit) {
            gate = new SyncGate(limit);
        }

        FolderHierarchy.Snapshot tree() {
            return tree;
        }

        void tree(FolderHierarchy.Snapshot snapshot) {
            tree = snapshot;
        }
    }

    private final Map<String, Shared> mailboxes = new ConcurrentHashMap<>();

    /** The shared parts of the mailbox these settings open (its gate made with their {@code maxSyncCalls} on first use). */
    Shared of(EwsSettings settings) {
        return mailboxes.computeIfAbsent(key(settings), k -> new Shared(settings.maxSyncCalls()));
    }

    /** The server and the account whose budget the requests are charged to. */
    String key(EwsSettings settings) {
        return (settings.url().getHost() + ":" + settings.url().getPort() + "/"
                + settings.impersonate().orElse(settings.login())).toLowerCase(Locale.ROOT);
    }
}
