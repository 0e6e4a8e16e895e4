package org.mailmigrator.core.internal.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.mailmigrator.core.state.CopiedMessage;
import org.mailmigrator.core.state.FolderState;
import org.mailmigrator.core.state.JournalEntry;
import org.mailmigrator.core.state.StateException;
import org.mailmigrator.core.state.StateStore;

/**
 * The state of one account pair in an embedded H2 database file. One JDBC connection, used under this
 * object's lock: H2 is fast enough embedded, and one connection keeps every method one transaction.
 * Durability of the very last commits is not relied upon: the engine re-checks the destination from its
 * recorded position on every run, so a commit lost to SIGKILL costs a look, never a duplicate.
 * <p>
 * Each commit is whole on disk: {@link StoreFile#URL_OPTIONS} sets {@code WRITE_DELAY=0}, so H2 writes each commit in the
 * committing thread once the commit is complete. With H2's default background writer, a snapshot can be taken while a
 * commit is half applied, and H2 snapshots each table's map on its own (h2database issue #2080): a SIGKILL
 * then left a batch's copies recorded with their journal entries still present (seen once in CI by
 * {@code StateStoreFaultsTest}). And each commit is appended ({@code REUSE_SPACE=FALSE}), so that the next process
 * finds it after a SIGKILL ({@link StoreFile}).
 * <p>
 * A folder state saved alone ({@link #saveFolder}) is kept until the next write, which commits it first in the same
 * transaction, or until {@link #flush} or {@link #close}: a commit each was 7 % of a batch of small mailboxes' CPU
 * (38 folders a row). Lost to a crash, it is an older state of the folder, which the engine handles as it handles
 * a commit lost to SIGKILL (a look, never a message); and no write can overtake it.
 */
public final class H2StateStore implements StateStore {
    private final Connection db;
    /** Folder states saved and not written yet, by folder id ({@link #saveFolder}). */
    private final Map<Long, FolderState> pending = new java.util.LinkedHashMap<>();

    private H2StateStore(Connection db) {
        this.db = db;
    }

    /** Opens (creating when missing) the store {@code <dir>/<name>.mv.db}. */
    public static H2StateStore open(Path dir, String name) throws StateException {
        try {
            Files.createDirectories(dir);
            Connection c = StoreFile.connect(dir, name);
            Schema.create(c);
            return new H2StateStore(c);
        } catch (Exception e) {
            String full = DiskFull.message(e, dir.resolve(name + ".mv.db"));
            throw new StateException(full != null ? full : "cannot open the state store " + dir.resolve(name + ".mv.db")
                    + ": " + e.getMessage() + " (is another run of this account pair still going?)", e);
        }
    }

    @Override
    public synchronized FolderState folder(String source, String destination) throws StateException {
        FolderState found = tx("read folder " + source, () -> find(source, destination));
        return found != null ? found : folders(List.of(Map.entry(source, destination))).get(0);
    }

    /** The missing ones made in one write. */
    @Override
    public synchronized List<FolderState> folders(List<Map.Entry<String, String>> pairs) throws StateException {
        List<FolderState> out = new java.util.ArrayList<>();
        List<Map.Entry<String, String>> missing = new java.util.ArrayList<>();
        tx("read folders", () -> {
            for (Map.Entry<String, String> p : pairs) {
                FolderState found = find(p.getKey(), p.getValue());
                out.add(found);
                if (found == null) {
                    missing.add(p);
                }
            }
            return null;
        });
        if (missing.isEmpty()) {
            return out;
        }
        return write("create folders", () -> {
            try (PreparedStatement ps = db.prepareStatement("insert into mail_pair(id, src, dst) values ((select "
                    + "coalesce(max(id), 0) + 1 from mail_pair), ?, ?)")) {
                for (Map.Entry<String, String> p : new java.util.LinkedHashSet<>(missing)) {
                    ps.setString(1, p.getKey());
                    ps.setString(2, p.getValue());
                    ps.executeUpdate();
                }
            }
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i) == null) {
                    out.set(i, find(pairs.get(i).getKey(), pairs.get(i).getValue()));
                }
            }
            return out;
        });
    }

    /** The folder's state as last saved: a saved one not written yet is the newest. */
    private FolderState find(String source, String destination) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("select id, src_epoch, dst_epoch, src_position, "
                + "src_token, dst_position, dst_messages, dst_token from mail_pair where src = ? and dst = ?")) {
            ps.setString(1, source);
            ps.setString(2, destination);
            try (ResultSet rs = ps.executeQuery()) {
                FolderState found = rs.next() ? MailRows.folder(rs, source, destination) : null;
                return found == null ? null : pending.getOrDefault(found.id(), found);
            }
        }
    }

    /** Kept, and written with the next write, at {@link #flush} or at {@link #close} (see the class comment). */
    @Override
    public synchronized void saveFolder(FolderState s) {
        pending.remove(s.id()); // in the order saved: the next write writes them in that order
        pending.put(s.id(), s);
    }

    @Override
    public synchronized void flush() throws StateException {
        if (!pending.isEmpty()) {
            write("save folders", () -> null);
        }
    }

    private void writeFolder(FolderState s) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("update mail_pair set src_epoch = ?, dst_epoch = ?, "
                + "src_position = ?, src_token = ?, dst_position = ?, dst_messages = ?, dst_token = ? where id = ?")) {
            MailRows.setFolder(ps, s);
            ps.executeUpdate();
        }
    }

    @Override
    public synchronized Map<String, CopiedMessage> copied(long folderId) throws StateException {
        return tx("read copied messages", () -> {
            try (PreparedStatement ps = db.prepareStatement("select src_id, dst_id, fp, flags from mail_copied where pair = ?")) {
                return MailRows.copied(ps, folderId);
            }
        });
    }

    @Override
    public synchronized List<Long> copiedCounts(List<Long> folderIds) throws StateException {
        return tx("count copied messages", () -> {
            try (PreparedStatement ps = db.prepareStatement("select count(*) from mail_copied where pair = ?")) {
                return MailRows.counts(ps, folderIds);
            }
        });
    }

    @Override
    public synchronized void resetFolder(long folderId) throws StateException {
        write("reset folder", () -> {
            update("delete from mail_copied where pair = ?", folderId);
            update("delete from mail_journal where pair = ?", folderId);
            return null;
        });
    }

    @Override
    public synchronized void addJournal(long folderId, Collection<JournalEntry> entries) throws StateException {
        write("write journal", () -> {
            try (PreparedStatement ps = db.prepareStatement("merge into mail_journal(pair, src_id, fp, dst_position) "
                    + "key(pair, src_id) values (?, ?, ?, ?)")) {
                MailRows.addJournal(ps, folderId, entries);
            }
            return null;
        });
    }

    @Override
    public synchronized List<JournalEntry> journal(long folderId) throws StateException {
        return tx("read journal", () -> {
            try (PreparedStatement ps = db.prepareStatement(
                    "select src_id, fp, dst_position from mail_journal where pair = ? order by src_id")) {
                return MailRows.journal(ps, folderId);
            }
        });
    }

    @Override
    public synchronized void recordCopied(FolderState state, Collection<CopiedMessage> copied) throws StateException {
        record(state, copied, false);
    }

    @Override
    public synchronized void recordBatch(FolderState state, Collection<CopiedMessage> copied) throws StateException {
        record(state, copied, true);
    }

    /** The copies and the folder state; the copies' journal entries, or the folder's whole journal. */
    private void record(FolderState state, Collection<CopiedMessage> copied, boolean wholeJournal) throws StateException {
        write("record copies", () -> {
            try (PreparedStatement ps = db.prepareStatement("merge into mail_copied(pair, src_id, dst_id, fp, flags) "
                    + "key(pair, src_id) values (?, ?, ?, ?, ?)");
                    PreparedStatement del = wholeJournal ? null
                            : db.prepareStatement("delete from mail_journal where pair = ? and src_id = ?")) {
                MailRows.recordCopies(ps, del, state.id(), copied);
            }
            if (wholeJournal) {
                update("delete from mail_journal where pair = ?", state.id());
            }
            writeFolder(state);
            return null;
        });
    }

    @Override
    public synchronized void clearJournal(long folderId) throws StateException {
        write("clear journal", () -> update("delete from mail_journal where pair = ?", folderId));
    }

    @Override
    public synchronized void forget(long folderId, Collection<String> srcIds) throws StateException {
        write("forget copies", () -> {
            try (PreparedStatement ps = db.prepareStatement("delete from mail_copied where pair = ? and src_id = ?")) {
                MailRows.forget(ps, folderId, srcIds);
            }
            return null;
        });
    }

    private Void update(String sql, long id) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
        return null;
    }

    private <T> T tx(String what, Transactions.Work<T> work) throws StateException {
        return Transactions.run(db, what, work);
    }

    /** A write: the folder states saved before it are written first, in the same commit. */
    private <T> T write(String what, Transactions.Work<T> work) throws StateException {
        T result = tx(what, () -> {
            for (FolderState s : pending.values()) {
                writeFolder(s);
            }
            return work.run();
        });
        pending.clear(); // committed (a failed commit keeps them for the next write)
        return result;
    }

    @Override
    public synchronized void close() {
        try {
            flush();
        } catch (StateException e) {
            // the folder states of this pass are lost: the next pass looks at those folders again, nothing more
        }
        try {
            StoreFile.shutdown(db);
        } catch (SQLException e) {
            // closing a store that failed already: nothing more to save
        }
    }

    /** Flags as one sorted, space-separated column. */
    static final class Flags {
        private Flags() {
        }

        static String format(Set<String> flags) {
            return String.join(" ", new TreeSet<>(flags));
        }

        static Set<String> parse(String text) {
            return text == null || text.isBlank() ? Set.of() : Set.of(text.split(" "));
        }
    }
}
