package org.mailmigrator.core.pim;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.mailmigrator.core.internal.state.H2PimState;
import org.mailmigrator.core.state.StateException;

/**
 * What earlier runs stored about calendar, task and contact items, kept in the same embedded state store file as
 * the mail state of the account pair (its own tables), with the same discipline as mail: a {@link Journaled journal
 * entry} is committed before each destination write and removed in the transaction that records the copy, so an entry
 * found at start-up names a write whose outcome is unknown, which is resolved by looking at the destination.
 * Every method is one transaction.
 */
public interface PimState extends AutoCloseable {

    /** A copy recorded by an earlier run: where it is and the fingerprint of the source text that was sent. */
    record Entry(Stored stored, String fingerprint) {
    }

    /**
     * A destination write about to happen: the item as sent (its text, so that what the destination holds can be
     * compared with it after a crash), its fingerprint, and what an earlier run had stored, if anything.
     */
    record Journaled(PimItem item, String fingerprint, Optional<Stored> previous) {
        public String key() {
            return item.key();
        }
    }

    Optional<Entry> find(String key) throws StateException;

    /** Commits a journal entry for a write about to be sent (replacing an older one of the same key). */
    void journal(Journaled entry) throws StateException;

    /** The journal entries left by runs that stopped between a write and its record, oldest first. */
    List<Journaled> journal() throws StateException;

    /** Records a copy and removes its journal entry, in one transaction. */
    void put(String key, Entry entry) throws StateException;

    /** Removes a journal entry whose write was refused, or that was resolved without a record. */
    void dropJournal(String key) throws StateException;

    @Override
    void close() throws StateException;

    /**
     * Opens (creating when missing) the state store {@code <dir>/<name>.mv.db}: the same file as
     * {@code StateStore.openEmbedded(dir, name)}. Open it after the mail store of the same file was closed, or
     * while it is open in the same process (never after: closing the mail store shuts the file down).
     */
    static PimState openEmbedded(Path dir, String name) throws StateException {
        return H2PimState.open(dir, name, List.of());
    }

    /**
     * As {@link #openEmbedded(Path, String)}, first importing the PIM records of files earlier versions kept apart
     * ({@code <dir>/<former>.mv.db}, e.g. {@code ID-calendar}): their rows are copied where the store has none for the
     * key, and the former file is renamed {@code <former>.mv.db.imported} so that it is read once.
     */
    static PimState openEmbedded(Path dir, String name, List<String> formerNames) throws StateException {
        return H2PimState.open(dir, name, formerNames);
    }
}
