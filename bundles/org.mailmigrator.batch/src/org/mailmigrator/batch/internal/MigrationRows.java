package org.mailmigrator.batch.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.core.engine.SkippedItem;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.MessageLimits;
import org.mailmigrator.core.model.Migration;
import org.mailmigrator.core.model.GmailOptions;
import org.mailmigrator.core.model.MigrationOptions;

/** The SQL of migrations, their states and skipped items. */
final class MigrationRows {
    static final List<String> SCHEMA = List.of(
            "create table if not exists batch(name varchar(64) primary key, concurrency int not null, "
                    + "per_host int not null, notify varchar(320), schedule bigint, created bigint not null, "
                    + "started bigint, finished bigint)",
            "create table if not exists migration(batch varchar(64) not null, idx int not null, id varchar(200) not null, "
                    + "src_connector varchar(64), src_settings varchar(1000000), src_cred varchar(300), "
                    + "dst_connector varchar(64), dst_settings varchar(1000000), dst_cred varchar(300), includes varchar(1000000), excludes varchar(1000000), "
                    + "folder_map varchar(1000000), mirror boolean, status varchar(32) not null, since bigint not null, time_in varchar(1000000), "
                    + "last_error varchar(1000000), copied bigint default 0, skipped bigint default 0, bytes bigint default 0, "
                    + "last_sync bigint, primary key(batch, id))",
            "create table if not exists secret(k varchar(300) primary key, batch varchar(64) not null, data varbinary not null)",
            "create table if not exists skipped(batch varchar(64) not null, migration varchar(200) not null, "
                    + "folder varchar(1000000), uid bigint, subject varchar(1000000), msg_date bigint, size bigint, reason varchar(1000000))",
            "create index if not exists skipped_idx on skipped(batch, migration)",
            // the item's own id (an IMAP UID in decimal, an Exchange ItemId, a file and line); added later
            "alter table skipped add column if not exists item_id varchar(1000000)",
            // calendar/contacts legs and the counts of their last pass; added later, hence ALTER for older stores
            "alter table migration add column if not exists pim varchar(1000000)",
            "alter table migration add column if not exists pim_summary varchar(1000000)",
            // item kinds, message limits and the row's own schedule (the migration editor); null: none
            "alter table migration add column if not exists kinds varchar(200)",
            "alter table migration add column if not exists since_ms bigint",
            "alter table migration add column if not exists before_ms bigint",
            "alter table migration add column if not exists max_size bigint",
            "alter table migration add column if not exists not_before bigint",
            // how a Gmail-like source's labels go (GmailOptions.encode); null or empty: the defaults
            "alter table migration add column if not exists gmail varchar(200)");

    private MigrationRows() {
    }

    static void insert(Connection db, BatchSpec b) throws SQLException {
        insert(db, b, 0);
    }

    /** Inserts the batch's migrations as Queued, numbered from {@code firstIdx} on. */
    static void insert(Connection db, BatchSpec b, int firstIdx) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("insert into migration(batch, idx, id, src_connector, "
                + "src_settings, src_cred, dst_connector, dst_settings, dst_cred, includes, excludes, folder_map, mirror, "
                + "status, since, time_in, pim, kinds, since_ms, before_ms, max_size, not_before, gmail) "
                + "values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            int i = firstIdx;
            for (Migration m : b.migrations()) {
                ps.setString(1, b.name());
                ps.setInt(2, i++);
                ps.setString(3, m.id());
                ps.setString(4, m.source().connectorId());
                ps.setString(5, Codec.map(m.source().settings()));
                ps.setString(6, m.source().credential().key());
                ps.setString(7, m.destination().connectorId());
                ps.setString(8, Codec.map(m.destination().settings()));
                ps.setString(9, m.destination().credential().key());
                ps.setString(10, Codec.list(m.options().includeFolders()));
                ps.setString(11, Codec.list(m.options().excludeFolders()));
                ps.setString(12, Codec.map(m.options().folderMap()));
                ps.setBoolean(13, m.options().mirrorDeletions());
                ps.setString(14, MigrationStatus.QUEUED.name());
                ps.setLong(15, b.created().toEpochMilli());
                ps.setString(16, "");
                ps.setString(17, PimRows.encode(b.pim(m.id())));
                setOptions(ps, 18, m.options());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Kinds, since, before, max size, not before, Gmail options: six parameters from {@code first}. */
    private static void setOptions(PreparedStatement ps, int first, MigrationOptions o) throws SQLException {
        ps.setString(first, String.join(",", o.kinds().stream().map(ItemKind::id).sorted().toList()));
        ps.setObject(first + 1, o.limits().since().map(Instant::toEpochMilli).orElse(null));
        ps.setObject(first + 2, o.limits().before().map(Instant::toEpochMilli).orElse(null));
        ps.setObject(first + 3, o.limits().maxSize().orElse(null));
        ps.setObject(first + 4, o.notBefore().map(Instant::toEpochMilli).orElse(null));
        ps.setString(first + 5, o.gmail().encode());
    }

    /**
     * Replaces what the migration editor changes: both accounts' connectors and settings, and the options.
     * Credential keys stay: a new password is a new sealed value under the same key.
     */
    static int update(Connection db, String batch, Migration m) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("update migration set src_connector = ?, src_settings = ?, "
                + "dst_connector = ?, dst_settings = ?, includes = ?, excludes = ?, folder_map = ?, mirror = ?, "
                + "kinds = ?, since_ms = ?, before_ms = ?, max_size = ?, not_before = ?, gmail = ? where batch = ? and id = ?")) {
            ps.setString(1, m.source().connectorId());
            ps.setString(2, Codec.map(m.source().settings()));
            ps.setString(3, m.destination().connectorId());
            ps.setString(4, Codec.map(m.destination().settings()));
            ps.setString(5, Codec.list(m.options().includeFolders()));
            ps.setString(6, Codec.list(m.options().excludeFolders()));
            ps.setString(7, Codec.map(m.options().folderMap()));
            ps.setBoolean(8, m.options().mirrorDeletions());
            setOptions(ps, 9, m.options());
            ps.setString(15, batch);
            ps.setString(16, m.id());
            return ps.executeUpdate();
        }
    }

    static List<Migration> read(Connection db, String batch) throws SQLException {
        List<Migration> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("select id, src_connector, src_settings, src_cred, dst_connector, "
                + "dst_settings, dst_cred, includes, excludes, folder_map, mirror, kinds, since_ms, before_ms, max_size, "
                + "not_before, gmail from migration where batch = ? order by idx")) {
            ps.setString(1, batch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Account src = new Account(rs.getString(2), Codec.map(rs.getString(3)), new CredentialRef(rs.getString(4)));
                    Account dst = new Account(rs.getString(5), Codec.map(rs.getString(6)), new CredentialRef(rs.getString(7)));
                    MessageLimits limits = new MessageLimits(instant(rs, 13), instant(rs, 14),
                            Optional.ofNullable((Long) rs.getObject(15)));
                    MigrationOptions o = new MigrationOptions(kinds(rs.getString(12)), Codec.list(rs.getString(8)),
                            Codec.list(rs.getString(9)), Codec.map(rs.getString(10)), rs.getBoolean(11), limits,
                            instant(rs, 16), GmailOptions.parse(rs.getString(17)));
                    out.add(new Migration(rs.getString(1), src, dst, o));
                }
            }
        }
        return out;
    }

    private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
        return Optional.ofNullable((Long) rs.getObject(column)).map(Instant::ofEpochMilli);
    }

    /** Rows stored before kinds were kept are mail rows. */
    private static Set<ItemKind> kinds(String text) {
        if (text == null || text.isBlank()) {
            return Set.of(ItemKind.MAIL);
        }
        Set<ItemKind> kinds = new java.util.HashSet<>();
        for (String k : text.split(",")) {
            kinds.add(ItemKind.fromId(k));
        }
        return kinds;
    }

    static List<MigrationState> states(Connection db, String batch) throws SQLException {
        List<MigrationState> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("select id, status, since, time_in, last_error, copied, skipped, "
                + "bytes, last_sync from migration where batch = ? order by idx")) {
            ps.setString(1, batch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Long sync = (Long) rs.getObject(9);
                    out.add(new MigrationState(rs.getString(1), MigrationStatus.valueOf(rs.getString(2)),
                            Instant.ofEpochMilli(rs.getLong(3)), Codec.durations(rs.getString(4)),
                            Optional.ofNullable(rs.getString(5)), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                            Optional.ofNullable(sync).map(Instant::ofEpochMilli)));
                }
            }
        }
        return out;
    }

    /** Writes a row's status and totals; the number of rows written (0: the row is not there). */
    static int saveState(Connection db, String batch, MigrationState s) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("update migration set status = ?, since = ?, time_in = ?, "
                + "last_error = ?, copied = ?, skipped = ?, bytes = ?, last_sync = ? where batch = ? and id = ?")) {
            ps.setString(1, s.status().name());
            ps.setLong(2, s.since().toEpochMilli());
            ps.setString(3, Codec.durations(s.timeIn()));
            ps.setString(4, s.lastError().orElse(null));
            ps.setLong(5, s.copied());
            ps.setLong(6, s.skipped());
            ps.setLong(7, s.bytes());
            ps.setObject(8, s.lastSync().map(Instant::toEpochMilli).orElse(null));
            ps.setString(9, batch);
            ps.setString(10, s.migrationId());
            return ps.executeUpdate();
        }
    }

    static void replaceSkipped(Connection db, String batch, String id, List<SkippedItem> items) throws SQLException {
        try (PreparedStatement del = db.prepareStatement("delete from skipped where batch = ? and migration = ?")) {
            del.setString(1, batch);
            del.setString(2, id);
            del.executeUpdate();
        }
        try (PreparedStatement ps = db.prepareStatement("insert into skipped(batch, migration, folder, uid, subject, "
                + "msg_date, size, reason, item_id) values (?,?,?,?,?,?,?,?,?)")) {
            for (SkippedItem s : items) {
                ps.setString(1, batch);
                ps.setString(2, id);
                ps.setString(3, s.folder());
                ps.setLong(4, s.uid());
                ps.setString(5, s.subject());
                ps.setObject(6, s.date() == null ? null : s.date().toEpochMilli());
                ps.setLong(7, s.size());
                ps.setString(8, s.reason());
                ps.setString(9, s.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static List<SkippedItem> skipped(Connection db, String batch, String id) throws SQLException {
        List<SkippedItem> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("select folder, uid, subject, msg_date, size, reason, item_id from skipped "
                + "where batch = ? and migration = ? order by folder, uid")) {
            ps.setString(1, batch);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Long date = (Long) rs.getObject(4);
                    String itemId = rs.getString(7);
                    // rows written before item_id existed: their UID (below 1: the whole folder)
                    SkippedItem item = itemId != null
                            ? new SkippedItem(rs.getString(1), itemId, rs.getString(3),
                                    date == null ? null : Instant.ofEpochMilli(date), rs.getLong(5), rs.getString(6))
                            : new SkippedItem(rs.getString(1), rs.getLong(2), rs.getString(3),
                                    date == null ? null : Instant.ofEpochMilli(date), rs.getLong(5), rs.getString(6));
                    out.add(item);
                }
            }
        }
        return out;
    }
}
