package org.mailmigrator.core.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.core.engine.AlteredItem;
import org.mailmigrator.core.engine.FolderPlan;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.engine.SkippedItem;
import org.mailmigrator.core.mail.AppendResult;
import org.mailmigrator.core.mail.Fetched;
import org.mailmigrator.core.mail.Fingerprint;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.mail.MessageReader;
import org.mailmigrator.core.mail.Outgoing;
import org.mailmigrator.core.mail.Unread;
import org.mailmigrator.core.limits.BudgetSpent;
import org.mailmigrator.core.limits.TransferBudget;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.LimitAnswers;
import org.mailmigrator.core.state.CopiedMessage;
import org.mailmigrator.core.state.FolderState;
import org.mailmigrator.core.state.JournalEntry;
import org.mailmigrator.core.state.StateException;
import org.mailmigrator.core.state.StateStore;

/**
 * Copies not-yet-copied messages in batches: journal the batch (one commit), fetch it from the source in
 * as few round trips as the connector can, append each message, then record the batch (one commit). A
 * message the destination refuses is skipped and reported; the others go on, except after a "mailbox full"
 * answer: the rest is listed as skips with that answer, not sent. A daily transfer budget, when set, cuts the
 * batch where it runs out and stops the run with {@link BudgetSpent} after recording what was copied.
 */
final class Copier {
    private final FolderPlan plan;
    private final Mailbox source;
    private final Mailbox destination;
    private final StateStore state;
    private final MigrationSettings settings;
    private final Counters counters;
    private final MigrationListener listener;
    private final Cancellation cancel;
    private final Optional<Long> appendLimit;
    private FolderState st;
    private boolean anySkipped;

    Copier(FolderPlan plan, FolderState st, Mailbox source, Mailbox destination, StateStore state,
            MigrationSettings settings, Counters counters, MigrationListener listener, Cancellation cancel,
            Optional<Long> appendLimit) {
        this.plan = plan;
        this.st = st;
        this.source = source;
        this.destination = destination;
        this.state = state;
        this.settings = settings;
        this.counters = counters;
        this.listener = listener;
        this.cancel = cancel;
        this.appendLimit = appendLimit;
    }

    boolean anySkipped() {
        return anySkipped;
    }

    FolderState copy(List<MessageInfo> fresh, Map<String, CopiedMessage> copied) throws ConnectorException, StateException {
        for (int from = 0, end; from < fresh.size(); from = end) {
            cancel.check();
            String full = counters.limits.destinationFull();
            List<MessageInfo> batch = new ArrayList<>();
            // after a "full" answer nothing more is sent: the rest is listed (a message over a limit with that limit)
            end = full != null ? fresh.size() : batchEnd(fresh, from);
            for (MessageInfo m : fresh.subList(from, end)) {
                Optional<String> overLimit = settings.limits().sizeRefusal(m.size());
                if (overLimit.isPresent()) {
                    skip(m, overLimit.get());
                } else if (appendLimit.isPresent() && m.size() > appendLimit.get()) {
                    skip(m, "larger than the destination's APPENDLIMIT of " + appendLimit.get() + " bytes");
                } else if (budget() != null && m.size() > budget().largest()) {
                    skip(m, "larger than the daily transfer budget (" + budget().largest() + " bytes)");
                } else if (full != null) {
                    skip(m, notSent(full)); // tried again by the next run
                } else {
                    batch.add(m);
                }
            }
            if (full != null) {
                break;
            }
            int planned = batch.size();
            MessageInfo waiting = null;
            if (budget() != null) {
                List<MessageInfo> fit = withinBudget(batch);
                waiting = fit.size() < batch.size() ? batch.get(fit.size()) : null;
                batch = fit;
            }
            if (!batch.isEmpty()) {
                // Dovecot answers STATUS on the selected folder from the session's view, which only a command like
                // FETCH or NOOP brings up to date: a listing from our high-water mark (empty unless someone else
                // wrote) first, so that the position includes other writers' messages
                if (st.dstPosition() != null) {
                    destination.listSince(st.dstPosition());
                }
                String next = destination.position();
                if (st.dstPosition() != null && destination.comparePositions(next, st.dstPosition()) > 0) {
                    st = new ForeignWriter(plan, destination, state, counters, listener).check(st, next,
                            fresh.subList(from, fresh.size()), copied);
                    batch.removeIf(m -> copied.containsKey(m.id()));
                }
                copyBatch(batch, copied, next);
            }
            if (batch.size() < planned) { // the rest waits for the window to open: recorded so far, nothing lost
                long need = Math.max(1, waiting.size());
                throw new BudgetSpent(budget().describeSpent(need), budget().opensAt(need));
            }
        }
        return st;
    }

    /**
     * Where the batch starting at {@code from} ends: after {@link MigrationSettings#batchSize} messages or once it
     * holds {@link #BYTES_PER_MESSAGE} times as many bytes, whichever comes first (at least one message). Each batch
     * costs two commits of the state store; the byte bound keeps what a run cut in the middle of big messages must
     * find again by fingerprint (its journal) small.
     */
    private int batchEnd(List<MessageInfo> fresh, int from) {
        long most = (long) settings.batchSize() * BYTES_PER_MESSAGE;
        int end = from;
        long bytes = 0;
        while (end < fresh.size() && end - from < settings.batchSize() && (end == from || bytes < most)) {
            bytes += Math.max(0, fresh.get(end).size());
            end++;
        }
        return end;
    }

    /** A batch of the default 500 messages ends at 250 MiB. */
    static final long BYTES_PER_MESSAGE = 512L << 10;

    private TransferBudget budget() {
        return counters.limits.budget();
    }

    /** The first messages of the batch that fit in what the daily budget still allows. */
    private List<MessageInfo> withinBudget(List<MessageInfo> batch) {
        long left = budget().allowance();
        List<MessageInfo> fit = new ArrayList<>();
        for (MessageInfo m : batch) {
            if (m.size() > left) {
                break;
            }
            left -= m.size();
            fit.add(m);
        }
        return fit;
    }

    static String notSent(String fullAnswer) {
        return fullAnswer.endsWith(NOT_SENT) ? fullAnswer : fullAnswer + NOT_SENT;
    }

    private static final String NOT_SENT = " (not sent: the destination is full)";

    private void copyBatch(List<MessageInfo> batch, Map<String, CopiedMessage> copied, String next)
            throws ConnectorException, StateException {
        state.addJournal(st.id(), batch.stream().map(m -> new JournalEntry(m.id(), m.fingerprint(), next)).toList());
        listener.checkpoint("journal-written", plan.source());
        List<CopiedMessage> done = new ArrayList<>();
        List<MessageInfo> withoutId = new ArrayList<>();
        String[] mark = { next };
        java.util.Set<String> handed = new java.util.HashSet<>();
        source.read(batch, new MessageReader() {
            @Override
            public void note(String message) {
                listener.info(plan.source() + ": " + message);
            }

            @Override
            public void unread(Unread u) {
                handed.add(u.info().id());
                if (u.kind() == Unread.Kind.EXPUNGED) {
                    counters.expunged(plan.source(), u.info().size());
                    listener.info("message " + u.info().id() + " of " + plan.source()
                            + " was expunged on the source during the run (checked): nothing to copy");
                } else {
                    skip(u.info(), u.reason());
                }
            }

            @Override
            public void accept(List<Fetched> group) throws ConnectorException {
                cancel.check();
                group.forEach(f -> handed.add(f.info().id()));
                List<Outgoing> out = group.stream()
                        .map(f -> new Outgoing(f.body(), f.info().copyableFlags(), f.info().internalDate(),
                                f.info().fingerprint())).toList();
                List<AppendResult> results = destination.appendAll(out);
                for (int i = 0; i < group.size(); i++) {
                    MessageInfo info = group.get(i).info();
                    AppendResult r = results.get(i);
                    if (!r.ok()) {
                        skip(info, r.refusal());
                        if (LimitAnswers.mailboxFull(r.refusal()) && !LimitAnswers.tooBig(r.refusal())) {
                            counters.limits.destinationFull(r.refusal());
                        }
                        continue;
                    }
                    if (budget() != null) {
                        budget().charge(info.size());
                    }
                    if (r.id() != null) {
                        done.add(new CopiedMessage(info.id(), r.id(), info.fingerprint(), info.copyableFlags()));
                        mark[0] = destination.positionAfter(mark[0], r.id());
                    } else {
                        withoutId.add(info);
                    }
                    counters.copied(plan.source(), info.id(), info.size());
                    listener.checkpoint("appended", plan.source());
                }
            }
        });
        // never concluded from absence: a message the source neither handed over nor proved gone is a skip
        for (MessageInfo m : batch) {
            if (!handed.contains(m.id())) {
                skip(m, "the source server did not return this message; it will be tried again on the next run");
            }
        }
        if (!withoutId.isEmpty()) {
            // no id from the destination (no UIDPLUS): find the new messages by fingerprint from the batch's start
            Map<String, CopiedMessage> known = new java.util.HashMap<>(copied);
            done.forEach(c -> known.put(c.srcId(), c));
            Recovery recovery = new Recovery(destination, known);
            List<CopiedMessage> resolved = recovery.match(next, withoutId);
            reportAltered(plan, recovery.altered(), counters, listener);
            done.addAll(resolved);
            resolved.forEach(c -> mark[0] = destination.positionAfter(mark[0], c.dstId()));
            withoutId.removeIf(m -> resolved.stream().anyMatch(c -> c.srcId().equals(m.id())));
            withoutId.forEach(m -> done.add(new CopiedMessage(m.id(), null, m.fingerprint(), m.copyableFlags())));
        }
        checkRewrites(batch, done);
        String after = destination.comparePositions(mark[0], st.dstPosition()) > 0 ? mark[0] : st.dstPosition();
        st = st.withDestination(st.dstEpoch(), after);
        state.recordBatch(st, done); // the copies, the folder's mark and the journal's end in one commit
        done.forEach(c -> copied.put(c.srcId(), c));
        listener.checkpoint("recorded", plan.source());
    }

    /**
     * The completeness check of what a server may rewrite: copies of messages whose header has 8-bit bytes are
     * read back (header and size, one FETCH per batch) and a copy that differs is reported as altered. Other
     * messages are not read back: no server seen rewrites a 7-bit header.
     */
    private void checkRewrites(List<MessageInfo> batch, List<CopiedMessage> done) throws ConnectorException {
        Map<String, MessageInfo> bySrc = new java.util.HashMap<>();
        batch.forEach(m -> bySrc.put(m.id(), m));
        Map<String, MessageInfo> byDst = new java.util.HashMap<>();
        for (CopiedMessage c : done) {
            MessageInfo m = bySrc.get(c.srcId());
            if (c.dstId() != null && m != null && Fingerprint.hasEightBitHeader(m.fingerprint())) {
                byDst.put(c.dstId(), m);
            }
        }
        if (byDst.isEmpty()) {
            return;
        }
        List<MessageInfo[]> pairs = new ArrayList<>();
        for (MessageInfo d : destination.details(new ArrayList<>(byDst.keySet()))) {
            MessageInfo s = byDst.get(d.id());
            if (s != null && !s.fingerprint().equals(d.fingerprint())) {
                pairs.add(new MessageInfo[] { s, d });
            }
        }
        reportAltered(plan, pairs, counters, listener);
    }

    static void reportAltered(FolderPlan plan, List<MessageInfo[]> pairs, Counters counters, MigrationListener listener) {
        for (MessageInfo[] p : pairs) {
            String change = Fingerprint.hasEightBitHeader(p[1].fingerprint()) || p[0].size() != p[1].size()
                    ? "the destination stored a different header" + (p[0].size() != p[1].size()
                            ? " (" + p[0].size() + " -> " + p[1].size() + " bytes)" : "")
                    : "the destination replaced the 8-bit bytes of the header";
            counters.altered(new AlteredItem(plan.source(), p[0].id(), p[0].subject(), p[1].id(), change));
            listener.info("message " + p[0].id() + " of " + plan.source() + " was altered by the destination server ("
                    + change + ")");
        }
    }

    private void skip(MessageInfo m, String reason) {
        anySkipped = true;
        counters.skipped(new SkippedItem(plan.source(), m.id(), m.subject(), m.internalDate(), m.size(), reason),
                m.size());
        listener.info("skipped message " + m.id() + " of " + plan.source() + ": " + reason);
    }
}
