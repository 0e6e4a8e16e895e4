package org.mailmigrator.connector.ews.tests;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.w3c.dom.Element;

/**
 * SyncFolderItems for the EWS PROTOCOL FAKE's mail: a change clock stamps each creation, change and deletion; a sync
 * state is "fake-sync-N" (the clock value it covers, opaque to the client). An answer holds at most
 * MaxChangesReturned changes, oldest first, as Create, Update or Delete with the item's id; a state the fake never
 * gave is answered ErrorInvalidSyncStateData.
 */
final class FakeSync {
    private record Deletion(String id, String folder, long at) {
    }

    private record Change(String kind, String id, long at) {
    }

    private final FakeMail mail;
    private final AtomicLong clock = new AtomicLong();
    private final List<Deletion> deletions = new CopyOnWriteArrayList<>();
    /** States older than this are no longer accepted (as after a mailbox move). */
    private volatile long validFrom;

    FakeSync(FakeMail mail) {
        this.mail = mail;
    }

    /** Every state given so far becomes invalid. */
    void expire() {
        validFrom = clock.get() + 1;
    }

    void created(FakeMail.Message m) {
        m.createdAt = clock.incrementAndGet();
        m.changedAt = m.createdAt;
    }

    void changed(FakeMail.Message m) {
        m.changedAt = clock.incrementAndGet();
    }

    void deleted(FakeMail.Message m) {
        deletions.add(new Deletion(m.id, m.folder, clock.incrementAndGet()));
    }

    String answer(Element op) {
        FakeMailFolders.Folder folder = mail.folders.folderOf(Xml.child(op, "SyncFolderId").orElseThrow());
        String state = Xml.text(op, "SyncState");
        long from;
        try {
            from = state == null || state.isBlank() ? 0 : Long.parseLong(state.replace("fake-sync-", ""));
        } catch (NumberFormatException e) {
            from = -1;
        }
        if (from < 0 || from > clock.get() || from > 0 && from < validFrom) {
            return Xml.response("SyncFolderItems", Xml.error("SyncFolderItems", "ErrorInvalidSyncStateData",
                    "Synchronization state data is corrupt or otherwise invalid.", null));
        }
        int max = Integer.parseInt(Xml.text(op, "MaxChangesReturned"));
        long since = from;
        List<Change> all = new ArrayList<>();
        mail.messages.values().stream().filter(m -> m.folder.equals(folder.id) && m.changedAt > since)
                .forEach(m -> all.add(new Change(m.createdAt > since ? "Create" : "Update", m.id, m.changedAt)));
        deletions.stream().filter(d -> d.folder().equals(folder.id) && d.at() > since)
                .forEach(d -> all.add(new Change("Delete", d.id(), d.at())));
        all.sort(Comparator.comparingLong(Change::at));
        List<Change> slice = all.subList(0, Math.min(max, all.size()));
        boolean last = slice.size() == all.size();
        long to = last ? Math.max(since, clock.get()) : slice.get(slice.size() - 1).at();
        StringBuilder x = new StringBuilder();
        for (Change c : slice) {
            String id = "<t:ItemId Id=\"" + c.id() + "\" ChangeKey=\"1\"/>";
            x.append("<t:").append(c.kind()).append(">").append(c.kind().equals("Delete") ? id : "<t:Message>" + id + "</t:Message>")
                    .append("</t:").append(c.kind()).append(">");
        }
        return Xml.response("SyncFolderItems", Xml.success("SyncFolderItems", "<m:SyncState>fake-sync-" + to
                + "</m:SyncState><m:IncludesLastItemInRange>" + last + "</m:IncludesLastItemInRange><m:Changes>" + x
                + "</m:Changes>"));
    }
}
