package org.mailmigrator.core.internal.state;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.mailmigrator.core.state.CopiedMessage;
import org.mailmigrator.core.state.FolderState;
import org.mailmigrator.core.state.JournalEntry;
import org.mailmigrator.core.state.StateException;
import org.mailmigrator.core.state.StateStore;

/**
 * A state store whose every call has a deadline: the calls run on one thread of their own (the opening first,
 * so the store opens in the background while the engine logs in), and a call that does not return in time
 * ends the run with a message naming the file instead of hanging it (issue 11: a store damaged by a SIGKILL
 * once made every later run spin forever). The stuck thread is a daemon: it cannot keep the JVM alive.
 */
public final class WatchedStore implements StateStore {
    /** Seconds a single call may take; a system property for tests, generous by default. */
    static final String TIMEOUT_PROPERTY = "mailmigrator.state.timeout.seconds";

    /** What the watched thread does with the store. */
    public interface Call<T> {
        T run(StateStore store) throws StateException;
    }

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mailmigrator-state");
        t.setDaemon(true);
        return t;
    });
    private final Future<StateStore> opening;
    private final String file;
    private final Duration limit;
    private volatile String stuck;

    public WatchedStore(Path file, Duration limit, java.util.concurrent.Callable<StateStore> open) {
        this(file.toString(), limit, open);
    }

    /** A store named {@code where} in messages (a file, or a database store's URL without password and pair). */
    public WatchedStore(String where, Duration limit, java.util.concurrent.Callable<StateStore> open) {
        this.file = where;
        this.limit = limit;
        this.opening = worker.submit(open);
    }

    /** The embedded H2 store {@code <dir>/<name>.mv.db} under the default deadline. */
    public static WatchedStore h2(Path dir, String name) {
        return new WatchedStore(dir.resolve(name + ".mv.db"), deadline(), () -> H2StateStore.open(dir, name));
    }

    /** The deadline of every call: {@link #TIMEOUT_PROPERTY} seconds, 120 by default. */
    public static Duration deadline() {
        return Duration.ofSeconds(Long.getLong(TIMEOUT_PROPERTY, 120));
    }

    /** Waits for the opening (within the deadline): a store that cannot be opened fails here. */
    public WatchedStore awaitOpen() throws StateException {
        try {
            call("open", s -> null);
        } catch (StateException e) {
            worker.shutdown();
            throw e;
        }
        return this;
    }

    private <T> T call(String what, Call<T> call) throws StateException {
        if (stuck != null) {
            throw new StateException(stuck, null);
        }
        Future<T> f;
        try {
            f = worker.submit(() -> call.run(opened()));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new StateException("the state store " + file + " is closed", e);
        }
        try {
            return f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            stuck = "the state store " + file + " did not answer within " + limit.toSeconds() + " s (" + what
                    + "); the run stops. If this happens again, the file may be damaged: move it away and run again "
                    + "(the destination is then matched message by message, nothing is copied twice)";
            throw new StateException(stuck, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateException("interrupted while waiting for the state store", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StateException s) {
                throw s;
            }
            throw new StateException("state store " + file + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Runs on the worker thread, after the opening task: never waits. */
    private StateStore opened() throws StateException {
        try {
            return opening.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateException("interrupted while opening the state store", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StateException s) {
                throw s;
            }
            throw new StateException("cannot open the state store " + file + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    @Override
    public FolderState folder(String source, String destination) throws StateException {
        return call("read folder " + source, s -> s.folder(source, destination));
    }

    @Override
    public void saveFolder(FolderState state) throws StateException {
        call("save folder " + state.source(), s -> {
            s.saveFolder(state);
            return null;
        });
    }

    @Override
    public List<FolderState> folders(List<Map.Entry<String, String>> pairs) throws StateException {
        return call("read " + pairs.size() + " folders", s -> s.folders(pairs));
    }

    @Override
    public void flush() throws StateException {
        call("save folders", s -> {
            s.flush();
            return null;
        });
    }

    @Override
    public Map<String, CopiedMessage> copied(long folderId) throws StateException {
        return call("read copied messages", s -> s.copied(folderId));
    }

    @Override
    public List<Long> copiedCounts(List<Long> folderIds) throws StateException {
        return call("count copied messages", s -> s.copiedCounts(folderIds));
    }

    @Override
    public void resetFolder(long folderId) throws StateException {
        call("reset folder", s -> {
            s.resetFolder(folderId);
            return null;
        });
    }

    @Override
    public void addJournal(long folderId, Collection<JournalEntry> entries) throws StateException {
        call("write journal", s -> {
            s.addJournal(folderId, entries);
            return null;
        });
    }

    @Override
    public List<JournalEntry> journal(long folderId) throws StateException {
        return call("read journal", s -> s.journal(folderId));
    }

    @Override
    public void recordCopied(FolderState state, Collection<CopiedMessage> copied) throws StateException {
        call("record copies", s -> {
            s.recordCopied(state, copied);
            return null;
        });
    }

    @Override
    public void recordBatch(FolderState state, Collection<CopiedMessage> copied) throws StateException {
        call("record copies", s -> {
            s.recordBatch(state, copied);
            return null;
        });
    }

    @Override
    public void clearJournal(long folderId) throws StateException {
        call("clear journal", s -> {
            s.clearJournal(folderId);
            return null;
        });
    }

    @Override
    public void forget(long folderId, Collection<String> srcIds) throws StateException {
        call("forget copies", s -> {
            s.forget(folderId, srcIds);
            return null;
        });
    }

    @Override
    public void close() {
        try {
            if (stuck == null) {
                call("close", s -> {
                    s.close();
                    return null;
                });
            }
        } catch (StateException e) {
            // never opened, or stuck while closing: nothing more can be saved
        } finally {
            worker.shutdown();
        }
    }
}
