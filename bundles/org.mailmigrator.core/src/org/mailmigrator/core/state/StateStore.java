package org.mailmigrator.core.state;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The engine's memory of one account pair. Each method is one transaction: after it returns, its effect
 * survives a crash as a whole or not at all; except {@link #saveFolder}, which a store may keep until its next write
 * (committed before it, in the same transaction), {@link #flush} or {@link #close}. Thread-safe: folder pairs run in
 * parallel.
 */
public interface StateStore extends AutoCloseable {

    /** The state of a folder pair, created empty on first use. */
    FolderState folder(String source, String destination) throws StateException;

    /**
     * The states of many folder pairs (source, destination), in the order asked: {@link #folder} of each, the missing
     * ones created together (one commit where the store can).
     */
    default List<FolderState> folders(List<Map.Entry<String, String>> pairs) throws StateException {
        List<FolderState> out = new java.util.ArrayList<>();
        for (Map.Entry<String, String> p : pairs) {
            out.add(folder(p.getKey(), p.getValue()));
        }
        return out;
    }

    /**
     * Saves a folder's state. A store may keep it until its next write, {@link #flush} or {@link #close}: lost to a
     * crash, the folder's state is an older one, which costs the next pass a look at the folder, never a message; a
     * later write never reaches the disk without it. Reads see it at once.
     */
    void saveFolder(FolderState state) throws StateException;

    /** Writes the folder states {@link #saveFolder} kept; the engine calls it before another run may write. */
    default void flush() throws StateException {
        // a store that writes each state when saved keeps nothing
    }

    /** Source message id to copy record. */
    Map<String, CopiedMessage> copied(long folderId) throws StateException;

    /**
     * How many copy records each folder pair holds, in the order asked: what {@link #copied} would hold, counted
     * without reading the records (one read where the store can). Counts before and after a pass use it.
     */
    default List<Long> copiedCounts(List<Long> folderIds) throws StateException {
        List<Long> out = new java.util.ArrayList<>();
        for (long id : folderIds) {
            out.add((long) copied(id).size());
        }
        return out;
    }

    /** Forgets the UID map and journal of a folder pair (an epoch changed). */
    void resetFolder(long folderId) throws StateException;

    /** Records writes about to happen. */
    void addJournal(long folderId, Collection<JournalEntry> entries) throws StateException;

    List<JournalEntry> journal(long folderId) throws StateException;

    /**
     * Records copies (inserting or replacing by source id), removes their journal entries and stores the
     * folder state, all in one transaction.
     */
    void recordCopied(FolderState state, Collection<CopiedMessage> copied) throws StateException;

    /**
     * What a batch does when it ends: records its copies, stores the folder state and drops the folder's whole
     * journal (the entries of messages not copied too), all in one transaction. The same as
     * {@link #recordCopied} then {@link #clearJournal}, in one commit and without a journal delete per copy.
     */
    default void recordBatch(FolderState state, Collection<CopiedMessage> copied) throws StateException {
        recordCopied(state, copied);
        clearJournal(state.id());
    }

    /** Drops journal entries whose writes failed or never happened. */
    void clearJournal(long folderId) throws StateException;

    /** Forgets copy records (the mirror option removed them from the destination). */
    void forget(long folderId, Collection<String> srcIds) throws StateException;

    @Override
    void close();

    /**
     * The embedded store of one account pair: the H2 file {@code <dir>/<name>.mv.db}. Every call has a deadline
     * (120 s): a store that stops answering ends the run with a message naming the file, never a hang.
     */
    static StateStore openEmbedded(java.nio.file.Path dir, String name) throws StateException {
        return org.mailmigrator.core.internal.state.WatchedStore.h2(dir, name).awaitOpen();
    }

    /**
     * The same store, opened in the background while the caller connects to its servers; a failure to open
     * it is thrown by the first method that needs it.
     */
    static StateStore openEmbeddedInBackground(java.nio.file.Path dir, String name) {
        return org.mailmigrator.core.internal.state.WatchedStore.h2(dir, name);
    }
}
