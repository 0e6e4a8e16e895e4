package org.mailmigrator.core.internal.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mailmigrator.core.state.CopiedMessage;
import org.mailmigrator.core.state.FolderState;
import org.mailmigrator.core.state.JournalEntry;

/**
 * The mail tables' rows as the engine's records, shared by the embedded store and the PostgreSQL one
 * ({@code core.internal.pg}): both have the same columns in the same order, and differ only in their SQL
 * (H2's {@code merge}, PostgreSQL's {@code on conflict}, a {@code store} column) and in how they connect.
 */
public final class MailRows {
    private MailRows() {
    }

    /** A folder state from {@code id, src_epoch, dst_epoch, src_position, src_token, dst_position, dst_messages, dst_token}. */
    public static FolderState folder(ResultSet rs, String source, String destination) throws SQLException {
        return new FolderState(rs.getLong(1), source, destination, rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8));
    }

    /** Parameters 1–8 of an update: {@code src_epoch, dst_epoch, src_position, src_token, dst_position, dst_messages, dst_token} and the id. */
    public static void setFolder(PreparedStatement ps, FolderState s) throws SQLException {
        ps.setString(1, s.srcEpoch());
        ps.setString(2, s.dstEpoch());
        ps.setString(3, s.srcPosition());
        ps.setString(4, s.srcChangeToken());
        ps.setString(5, s.dstPosition());
        ps.setLong(6, s.dstMessages());
        ps.setString(7, s.dstChangeToken());
        ps.setLong(8, s.id());
    }

    /** Runs a query for {@code src_id, dst_id, fp, flags} of folder pair {@code pair} (its one parameter). */
    public static Map<String, CopiedMessage> copied(PreparedStatement ps, long pair) throws SQLException {
        Map<String, CopiedMessage> map = new HashMap<>();
        ps.setLong(1, pair);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                map.put(rs.getString(1), new CopiedMessage(rs.getString(1), rs.getString(2), rs.getString(3),
                        H2StateStore.Flags.parse(rs.getString(4))));
            }
        }
        return map;
    }

    /** Runs a one-number query (a count) of each folder pair in turn (its one parameter), in the order given. */
    public static List<Long> counts(PreparedStatement ps, List<Long> pairs) throws SQLException {
        List<Long> out = new ArrayList<>(pairs.size());
        for (long pair : pairs) {
            ps.setLong(1, pair);
            try (ResultSet rs = ps.executeQuery()) {
                out.add(rs.next() ? rs.getLong(1) : 0L);
            }
        }
        return out;
    }

    /** Runs a query for {@code src_id, fp, dst_position} of folder pair {@code pair} (its one parameter). */
    public static List<JournalEntry> journal(PreparedStatement ps, long pair) throws SQLException {
        List<JournalEntry> list = new ArrayList<>();
        ps.setLong(1, pair);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                list.add(new JournalEntry(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return list;
    }

    /** Batches {@code (pair, src_id, fp, dst_position)} for each entry and runs them. */
    public static void addJournal(PreparedStatement ps, long pair, Collection<JournalEntry> entries) throws SQLException {
        for (JournalEntry e : entries) {
            ps.setLong(1, pair);
            ps.setString(2, e.srcId());
            ps.setString(3, e.fingerprint());
            ps.setString(4, e.dstPosition());
            ps.addBatch();
        }
        ps.executeBatch();
    }

    /**
     * Batches {@code (pair, src_id, dst_id, fp, flags)} into {@code upsert} and {@code (pair, src_id)} into the
     * journal's {@code delete} (when not null: a caller that drops the whole journal passes none) for each copy,
     * and runs both.
     */
    public static void recordCopies(PreparedStatement upsert, PreparedStatement delete, long pair,
            Collection<CopiedMessage> copied) throws SQLException {
        for (CopiedMessage m : copied) {
            upsert.setLong(1, pair);
            upsert.setString(2, m.srcId());
            upsert.setString(3, m.dstId());
            upsert.setString(4, m.fingerprint());
            upsert.setString(5, H2StateStore.Flags.format(m.flags()));
            upsert.addBatch();
            if (delete != null) {
                delete.setLong(1, pair);
                delete.setString(2, m.srcId());
                delete.addBatch();
            }
        }
        upsert.executeBatch();
        if (delete != null) {
            delete.executeBatch();
        }
    }

    /** Batches {@code (pair, src_id)} for each id into a delete and runs it. */
    public static void forget(PreparedStatement ps, long pair, Collection<String> srcIds) throws SQLException {
        for (String id : srcIds) {
            ps.setLong(1, pair);
            ps.setString(2, id);
            ps.addBatch();
        }
        ps.executeBatch();
    }
}
