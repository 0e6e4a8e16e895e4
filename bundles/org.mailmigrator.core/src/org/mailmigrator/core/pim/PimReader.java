package org.mailmigrator.core.pim;

import java.util.List;

import org.mailmigrator.core.spi.ConnectorException;

/**
 * A source session's capability: every calendar, task and contact item it holds, handed over one at a time
 * (a reader never builds the list of a whole file or collection: memory does not grow with the item count).
 */
public interface PimReader {

    /** Receives the entries in source order; returning false stops the reading (the run ends early). */
    @FunctionalInterface
    interface Sink {
        boolean accept(PimEntry entry);
    }

    /**
     * Reads every item, giving each to {@code sink} as soon as it is read. A malformed item is a
     * {@link PimEntry.Malformed} entry, never an exception.
     *
     * @throws ConnectorException.AccountFailure when the source itself (file, folder) cannot be read
     */
    void read(Sink sink) throws ConnectorException;

    /**
     * What became of an item this reader gave, told as soon as it is known (before the sink returns): a source that
     * reads incrementally (a DAV sync-token, ETags) remembers only what arrived, so that an item not copied is read
     * again next run. Wrappers of a reader pass it on. The default ignores it.
     */
    default void outcome(PimOutcome outcome) {
    }

    /** A reader of entries already in memory (tests, small generated sources). */
    static PimReader of(List<PimEntry> entries) {
        List<PimEntry> copy = List.copyOf(entries);
        return sink -> {
            for (PimEntry e : copy) {
                if (!sink.accept(e)) {
                    return;
                }
            }
        };
    }
}
