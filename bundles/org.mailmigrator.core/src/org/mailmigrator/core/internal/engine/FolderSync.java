package org.mailmigrator.core.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.mailmigrator.core.engine.FolderPlan;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.engine.SkippedItem;
import org.mailmigrator.core.mail.FolderStatus;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.state.CopiedMessage;
import org.mailmigrator.core.state.FolderState;
import org.mailmigrator.core.state.JournalEntry;
import org.mailmigrator.core.state.StateException;
import org.mailmigrator.core.state.StateStore;

/**
 * Brings one destination folder up to date with one source folder. Idempotent: it can be re-run after any
 * failure or crash, because every destination write is journalled first and whatever lies on the destination
 * above the recorded high-water mark is matched by fingerprint before anything is copied.
 */
final class FolderSync {
    private final FolderPlan plan;
    private final MailStore src;
    private final MailStore dst;
    private final StateStore state;
    private final MigrationSettings settings;
    private final Counters counters;
    private final MigrationListener listener;
    private final Cancellation cancel;
    private final Both both;
    private boolean anySkipped;
    private GmailScope gmail;
    private final Mailbox[] boxes = new Mailbox[2]; // source, destination: open while not null

    FolderSync(FolderPlan plan, MailStore src, MailStore dst, StateStore state, MigrationSettings settings,
            Counters counters, MigrationListener listener, Cancellation cancel, Both both) {
        this.plan = plan;
        this.src = src;
        this.dst = dst;
        this.state = state;
        this.settings = settings;
        this.counters = counters;
        this.listener = listener;
        this.cancel = cancel;
        this.both = both;
    }

    /** Syncs only what this folder uploads of a Gmail-like source ({@link GmailScope}); null: everything. */
    FolderSync within(GmailScope scope) {
        this.gmail = scope;
        return this;
    }

    /**
     * The one-round-trip-per-side check: true (and counted as done) when nothing changed on either side
     * since the last complete run, so the folder need not be selected at all.
     */
    boolean skipIfUnchanged() throws ConnectorException, StateException {
        if (!checkable()) {
            return false;
        }
        // a connector whose change token is a sync state (EWS) answers the stored token when nothing changed
        return skipIfUnchanged(src.status(plan.source(), knownChangeToken()).orElse(null),
                dst.status(plan.destination()).orElse(null));
    }

    /** The source's change token stored after this folder's last complete pass (null: none). */
    String knownChangeToken() throws StateException {
        return state.folder(plan.source(), plan.destination()).srcChangeToken();
    }

    /** Whether the one-round-trip check can apply: the last pass completed (it left a change token). */
    boolean checkable() throws StateException {
        return (gmail == null || !gmail.relist(plan.source())) && state.folder(plan.source(), plan.destination()).srcChangeToken() != null;
    }

    /** {@link #skipIfUnchanged()} with both sides' STATUS already read (null: the folder is missing there). */
    boolean skipIfUnchanged(FolderStatus s, FolderStatus d) throws StateException {
        FolderState st = state.folder(plan.source(), plan.destination());
        if (!checkable() || s == null || d == null
                || !unchanged(st, s, d, state.journal(st.id()))) {
            return false;
        }
        counters.present(plan.source(), s.messages());
        counters.planned(plan.source(), s.messages(), 0);
        return true;
    }

    /** Whether {@link #settleIfEmpty} may apply: not in a Gmail-like run, whose label folders are filled on the server. */
    boolean settleable() {
        return gmail == null;
    }

    /**
     * A folder the source holds no message in, with nothing journaled or recorded for it (a first pass, usually):
     * settled from both sides' STATUS, neither side opened (six round trips and more a folder, and a real mailbox has
     * many such: yearly archives, Junk, Drafts). The count is the server's answer and the position recorded comes from
     * the same answer, so a message arriving after it is above that position and the next pass copies it.
     */
    boolean settleIfEmpty(FolderStatus s, FolderStatus d) throws StateException {
        if (!settleable() || s == null || d == null || s.messages() != 0 || s.position() == null || d.position() == null) {
            return false;
        }
        FolderState st = state.folder(plan.source(), plan.destination());
        if ((st.srcEpoch() != null && !st.srcEpoch().equals(s.epoch()))
                || (st.dstEpoch() != null && !st.dstEpoch().equals(d.epoch())) || !state.journal(st.id()).isEmpty()
                || !state.copied(st.id()).isEmpty()) {
            return false;
        }
        state.saveFolder(new FolderState(st.id(), st.source(), st.destination(), s.epoch(), d.epoch(), s.position(),
                s.changeToken(), d.position(), d.messages(), d.changeToken()));
        counters.present(plan.source(), 0);
        counters.planned(plan.source(), 0, 0);
        return true;
    }

    void run() throws ConnectorException, StateException {
        counters.attempt(plan.source());
        FolderState st = state.folder(plan.source(), plan.destination());
        String known = st.srcChangeToken();
        // both sides' steps at once (two connections): over a network each pair costs one round trip, not two
        Both.Results<Optional<FolderStatus>, Optional<FolderStatus>> statuses = both.of(
                () -> src.status(plan.source(), known), () -> dst.status(plan.destination()));
        FolderStatus srcStatus = statuses.first().orElseThrow(() -> new ConnectorException.ItemFailure(
                "source folder '" + plan.source() + "' no longer exists", null));
        FolderStatus dstStatus = statuses.second().orElseThrow(() -> new ConnectorException.ItemFailure(
                "destination folder '" + plan.destination() + "' cannot hold messages (missing or \\Noselect); "
                        + "use --map to choose another", null));
        List<JournalEntry> journal = state.journal(st.id());
        if (unchanged(st, srcStatus, dstStatus, journal) && checkable()) {
            counters.present(plan.source(), srcStatus.messages());
            counters.planned(plan.source(), srcStatus.messages(), 0);
            return;
        }
        boolean reset = (st.srcEpoch() != null && !st.srcEpoch().equals(srcStatus.epoch()))
                || (st.dstEpoch() != null && !st.dstEpoch().equals(dstStatus.epoch()));
        if (reset) {
            listener.info("the message ids of " + plan.source() + " -> " + plan.destination()
                    + " changed (UIDVALIDITY or folder identity): rebuilding the message map from fingerprints");
            state.resetFolder(st.id());
            st = st.cleared();
            journal = List.of();
        }
        try {
            both.run(() -> boxes[0] = src.open(plan.source(), false), () -> boxes[1] = dst.open(plan.destination(), true));
            sync(st, journal, boxes[0], boxes[1]);
        } finally {
            both.run(() -> close(0), () -> close(1));
        }
    }

    private Void close(int side) {
        Mailbox box = boxes[side];
        boxes[side] = null;
        if (box != null) {
            box.close();
        }
        return null;
    }

    /** The one-round-trip-per-side case: nothing changed on either side since the last complete run. */
    private boolean unchanged(FolderState st, FolderStatus s, FolderStatus d, List<JournalEntry> journal)
            throws StateException {
        return journal.isEmpty() && s.changeToken() != null
                && s.epoch().equals(st.srcEpoch()) && s.changeToken().equals(st.srcChangeToken())
                && Objects.equals(st.srcPosition(), s.position()) && DestinationCheck.untouched(st, d)
                && nothingToMirror(st, s);
    }

    /**
     * Under the mirror option, whether the source proves that none of the recorded copies' messages is gone there.
     * With the same epoch and position (nothing added since the last complete pass), the source holds a subset of
     * what that pass listed, and that pass recorded every message it listed; so the source's message count equals
     * the number of records exactly when no recorded message is missing from the source. Not with a date window:
     * messages outside it have no record; nor for a Gmail-like source, whose label folders are filled by copies on
     * the server. Without the mirror option removals do not matter: true.
     */
    private boolean nothingToMirror(FolderState st, FolderStatus s) throws StateException {
        if (!settings.mirror()) {
            return true;
        }
        return countProves() && s.position() != null && state.copied(st.id()).size() == s.messages();
    }

    /** Whether every message a complete pass listed has a record: not with a date window, nor for a Gmail-like source. */
    private boolean countProves() {
        return gmail == null && settings.limits().since().isEmpty() && settings.limits().before().isEmpty();
    }

    private void sync(FolderState st0, List<JournalEntry> journal, Mailbox sbox, Mailbox dbox)
            throws ConnectorException, StateException {
        FolderStatus s = sbox.status();
        FolderStatus d = dbox.status();
        Map<String, CopiedMessage> copied = new HashMap<>(state.copied(st0.id()));
        int gone = new DestinationCheck(plan, dbox, state, listener).forgetMissing(st0, d, copied);
        int reflagged = DestinationFlags.reread(st0, d, dbox, copied);
        if (reflagged > 0) {
            listener.info(plan.destination() + ": flags of " + reflagged + " copied message(s) were changed there"
                    + " since the last pass; the source's flags are compared with what the destination holds");
        }
        // copies found missing are not in a CONDSTORE "changed since" listing: list the whole source, and keep
        // the mark disarmed in what this pass records until it completes
        String srcNext = gone == 0 ? st0.srcPosition() : null;
        String srcToken = gone == 0 ? st0.srcChangeToken() : null;
        FolderState st = new FolderState(st0.id(), st0.source(), st0.destination(), s.epoch(), d.epoch(),
                srcNext, srcToken, st0.dstPosition(), -1, st0.dstChangeToken());
        boolean tokenUsable = gone == 0 && (gmail == null || !gmail.relist(plan.source())) && st0.srcChangeToken() != null
                && s.changeToken() != null && s.epoch().equals(st0.srcEpoch());
        // the destination's position (read first: any later writer's messages are above it) beside the listing
        Both.Results<Listing, String> listing = both.of(() -> Listing.of(sbox, tokenUsable ? st0.srcChangeToken() : null,
                settings.mirror(), copied.keySet(), s.messages(), countProves()), dbox::position);
        boolean incremental = listing.first().incremental();
        Set<String> removed = listing.first().removed();
        List<MessageInfo> listed = listing.first().messages();
        if (gmail != null) {
            listed = gmail.restrict(plan.source(), listed, copied,
                    journal.stream().map(JournalEntry::srcId).toList());
        }
        List<String> freshIds = new ArrayList<>();
        for (MessageInfo m : listed) {
            if (!copied.containsKey(m.id())) {
                freshIds.add(m.id());
            }
        }
        // details() leaves out only messages it proved expunged; one without a fingerprint came without header
        List<MessageInfo> fresh = new ArrayList<>(sbox.details(freshIds));
        if (fresh.size() < freshIds.size()) {
            listener.info(plan.source() + ": " + (freshIds.size() - fresh.size())
                    + " message(s) expunged on the source during the run (checked): nothing to copy");
        }
        // outside the date window: not this migration's messages, neither copied nor counted nor reported
        fresh.removeIf(m -> m.fingerprint() != null && !settings.limits().dateAllows(m.internalDate()));
        List<MessageInfo> headerless = fresh.stream().filter(m -> m.fingerprint() == null).toList();
        fresh.removeAll(headerless);
        long freshBytes = fresh.stream().mapToLong(MessageInfo::size).sum();
        long known = incremental ? copied.size() - (removed == null ? 0 : copied.keySet().stream().filter(removed::contains)
                .count()) : listed.size() - freshIds.size();
        counters.planned(plan.source(), known + fresh.size() + headerless.size(), freshBytes);
        // a message an earlier attempt of this run copied is counted as copied, not also as present
        Set<String> listedIds = new HashSet<>();
        listed.forEach(m -> listedIds.add(m.id()));
        known -= counters.copiedThisRun(plan.source(),
                id -> copied.containsKey(id) && (incremental || listedIds.contains(id)));
        counters.present(plan.source(), known);
        for (MessageInfo m : headerless) {
            anySkipped = true;
            counters.skipped(new SkippedItem(plan.source(), m.id(), null, null, Math.max(0, m.size()),
                    "the source server did not return this message's header; it will be tried again on the next run"), 0);
        }

        // recovery looks from the earliest of the journal's positions and the recorded mark (all when unknown)
        String scanFrom = st.dstPosition();
        for (JournalEntry e : journal) {
            if (dbox.comparePositions(e.dstPosition(), scanFrom) < 0) {
                scanFrom = e.dstPosition();
            }
        }
        String dstNext = listing.second();
        // a destination folder that was empty when selected holds no earlier copy: nothing to scan (a round trip)
        if ((dstNext == null || dbox.comparePositions(dstNext, scanFrom) > 0) && !fresh.isEmpty() && d.messages() != 0) {
            Recovery recovery = new Recovery(dbox, copied);
            List<CopiedMessage> found = recovery.match(scanFrom, fresh);
            Copier.reportAltered(plan, recovery.altered(), counters, listener);
            // a message an earlier attempt of this run copied (its record was not committed when that attempt
            // broke off) is counted as copied, not also as present
            Set<String> foundIds = new HashSet<>();
            found.forEach(c -> foundIds.add(c.srcId()));
            long present = found.size() - counters.copiedThisRun(plan.source(), foundIds::contains);
            if (present > 0) {
                listener.info(plan.destination() + ": " + present + " message(s) already on the destination");
                counters.present(plan.source(), present);
            }
            st = st.withDestination(d.epoch(), dbox.comparePositions(dstNext, st.dstPosition()) > 0 ? dstNext
                    : st.dstPosition());
            state.recordCopied(st, found);
            found.forEach(c -> copied.put(c.srcId(), c));
            fresh.removeIf(m -> copied.containsKey(m.id()));
        }
        if (!journal.isEmpty()) { // a commit saved in every folder without one (the usual case)
            state.clearJournal(st.id());
        }

        if (gmail != null) { // a Gmail message another folder uploads is placed by a copy on the server
            fresh = gmail.uploads(plan.source(), fresh);
        }
        Copier copier = new Copier(plan, st, sbox, dbox, state, settings, counters, listener, cancel,
                dst.appendLimit());
        st = copier.copy(fresh, copied);
        anySkipped |= copier.anySkipped();

        // the source is read: its folder is closed while the destination's work ends (a round trip saved)
        FolderState copiedState = st;
        List<MessageInfo> all = listed;
        both.run(() -> close(0), () -> finish(copiedState, s, d, all, removed, copied, dbox));
    }

    /**
     * @param removed the ids the source proved removed since the last pass when it was listed incrementally under
     *     the mirror option; null when it was listed whole (then a recorded message not listed is removed)
     */
    private Void finish(FolderState st, FolderStatus s, FolderStatus d, List<MessageInfo> listed, Set<String> removed,
            Map<String, CopiedMessage> copied, Mailbox dbox) throws ConnectorException, StateException {
        Map<String, MessageInfo> bySrc = new HashMap<>();
        listed.forEach(m -> bySrc.put(m.id(), m));
        new FlagPropagation(plan, dbox, state, counters, listener).apply(st, bySrc, copied);
        if (settings.mirror()) {
            new Mirror(plan, dbox, state, counters).apply(st, removed != null ? removed::contains
                    : id -> !bySrc.containsKey(id), copied);
        }
        // Only a complete pass may arm the fast path: a skipped message must be tried (and reported) again.
        // position and message count as this pass leaves them, for the next pass's destination check; read
        // together (one STATUS) so a message arriving in between cannot pair a new count with an old position
        FolderStatus end = dst.status(plan.destination()).orElse(null);
        String after = end == null || end.position() == null ? dbox.position() : end.position();
        boolean behind = dbox.comparePositions(after, st.dstPosition()) < 0;
        st = new FolderState(st.id(), st.source(), st.destination(), s.epoch(), d.epoch(),
                anySkipped ? null : s.position(), anySkipped ? null : s.changeToken(), behind ? st.dstPosition() : after,
                end == null || behind ? -1 : end.messages(), end == null ? null : end.changeToken());
        state.saveFolder(st);
        return null;
    }

    /** The destination ids of the copies made or matched, to tell which destination messages are ours. */
    static Set<String> destinationIds(Map<String, CopiedMessage> copied) {
        Set<String> ids = new HashSet<>();
        copied.values().forEach(c -> {
            if (c.dstId() != null) {
                ids.add(c.dstId());
            }
        });
        return ids;
    }
}
