package org.mailmigrator.batch.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.batch.store.RowRecords;

/**
 * The rows' pass histories of {@link PgBatchStore}: one text per row and kind in {@code row_record}, written by the
 * process that runs the row's pass (it holds the row's claim), read by every process's reports and status.
 */
final class PgRowRecords implements RowRecords {
    private final PgBatchStore store;

    PgRowRecords(PgBatchStore store) {
        this.store = store;
    }

    @Override
    public Optional<String> rowRecord(String batch, String migrationId, String kind) throws BatchStoreException {
        return store.tx("read the " + kind + " of " + batch + "/" + migrationId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select body from row_record where batch = ? and migration = ? and kind = ?")) {
                ps.setString(1, batch);
                ps.setString(2, migrationId);
                ps.setString(3, kind);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public void saveRowRecord(String batch, String migrationId, String kind, String text) throws BatchStoreException {
        store.tx("save the " + kind + " of " + batch + "/" + migrationId, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into row_record(batch, migration, kind, body) "
                    + "values (?,?,?,?) on conflict (batch, migration, kind) do update set body = excluded.body")) {
                ps.setString(1, batch);
                ps.setString(2, migrationId);
                ps.setString(3, kind);
                ps.setString(4, text);
                return ps.executeUpdate();
            }
        });
    }
}
