package org.mailmigrator.core.internal.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.mailmigrator.core.internal.state.MailRows;
import org.mailmigrator.core.state.CopiedMessage;
import org.mailmigrator.core.state.FolderState;
import org.mailmigrator.core.state.JournalEntry;
import org.mailmigrator.core.state.StateException;
import org.mailmigrator.core.state.StateStore;

/**
 * The mail state of one account pair ({@code store} = its name) in the shared PostgreSQL database: the embedded
 * store's semantics (each method one transaction; {@code recordCopied} records the copies, drops their journal
 * entries and saves the folder state in one commit), through one {@link PgSession} used under this object's lock.
 * PostgreSQL commits are durable when they return, so the journal written before a destination write is on disk.
 */
public final class PgStateStore implements StateStore {
    private final PgSession db;
    private final String store;

    PgStateStore(PgSession db, String store) {
        this.db = db;
        this.store = store;
    }

    @Override
    public synchronized FolderState folder(String source, String destination) throws StateException {
        return db.tx("read folder " + source, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into mail_pair(store, src, dst) values (?, ?, ?) "
                    + "on conflict (store, src, dst) do nothing")) {
                ps.setString(1, store);
                ps.setString(2, source);
                ps.setString(3, destination);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("select id, src_epoch, dst_epoch, src_position, src_token, "
                    + "dst_position, dst_messages, dst_token from mail_pair where store = ? and src = ? and dst = ?")) {
                ps.setString(1, store);
                ps.setString(2, source);
                ps.setString(3, destination);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return MailRows.folder(rs, source, destination);
                }
            }
        });
    }

    @Override
    public synchronized void saveFolder(FolderState s) throws StateException {
        db.tx("save folder " + s.source(), c -> {
            writeFolder(c, s);
            return null;
        });
    }

    private void writeFolder(Connection c, FolderState s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update mail_pair set src_epoch = ?, dst_epoch = ?, "
                + "src_position = ?, src_token = ?, dst_position = ?, dst_messages = ?, dst_token = ? "
                + "where id = ? and store = ?")) {
            MailRows.setFolder(ps, s);
            ps.setString(9, store);
            ps.executeUpdate();
        }
    }

    @Override
    public synchronized Map<String, CopiedMessage> copied(long folderId) throws StateException {
        return db.tx("read copied messages", c -> {
            try (PreparedStatement ps = c.prepareStatement("select src_id, dst_id, fp, flags from mail_copied where pair = ?")) {
                return MailRows.copied(ps, folderId);
            }
        });
    }

    @Override
    public synchronized List<Long> copiedCounts(List<Long> folderIds) throws StateException {
        return db.tx("count copied messages", c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from mail_copied where pair = ?")) {
                return MailRows.counts(ps, folderIds);
            }
        });
    }

    @Override
    public synchronized void resetFolder(long folderId) throws StateException {
        db.tx("reset folder", c -> {
            update(c, "delete from mail_copied where pair = ?", folderId);
            update(c, "delete from mail_journal where pair = ?", folderId);
            return null;
        });
    }

    @Override
    public synchronized void addJournal(long folderId, Collection<JournalEntry> entries) throws StateException {
        db.tx("write journal", c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into mail_journal(pair, src_id, fp, dst_position) "
                    + "values (?, ?, ?, ?) on conflict (pair, src_id) do update set fp = excluded.fp, "
                    + "dst_position = excluded.dst_position")) {
                MailRows.addJournal(ps, folderId, entries);
            }
            return null;
        });
    }

    @Override
    public synchronized List<JournalEntry> journal(long folderId) throws StateException {
        return db.tx("read journal", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select src_id, fp, dst_position from mail_journal where pair = ? order by src_id collate \"C\"")) {
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
        db.tx("record copies", c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into mail_copied(pair, src_id, dst_id, fp, flags) "
                    + "values (?, ?, ?, ?, ?) on conflict (pair, src_id) do update set dst_id = excluded.dst_id, "
                    + "fp = excluded.fp, flags = excluded.flags");
                    PreparedStatement del = wholeJournal ? null
                            : c.prepareStatement("delete from mail_journal where pair = ? and src_id = ?")) {
                MailRows.recordCopies(ps, del, state.id(), copied);
            }
            if (wholeJournal) {
                update(c, "delete from mail_journal where pair = ?", state.id());
            }
            writeFolder(c, state);
            return null;
        });
    }

    @Override
    public synchronized void clearJournal(long folderId) throws StateException {
        db.tx("clear journal", c -> update(c, "delete from mail_journal where pair = ?", folderId));
    }

    @Override
    public synchronized void forget(long folderId, Collection<String> srcIds) throws StateException {
        db.tx("forget copies", c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from mail_copied where pair = ? and src_id = ?")) {
                MailRows.forget(ps, folderId, srcIds);
            }
            return null;
        });
    }

    private static Void update(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
        return null;
    }

    @Override
    public synchronized void close() {
        db.close();
    }
}
