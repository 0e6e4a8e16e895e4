package org.mailmigrator.batch.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.h2.jdbcx.JdbcDataSource;
import org.mailmigrator.core.internal.state.StoreFile;
import org.mailmigrator.batch.FileErrors;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.store.BatchStoreException;

/**
 * {@link BatchStore} in one H2 file ({@code <workspace>/batches/batches.mv.db}), one connection under this
 * object's lock. Migrations are rows of {@link MigrationRows}; passwords are stored only sealed.
 * {@code WRITE_DELAY=0}: a status committed before a crash (SIGKILL) is on disk, so a restarted batch
 * shows what really finished; status changes are few, so writing each at once costs nothing measurable.
 */
public final class H2BatchStore extends SqlBatchStore {
    private final Connection db;
    /** The folder whose lock record this store wrote, null when opened read-only. */
    private final Path owned;

    private H2BatchStore(Connection db, Path owned) {
        this.db = db;
        this.owned = owned;
    }

    public static H2BatchStore open(Path dir, boolean readOnly) throws BatchStoreException {
        // REUSE_SPACE=FALSE: a status committed into a hole of the file could be taken back after a SIGKILL (H2 2.5.252;
        // core's StoreFile says why); appended, it is found; the file is rewritten compactly when it is closed
        String url = "jdbc:h2:file:" + dir.resolve("batches").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;REUSE_SPACE=FALSE";
        try {
            Workspace.createPrivateDirectories(dir);
            Workspace.restrict(dir);
            H2BatchStore store = new H2BatchStore(connect(url), dir);
            Workspace.restrict(dir.resolve("batches.mv.db"));
            StoreLock.claim(dir);
            return store;
        } catch (Exception e) {
            if (readOnly && Files.exists(dir.resolve("batches.mv.db"))) {
                try {
                    // a run in another process holds the file lock: read what it committed so far
                    return new H2BatchStore(connect(url + ";ACCESS_MODE_DATA=r;FILE_LOCK=NO"), null);
                } catch (Exception again) {
                    e.addSuppressed(again);
                }
            }
            throw new BatchStoreException(StoreLock.describe(dir, e), e);
        }
    }

    private static Connection connect(String url) throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        Connection c = ds.getConnection();
        if (!url.contains("ACCESS_MODE_DATA=r")) {
            try (Statement s = c.createStatement()) {
                for (String ddl : MigrationRows.SCHEMA) {
                    s.execute(ddl);
                }
            }
        }
        c.setAutoCommit(false);
        return c;
    }

    @Override
    synchronized <T> T tx(String what, Tx<T> body) throws BatchStoreException {
        try {
            T result = body.run(db);
            db.commit();
            return result;
        } catch (SQLException e) {
            try {
                db.rollback();
            } catch (SQLException ignored) {
                // the original failure is what the caller must see
            }
            throw new BatchStoreException(what + ": " + (FileErrors.isDiskFull(e) ? "disk full writing the batch store"
                    + (owned == null ? "" : " " + owned.resolve("batches.mv.db")) + " (make space, then run again)"
                    : FileErrors.clean(String.valueOf(e.getMessage()))), e);
        }
    }

    @Override
    String upsertSecret() {
        return "merge into secret(k, batch, data) key(k) values (?,?,?)";
    }

    @Override
    public synchronized void close() {
        try {
            if (owned != null && StoreFile.onlyConnection(db)) {
                StoreFile.shutdown(db); // compacted when less than half of it is live
            }
            db.close();
        } catch (SQLException e) {
            // closing a database whose file vanished must not hide the caller's result
        }
        if (owned != null) {
            try {
                // a compacted file is a new file, made with the process's umask (inside the owner-only folder)
                Workspace.restrict(owned.resolve("batches.mv.db"));
            } catch (java.io.IOException e) {
                // the folder stays the owner's only
            }
        }
        if (owned != null) {
            StoreLock.release(owned);
        }
    }

    static MigrationStatus status(String name) {
        return MigrationStatus.valueOf(name);
    }
}
