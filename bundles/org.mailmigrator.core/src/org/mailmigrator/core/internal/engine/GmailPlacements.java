package org.mailmigrator.core.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mailmigrator.core.engine.FolderPlan;
import org.mailmigrator.core.engine.GmailSummary;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.SkippedItem;
import org.mailmigrator.core.mail.FolderStatus;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.state.CopiedMessage;
import org.mailmigrator.core.state.FolderState;
import org.mailmigrator.core.state.JournalEntry;
import org.mailmigrator.core.state.StateException;
import org.mailmigrator.core.state.StateStore;

/**
 * After the folders' syncs have uploaded each Gmail message once, makes its other placements by copying the
 * uploaded copy on the destination server ({@code UID COPY}, the new ids from COPYUID), folder pair by folder pair
 * with the engine's discipline: a journal entry per copy is committed before the COPY and replaced by the copy
 * record after it, so a crash in between is resolved at the next run by the folder's recovery (fingerprints above
 * the journalled position), never by a second copy. Then checks, from the copy records, that every message is in
 * every folder of its placements, and counts messages and placements apart.
 */
final class GmailPlacements {
    private static final int CHUNK = 500;
    private final GmailScope scope;
    private final StateStore state;
    private final Counters counters;
    private final MigrationListener listener;
    private final Cancellation cancel;
    private long copiedOnServer;

    /** A placement to make: the message's id in the source folder of the placement, and the copy to duplicate. */
    private record Todo(String srcId, String gmailId, CopiedMessage home) {
    }

    GmailPlacements(GmailScope scope, StateStore state, Counters counters, MigrationListener listener,
            Cancellation cancel) {
        this.scope = scope;
        this.state = state;
        this.counters = counters;
        this.listener = listener;
        this.cancel = cancel;
    }

    GmailSummary place(MailStore dst) throws ConnectorException, StateException {
        Map<String, Map<String, CopiedMessage>> records = records();
        Map<String, String> homeFolder = new HashMap<>();
        Map<String, CopiedMessage> home = new HashMap<>();
        records.forEach((folder, byId) -> byId.values().forEach(c -> {
            String gmailId = scope.index().gmailId(folder, c.srcId());
            if (gmailId != null && c.dstId() != null && !home.containsKey(gmailId)) {
                home.put(gmailId, c);
                homeFolder.put(gmailId, scope.plan(folder).destination());
            }
        }));
        // a message whose only label was removed is copied from its old copy into Archive, not uploaded again
        scope.changes().adopted().forEach((gmailId, a) -> {
            if (!home.containsKey(gmailId)) {
                home.put(gmailId, a.copy());
                homeFolder.put(gmailId, scope.plan(a.folder()).destination());
            }
        });
        // destination folder holding the uploaded copy -> source folder of the placement -> what to copy
        Map<String, Map<String, List<Todo>>> todo = new LinkedHashMap<>();
        for (String gmailId : scope.index().messages()) {
            for (GmailIndex.Place p : scope.placements(gmailId)) {
                boolean there = records.getOrDefault(p.folder(), Map.of()).containsKey(p.id());
                if (!there && home.containsKey(gmailId) && scope.serverCopy()) {
                    todo.computeIfAbsent(homeFolder.get(gmailId), k -> new LinkedHashMap<>())
                            .computeIfAbsent(p.folder(), k -> new ArrayList<>()).add(new Todo(p.id(), gmailId,
                                    home.get(gmailId)));
                }
            }
        }
        for (var byHome : todo.entrySet()) {
            try (Mailbox box = dst.open(byHome.getKey(), false)) {
                Mailbox.ServerCopy copy = box.serverCopy().orElse(null);
                for (var target : byHome.getValue().entrySet()) {
                    cancel.check();
                    placeInto(dst, copy, target.getKey(), target.getValue());
                }
            }
        }
        for (var gone : unlabelled().entrySet()) {
            cancel.check();
            unlabel(dst, gone.getKey(), gone.getValue());
        }
        return summary();
    }

    /** The copies of removed labels, with the old copies of adopted messages once their Archive copy is recorded. */
    private Map<String, List<CopiedMessage>> unlabelled() throws StateException {
        Map<String, List<CopiedMessage>> out = new HashMap<>();
        scope.changes().unlabelled().forEach((folder, copies) -> out.put(folder, new ArrayList<>(copies)));
        Map<String, Map<String, CopiedMessage>> records = records();
        scope.changes().adopted().forEach((gmailId, a) -> {
            List<GmailIndex.Place> places = scope.placements(gmailId);
            if (!places.isEmpty() && places.stream().allMatch(p -> records.getOrDefault(p.folder(), Map.of())
                    .containsKey(p.id()))) {
                out.computeIfAbsent(a.folder(), k -> new ArrayList<>()).add(a.copy());
            }
        });
        return out;
    }

    private Map<String, Map<String, CopiedMessage>> records() throws StateException {
        Map<String, Map<String, CopiedMessage>> out = new HashMap<>();
        for (String folder : folders()) {
            FolderPlan p = scope.plan(folder);
            out.put(folder, state.copied(state.folder(folder, p.destination()).id()));
        }
        return out;
    }

    private List<String> folders() {
        List<String> out = new ArrayList<>();
        for (String gmailId : scope.index().messages()) {
            for (GmailIndex.Place p : scope.placements(gmailId)) {
                if (!out.contains(p.folder())) {
                    out.add(p.folder());
                }
            }
        }
        return out;
    }

    private void placeInto(MailStore dst, Mailbox.ServerCopy copy, String source, List<Todo> todos)
            throws ConnectorException, StateException {
        FolderPlan plan = scope.plan(source);
        String target = plan.destination();
        FolderState st = state.folder(source, target);
        FolderStatus before = dst.status(target).orElse(null);
        String notNow = st.dstEpoch() == null || !state.journal(st.id()).isEmpty()
                ? "the sync of this folder did not complete in this run"
                : before == null || !before.epoch().equals(st.dstEpoch()) ? "the destination folder changed identity"
                : copy == null ? "the destination cannot copy this message on the server" : null;
        if (notNow != null) {
            todos.forEach(t -> skip(source, t, notNow + "; the label is placed at the next run"));
            return;
        }
        for (int from = 0; from < todos.size(); from += CHUNK) {
            List<Todo> chunk = todos.subList(from, Math.min(todos.size(), from + CHUNK));
            String position = dst.status(target).map(FolderStatus::position).orElse(before.position());
            state.addJournal(st.id(), chunk.stream().map(t -> new JournalEntry(t.srcId(), t.home().fingerprint(),
                    position)).toList());
            Map<String, String> made;
            try {
                made = copy.copyTo(chunk.stream().map(t -> t.home().dstId()).toList(), target);
            } catch (ConnectorException.ItemFailure e) {
                state.clearJournal(st.id());
                chunk.forEach(t -> skip(source, t, e.getMessage()));
                continue;
            }
            listener.checkpoint("gmail-copied", source);
            List<CopiedMessage> done = new ArrayList<>();
            for (Todo t : chunk) {
                done.add(new CopiedMessage(t.srcId(), made.get(t.home().dstId()), t.home().fingerprint(),
                        t.home().flags()));
            }
            FolderStatus after = dst.status(target).orElse(before);
            st = new FolderState(st.id(), st.source(), st.destination(), st.srcEpoch(), st.dstEpoch(),
                    st.srcPosition(), st.srcChangeToken(), after.position(), after.messages(), after.changeToken());
            state.recordBatch(st, done);
            copiedOnServer += done.size();
            listener.checkpoint("gmail-recorded", source);
        }
        listener.info(target + ": " + todos.size() + " Gmail label placement(s) copied on the destination server");
    }

    /**
     * Removes the copies of messages whose label {@code source} was removed on the source ({@link GmailChanges}), when
     * the folder's sync completed in this run and each copy is still recorded as it was found.
     */
    private void unlabel(MailStore dst, String source, List<CopiedMessage> found) throws ConnectorException, StateException {
        String target = scope.plan(source).destination();
        FolderState st = state.folder(source, target);
        FolderStatus before = dst.status(target).orElse(null);
        if (st.dstEpoch() == null || !state.journal(st.id()).isEmpty() || before == null
                || !before.epoch().equals(st.dstEpoch())) {
            return; // tried again at the next run, when the folder is in order
        }
        Map<String, CopiedMessage> now = state.copied(st.id());
        List<CopiedMessage> gone = found.stream().filter(c -> now.get(c.srcId()) != null
                && c.dstId().equals(now.get(c.srcId()).dstId())).toList();
        if (gone.isEmpty()) {
            return;
        }
        try (Mailbox box = dst.open(target, true)) {
            box.expunge(gone.stream().map(CopiedMessage::dstId).toList());
        }
        state.forget(st.id(), gone.stream().map(CopiedMessage::srcId).toList());
        FolderStatus after = dst.status(target).orElse(before);
        state.saveFolder(new FolderState(st.id(), st.source(), st.destination(), st.srcEpoch(), st.dstEpoch(),
                st.srcPosition(), st.srcChangeToken(), after.position(), after.messages(), after.changeToken()));
        counters.removed.addAndGet(gone.size());
        listener.info(target + ": " + gone.size() + " copy(ies) removed: their Gmail label was removed on the source"
                + " (each message is still under another label, or now in Archive)");
    }

    private void skip(String folder, Todo t, String reason) {
        counters.skipped(new SkippedItem(folder, t.srcId(), null, null, 0, "label placement of X-GM-MSGID "
                + t.gmailId() + " not made: " + reason), 0);
    }

    /** The completeness check: every message in every folder of its placements, as the copy records say. */
    private GmailSummary summary() throws StateException {
        Map<String, Map<String, CopiedMessage>> records = records();
        long messages = 0;
        long placements = 0;
        List<String> missing = new ArrayList<>();
        Map<String, Long> expected = new HashMap<>();
        for (String gmailId : scope.index().messages()) {
            List<GmailIndex.Place> places = scope.placements(gmailId);
            if (places.isEmpty()) {
                continue;
            }
            messages++;
            placements += places.size();
            for (GmailIndex.Place p : places) {
                expected.merge(scope.plan(p.folder()).destination(), 1L, Long::sum);
                CopiedMessage c = records.getOrDefault(p.folder(), Map.of()).get(p.id());
                if (c == null) {
                    missing.add(scope.plan(p.folder()).destination() + ": X-GM-MSGID " + gmailId + " (source folder '"
                            + p.folder() + "' id " + p.id() + ") is not there; it is tried again at the next run");
                }
            }
        }
        return new GmailSummary(messages, placements, counters.copiedCount(), copiedOnServer, scope.serverCopy(),
                missing, expected);
    }
}
