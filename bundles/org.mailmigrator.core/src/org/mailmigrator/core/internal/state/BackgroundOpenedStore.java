package org.mailmigrator.core.internal.state;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.mailmigrator.core.state.CopiedMessage;
import org.mailmigrator.core.state.FolderState;
import org.mailmigrator.core.state.JournalEntry;
import org.mailmigrator.core.state.StateException;
import org.mailmigrator.core.state.StateStore;

/**
 * Opens the H2 store on a background thread and waits for it at first use: in a fresh JVM, starting H2
 * takes about as long as logging in to both servers, and a no-op resync should pay for only one of them.
 */
public final class BackgroundOpenedStore implements StateStore {
    private final CompletableFuture<H2StateStore> opening;

    public BackgroundOpenedStore(Path dir, String name) {
        opening = CompletableFuture.supplyAsync(() -> {
            try {
                return H2StateStore.open(dir, name);
            } catch (StateException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private H2StateStore store() throws StateException {
        try {
            return opening.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateException("interrupted while opening the state store", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause() instanceof IllegalStateException i && i.getCause() != null ? i.getCause() : e.getCause();
            if (c instanceof StateException s) {
                throw s;
            }
            throw new StateException("cannot open the state store: " + c, c);
        }
    }

    @Override
    public FolderState folder(String source, String destination) throws StateException {
        return store().folder(source, destination);
    }

    @Override
    public void saveFolder(FolderState state) throws StateException {
        store().saveFolder(state);
    }

    @Override
    public Map<Long, CopiedMessage> copied(long folderId) throws StateException {
        return store().copied(folderId);
    }

    @Override
    public void resetFolder(long folderId) throws StateException {
        store().resetFolder(folderId);
    }

    @Override
    public void addJournal(long folderId, Collection<JournalEntry> entries) throws StateException {
        store().addJournal(folderId, entries);
    }

    @Override
    public List<JournalEntry> journal(long folderId) throws StateException {
        return store().journal(folderId);
    }

    @Override
    public void recordCopied(FolderState state, Collection<CopiedMessage> copied) throws StateException {
        store().recordCopied(state, copied);
    }

    @Override
    public void clearJournal(long folderId) throws StateException {
        store().clearJournal(folderId);
    }

    @Override
    public void forget(long folderId, Collection<Long> srcUids) throws StateException {
        store().forget(folderId, srcUids);
    }

    @Override
    public void close() {
        try {
            store().close();
        } catch (StateException e) {
            // never opened: nothing to close
        }
    }
}
