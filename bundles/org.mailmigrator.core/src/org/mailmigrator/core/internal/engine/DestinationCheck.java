package org.mailmigrator.core.internal.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mailmigrator.core.engine.FolderPlan;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.mail.FolderStatus;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.state.CopiedMessage;
import org.mailmigrator.core.state.FolderState;
import org.mailmigrator.core.state.StateException;
import org.mailmigrator.core.state.StateStore;

/**
 * "Already present" is asked of the destination, not of memory: copies the state remembers but the destination
 * folder no longer holds (expunged by a person, a rule, another client) are forgotten, so this pass copies them
 * again. The check is free when the destination's position and message count are what the last pass left
 * (nothing added, so nothing can have been removed without the count dropping); otherwise one light listing of
 * the destination's ids.
 */
final class DestinationCheck {
    private final FolderPlan plan;
    private final Mailbox destination;
    private final StateStore state;
    private final MigrationListener listener;

    DestinationCheck(FolderPlan plan, Mailbox destination, StateStore state, MigrationListener listener) {
        this.plan = plan;
        this.destination = destination;
        this.state = state;
        this.listener = listener;
    }

    /** True when the destination is exactly as the last complete pass left it. */
    static boolean untouched(FolderState st, FolderStatus d) {
        return st.dstMessages() >= 0 && d.epoch().equals(st.dstEpoch()) && st.dstPosition() != null
                && st.dstPosition().equals(d.position()) && st.dstMessages() == d.messages();
    }

    /** Removes from {@code copied} (and from the state) the copies that are gone; returns how many. */
    int forgetMissing(FolderState st, FolderStatus d, Map<String, CopiedMessage> copied)
            throws ConnectorException, StateException {
        if (copied.isEmpty() || untouched(st, d)) {
            return 0;
        }
        Set<String> present = new HashSet<>();
        for (MessageInfo m : destination.list(null)) {
            present.add(m.id());
        }
        List<String> gone = new ArrayList<>();
        for (CopiedMessage c : copied.values()) {
            // a copy without a known destination id (no UIDPLUS, not found again) cannot be checked this way
            if (c.dstId() != null && !present.contains(c.dstId())) {
                gone.add(c.srcId());
            }
        }
        if (gone.isEmpty()) {
            return 0;
        }
        // first disarm the source's "changed since" mark (saved before the forgetting: a crash in between costs a
        // full listing, never a message): the forgotten ones have not changed on the source, so a CONDSTORE
        // listing of a later pass would not show them, and one killed before copying them again would lose them
        state.saveFolder(new FolderState(st.id(), st.source(), st.destination(), st.srcEpoch(), st.dstEpoch(), null,
                null, st.dstPosition(), -1, st.dstChangeToken()));
        state.forget(st.id(), gone);
        gone.forEach(copied::remove);
        listener.info(plan.destination() + ": " + gone.size() + " message(s) copied earlier are no longer on the "
                + "destination; copying them again");
        return gone.size();
    }
}
