package org.mailmigrator.connector.ews.tests;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.w3c.dom.Element;

/**
 * SyncFolderHierarchy for the EWS PROTOCOL FAKE's mail folders (Microsoft's SyncFolderHierarchy operation: the folders
 * below SyncFolderId, deep): a change clock stamps each folder created, renamed and deleted; a sync state is
 * "fake-hier-N" (the clock value it covers, opaque to the client). Without a state every folder below arrives as a
 * Create, parents first; with one, what changed since: Create, Update (the whole folder again) or Delete (its FolderId
 * only). Folders arrive as {@code t:Folder}, {@code t:CalendarFolder}, {@code t:ContactsFolder} or {@code t:TasksFolder}
 * by their class, as Exchange sends them. A state the fake never gave, or one older than {@link #expire()}, is answered
 * ErrorInvalidSyncStateData. All in one answer (IncludesLastFolderInRange true): Exchange pages this operation too, by
 * its own limit, which the fake does not reach.
 */
final class FakeHierarchy {
    private record Deletion(String id, List<String> ancestors, long at) {
    }

    private final FakeMailFolders folders;
    private final AtomicLong clock = new AtomicLong();
    private final List<Deletion> deletions = new CopyOnWriteArrayList<>();
    private volatile long validFrom;

    FakeHierarchy(FakeMailFolders folders) {
        this.folders = folders;
    }

    void created(FakeMailFolders.Folder f) {
        f.createdAt = clock.incrementAndGet();
        f.changedAt = f.createdAt;
    }

    void changed(FakeMailFolders.Folder f) {
        f.changedAt = clock.incrementAndGet();
    }

    void deleted(FakeMailFolders.Folder f, List<String> ancestors) {
        deletions.add(new Deletion(f.id, ancestors, clock.incrementAndGet()));
    }

    /** Every hierarchy state given so far becomes invalid (as after a mailbox move). */
    void expire() {
        validFrom = clock.get() + 1;
    }

    String answer(Element op, List<String> violations) {
        FakeMailFolders.Folder top = Xml.child(op, "SyncFolderId").map(folders::folderOf).orElse(null);
        if (top == null) {
            violations.add("SyncFolderHierarchy without a SyncFolderId of the mail folders (the fake serves msgfolderroot's"
                    + " and the archive's trees)");
            return Xml.response("SyncFolderHierarchy", Xml.error("SyncFolderHierarchy", "ErrorFolderNotFound",
                    "The specified folder could not be found in the store.", null));
        }
        String state = Xml.child(op, "SyncState").map(Element::getTextContent).orElse(null);
        long from;
        try {
            from = state == null || state.isBlank() ? 0 : Long.parseLong(state.replace("fake-hier-", ""));
        } catch (NumberFormatException e) {
            from = -1;
        }
        if (from < 0 || from > clock.get() || from > 0 && from < validFrom || state != null && !state.startsWith("fake-hier-")) {
            return Xml.response("SyncFolderHierarchy", Xml.error("SyncFolderHierarchy", "ErrorInvalidSyncStateData",
                    "Synchronization state data is corrupt or otherwise invalid.", null));
        }
        boolean whole = state == null || state.isBlank();
        long since = from;
        StringBuilder x = new StringBuilder();
        for (FakeMailFolders.Folder f : folders.below(top.id)) {
            if (whole || f.changedAt > since) {
                String kind = whole || f.createdAt > since ? "Create" : "Update";
                x.append("<t:").append(kind).append('>').append(folders.changedFolderXml(f)).append("</t:").append(kind).append('>');
            }
        }
        if (!whole) {
            for (Deletion d : deletions) {
                if (d.at() > since && d.ancestors().contains(top.id)) {
                    x.append("<t:Delete><t:FolderId Id=\"").append(d.id()).append("\" ChangeKey=\"1\"/></t:Delete>");
                }
            }
        }
        return Xml.response("SyncFolderHierarchy", Xml.success("SyncFolderHierarchy", "<m:SyncState>fake-hier-" + clock.get()
                + "</m:SyncState><m:IncludesLastFolderInRange>true</m:IncludesLastFolderInRange><m:Changes>" + x
                + "</m:Changes>"));
    }
}
