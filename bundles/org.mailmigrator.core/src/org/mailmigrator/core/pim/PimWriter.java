package org.mailmigrator.core.pim;

import java.util.List;
import java.util.Optional;

import org.mailmigrator.core.spi.ConnectorException;

/** A destination session's capability: creates and updates calendar, task and contact items. */
public interface PimWriter {

    /**
     * Creates the item, or updates it when {@code previous} (what an earlier run stored) is given. Must not
     * create a second copy of an item whose UID the destination already holds, even without
     * {@code previous} (the state store may be new): destinations find items by UID.
     *
     * @return where the item now is, and the notes the report must carry (e.g. "2 e-mail addresses beyond
     *         Exchange's three were put in the notes")
     * @throws ConnectorException.ItemFailure when this item was refused; other items go on
     */
    Written write(PimItem item, Optional<Stored> previous) throws ConnectorException;

    /**
     * What the destination holds under this item's identity (its UID in its collection, or {@code previous}), read
     * without writing anything: how a journal entry left by a crash is resolved before anything is written again.
     * The default answers {@link Held.Unknown}: the item is then written again, which {@link #write} must make
     * harmless (found by UID, never a second copy).
     */
    default Held held(PimItem item, Optional<Stored> previous) throws ConnectorException {
        return new Held.Unknown();
    }

    /** What {@link #held} found. */
    sealed interface Held {
        /** Nothing under this identity: the write did not happen. */
        record Absent() implements Held {
        }

        /** This very content (compared as the destination compares it): the write happened. */
        record Same(Stored stored) implements Held {
        }

        /** Other content: the write did not happen, or someone changed the item since. */
        record Other(Stored stored) implements Held {
        }

        /** The destination cannot tell. */
        record Unknown() implements Held {
        }
    }

    /**
     * The outcome of one write.
     *
     * @param unchanged the destination already held this very content (found by UID without a state entry,
     *                  e.g. the same server reached through another URL): nothing was rewritten
     */
    record Written(Stored stored, boolean created, List<String> notes, boolean unchanged) {
        public Written {
            notes = List.copyOf(notes);
        }

        public Written(Stored stored, boolean created, List<String> notes) {
            this(stored, created, notes, false);
        }
    }
}
