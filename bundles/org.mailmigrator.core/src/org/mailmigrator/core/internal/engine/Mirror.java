package org.mailmigrator.core.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.mailmigrator.core.engine.FolderPlan;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.state.CopiedMessage;
import org.mailmigrator.core.state.FolderState;
import org.mailmigrator.core.state.StateException;
import org.mailmigrator.core.state.StateStore;

/**
 * The mirror option: removes from the destination the copies of messages deleted on the source. Only what
 * this tool copied is ever removed; messages that arrived on the destination by other means stay.
 */
final class Mirror {
    private final FolderPlan plan;
    private final Mailbox destination;
    private final StateStore state;
    private final Counters counters;

    Mirror(FolderPlan plan, Mailbox destination, StateStore state, Counters counters) {
        this.plan = plan;
        this.destination = destination;
        this.state = state;
        this.counters = counters;
    }

    /** Removes the copies of the recorded source messages {@code removedOnSource} says are gone. */
    void apply(FolderState st, Predicate<String> removedOnSource, Map<String, CopiedMessage> copied)
            throws ConnectorException, StateException {
        List<String> gone = new ArrayList<>();
        List<String> dstIds = new ArrayList<>();
        for (CopiedMessage c : copied.values()) {
            if (removedOnSource.test(c.srcId())) {
                gone.add(c.srcId());
                if (c.dstId() != null) {
                    dstIds.add(c.dstId());
                }
            }
        }
        if (gone.isEmpty()) {
            return;
        }
        destination.expunge(dstIds);
        state.forget(st.id(), gone);
        gone.forEach(copied::remove);
        counters.removed.addAndGet(gone.size());
    }

    @Override
    public String toString() {
        return "mirror of " + plan.source();
    }
}
