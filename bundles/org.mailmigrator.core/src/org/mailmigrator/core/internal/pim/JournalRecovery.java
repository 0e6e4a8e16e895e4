package org.mailmigrator.core.internal.pim;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.mailmigrator.core.internal.retry.Backoff;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.pim.PimState;
import org.mailmigrator.core.pim.PimWriter;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.state.StateException;

/**
 * Resolves, before anything is written, the journal entries a run left when it stopped between a destination
 * write and its record: the destination is asked what it holds under each item's identity. The same content: the
 * write happened, the copy is recorded now (never written again). Nothing, or other content: the write did not
 * happen (or the item was changed there since); the entry is dropped and the item goes through the normal path,
 * which updates in place with the destination's conditional writes. A destination that cannot tell: dropped too,
 * the writer's find-by-UID makes the second write harmless.
 */
public final class JournalRecovery {
    private JournalRecovery() {
    }

    /**
     * Resolves the entries of the kinds this run writes ({@code kinds}) with its writer.
     *
     * @return the keys recorded from the destination, each with true when that write was a creation (no earlier
     *         copy), so that the run reports them as what they were
     */
    public static Map<String, Boolean> resolve(PimState state, PimWriter writer, Set<ItemKind> kinds, Backoff backoff,
            Consumer<String> info) throws ConnectorException, StateException {
        Map<String, Boolean> recorded = new HashMap<>();
        for (PimState.Journaled j : state.journal()) {
            if (!kinds.contains(j.item().kind())) {
                continue; // another leg's entry (its destination may be another server): that leg resolves it
            }
            PimWriter.Held held = backoff.run("looking for " + j.item().describe() + " at the destination",
                    () -> writer.held(j.item(), j.previous()), info);
            if (held instanceof PimWriter.Held.Same same) {
                state.put(j.key(), new PimState.Entry(same.stored(), j.fingerprint()));
                recorded.put(j.key(), j.previous().isEmpty());
                info.accept(j.item().describe() + ": written by an interrupted run, found at the destination and recorded");
            } else {
                state.dropJournal(j.key());
            }
        }
        return recorded;
    }
}
