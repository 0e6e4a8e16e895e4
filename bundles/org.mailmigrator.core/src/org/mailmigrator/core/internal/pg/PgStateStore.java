package org.mailmigrator.core.internal.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
                    return new FolderState(rs.getLong(1), source, destination, rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8));
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
            ps.setString(1, s.srcEpoch());
            ps.setString(2, s.dstEpoch());
            ps.setString(3, s.srcPosition());
            ps.setString(4, s.srcChangeToken());
            ps.setString(5, s.dstPosition());
            ps.setLong(6, s.dstMessages());
            ps.setString(7, s.dstChangeToken());
            ps.setLong(8, s.id());
            ps.setString(9, store);
            ps.executeUpdate();
        }
    }

    @Override
    public synchronized Map<String, CopiedMessage> copied(long folderId) throws StateException {
        return db.tx("read copied messages", c -> {
            Map<String, CopiedMessage> map = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select src_id, dst_id, fp, flags from mail_copied where pair = ?")) {
                ps.setLong(1, folderId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        map.put(rs.getString(1), new CopiedMessage(rs.getString(1), rs.getString(2), rs.getString(3),
                                parseFlags(rs.getString(4))));
                    }
                }
            }
            return map;
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
                for (JournalEntry e : entries) {
                    ps.setLong(1, folderId);
                    ps.setString(2, e.srcId());
                    ps.setString(3, e.fingerprint());
                    ps.setString(4, e.dstPosition());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public synchronized List<JournalEntry> journal(long folderId) throws StateException {
        return db.tx("read journal", c -> {
            List<JournalEntry> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select src_id, fp, dst_position from mail_journal where pair = ? order by src_id collate \"C\"")) {
                ps.setLong(1, folderId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new JournalEntry(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            return list;
        });
    }

    @Override
    public synchronized void recordCopied(FolderState state, Collection<CopiedMessage> copied) throws StateException {
        db.tx("record copies", c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into mail_copied(pair, src_id, dst_id, fp, flags) "
                    + "values (?, ?, ?, ?, ?) on conflict (pair, src_id) do update set dst_id = excluded.dst_id, "
                    + "fp = excluded.fp, flags = excluded.flags");
                    PreparedStatement del = c.prepareStatement("delete from mail_journal where pair = ? and src_id = ?")) {
                for (CopiedMessage m : copied) {
                    ps.setLong(1, state.id());
                    ps.setString(2, m.srcId());
                    ps.setString(3, m.dstId());
                    ps.setString(4, m.fingerprint());
                    ps.setString(5, String.join(" ", new TreeSet<>(m.flags())));
                    ps.addBatch();
                    del.setLong(1, state.id());
                    del.setString(2, m.srcId());
                    del.addBatch();
                }
                ps.executeBatch();
                del.executeBatch();
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
                for (String id : srcIds) {
                    ps.setLong(1, folderId);
                    ps.setString(2, id);
                    ps.addBatch();
                }
                ps.executeBatch();
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

    private static Set<String> parseFlags(String text) {
        return text == null || text.isBlank() ? Set.of() : Set.of(text.split(" "));
    }

    @Override
    public synchronized void close() {
        db.close();
    }
}
