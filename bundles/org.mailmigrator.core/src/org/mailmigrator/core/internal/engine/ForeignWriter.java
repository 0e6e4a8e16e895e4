package org.mailmigrator.core.internal.engine;

import java.util.List;
import java.util.Map;

import org.mailmigrator.core.engine.FolderPlan;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.state.CopiedMessage;
import org.mailmigrator.core.state.FolderState;
import org.mailmigrator.core.state.StateException;
import org.mailmigrator.core.state.StateStore;

/**
 * Another writer on the destination folder while this run copies into it: its position moved past what this
 * run appended. New mail arriving there is normal (the MX may already point to the new server); but when what
 * appeared are messages this run was about to copy, another migration (another machine, another state
 * folder) is copying the same mailbox. Those are recorded as present (never copied a second time) and this
 * folder stops with a message saying so; the next run finishes it.
 */
final class ForeignWriter {
    private final FolderPlan plan;
    private final Mailbox destination;
    private final StateStore state;
    private final Counters counters;
    private final MigrationListener listener;

    ForeignWriter(FolderPlan plan, Mailbox destination, StateStore state, Counters counters, MigrationListener listener) {
        this.plan = plan;
        this.destination = destination;
        this.state = state;
        this.counters = counters;
        this.listener = listener;
    }

    /**
     * Looks at what appeared between {@code st.dstPosition()} and {@code position}; returns the state moved past
     * it, or throws when another writer is copying {@code remaining}.
     */
    FolderState check(FolderState st, String position, List<MessageInfo> remaining, Map<String, CopiedMessage> copied)
            throws ConnectorException, StateException {
        List<CopiedMessage> theirs = new Recovery(destination, copied).match(st.dstPosition(), remaining);
        FolderState moved = st.withDestination(st.dstEpoch(), position);
        state.recordCopied(moved, theirs);
        theirs.forEach(c -> copied.put(c.srcId(), c));
        if (theirs.isEmpty()) {
            return moved; // ordinary new mail on the destination: not ours, nothing to avoid
        }
        counters.present(plan.source(), theirs.size());
        String message = "another program is copying the same messages into the destination folder '"
                + plan.destination() + "' at the same time (" + theirs.size()
                + " of the messages this run was copying appeared there from elsewhere); this folder stopped so that "
                + "nothing is copied twice. Run again once the other migration has finished: it completes the folder";
        listener.info(message);
        throw new ConnectorException.ItemFailure(message, null);
    }
}
