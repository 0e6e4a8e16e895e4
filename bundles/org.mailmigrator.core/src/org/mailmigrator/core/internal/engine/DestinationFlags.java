package org.mailmigrator.core.internal.engine;

import java.util.HashMap;
import java.util.Map;

import org.mailmigrator.core.mail.FolderStatus;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.state.CopiedMessage;
import org.mailmigrator.core.state.FolderState;

/**
 * The flags the copy records say were written, checked against the destination when someone else changed its
 * folder since the last pass (its change token moved: another migration of the same mailbox with its own state,
 * a person, a rule). Without this, a source that changes a message back to the flags the records remember would
 * look unchanged, and the destination would keep the other writer's flags. Costs nothing when the token is the
 * one this engine left (one listing of what changed since, CONDSTORE, otherwise).
 */
final class DestinationFlags {
    private DestinationFlags() {
    }

    /**
     * Replaces, in {@code copied} (not in the store: the next pass re-reads from the same recorded token), the
     * remembered flags of the copies whose destination flags differ from them; returns how many.
     */
    static int reread(FolderState st, FolderStatus destination, Mailbox dbox, Map<String, CopiedMessage> copied)
            throws ConnectorException {
        if (st.dstChangeToken() == null || destination.changeToken() == null
                || destination.changeToken().equals(st.dstChangeToken())
                || !java.util.Objects.equals(destination.epoch(), st.dstEpoch())) {
            return 0;
        }
        Map<String, CopiedMessage> byDestination = new HashMap<>();
        copied.values().forEach(c -> {
            if (c.dstId() != null) {
                byDestination.put(c.dstId(), c);
            }
        });
        int changed = 0;
        for (MessageInfo m : dbox.list(st.dstChangeToken())) {
            CopiedMessage c = byDestination.get(m.id());
            if (c != null && !c.flags().equals(m.copyableFlags())) {
                copied.put(c.srcId(), c.withFlags(m.copyableFlags()));
                changed++;
            }
        }
        return changed;
    }
}
