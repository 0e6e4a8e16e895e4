package org.mailmigrator.core.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * Writes source flag changes to the destination: messages are grouped by their new flag set, so a thousand
 * messages marked read cost one STORE, not a thousand.
 */
final class FlagPropagation {
    /** Not an IMAP flag (an atom cannot hold parentheses): "being written, the destination's flags unknown". */
    static final Set<String> IN_FLIGHT = Set.of("(in-flight)");

    private final FolderPlan plan;
    private final Mailbox destination;
    private final StateStore state;
    private final Counters counters;
    private final MigrationListener listener;

    FlagPropagation(FolderPlan plan, Mailbox destination, StateStore state, Counters counters,
            MigrationListener listener) {
        this.plan = plan;
        this.destination = destination;
        this.state = state;
        this.counters = counters;
        this.listener = listener;
    }

    void apply(FolderState st, Map<String, MessageInfo> source, Map<String, CopiedMessage> copied)
            throws ConnectorException, StateException {
        Map<Set<String>, List<String>> updates = new HashMap<>();
        List<CopiedMessage> changed = new ArrayList<>();
        for (MessageInfo m : source.values()) {
            CopiedMessage c = copied.get(m.id());
            Set<String> flags = m.copyableFlags();
            if (c == null || c.dstId() == null || flags.equals(c.flags())) {
                continue;
            }
            updates.computeIfAbsent(flags, k -> new ArrayList<>()).add(c.dstId());
            changed.add(c.withFlags(flags));
        }
        if (changed.isEmpty()) {
            return;
        }
        // from the STORE on, the destination's flags are uncertain until recorded: a crash in between must not
        // leave the state claiming the old flags (a source that changes back would then never be written
        // again), so the copies are first recorded with a flag no server can hold, which matches no source
        state.recordCopied(st, changed.stream().map(c -> c.withFlags(IN_FLIGHT)).toList());
        destination.replaceFlags(updates);
        listener.checkpoint("flags-sent", plan.source());
        state.recordCopied(st, changed);
        changed.forEach(c -> copied.put(c.srcId(), c));
        counters.flagsUpdated.addAndGet(changed.size());
        listener.checkpoint("flags-stored", plan.source());
    }
}
