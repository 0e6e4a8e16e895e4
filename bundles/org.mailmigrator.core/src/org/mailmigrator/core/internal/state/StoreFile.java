package org.mailmigrator.core.internal.state;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.h2.jdbcx.JdbcDataSource;

/**
 * How every connection to an account pair's state file (mail and calendar/contacts tables alike) is opened and how
 * the file is shut down, so that a commit, once made, is found by the next process even after a SIGKILL.
 * <p>
 * {@code WRITE_DELAY=0}: H2 writes each commit, whole, in the committing thread (see {@link H2StateStore}).
 * <p>
 * {@code REUSE_SPACE=FALSE}: every commit is appended at the end of the file. With space reuse (H2's default) a commit
 * written into a hole in the middle of the file was taken back by the next process: after a SIGKILL, H2 finds the
 * newest chunk of the file by following the store header (which H2 2.5.252 points at the chunk written <i>before</i>
 * the one it writes the header for, whose predicted successor is elsewhere) or at the end of the file (which then
 * holds older chunks), so the store reopened at an earlier version and every commit since, up to 20 of them, was
 * gone: recorded copies lost, journal entries back (seen by {@code PimKillTest} once a run lasted over H2's 45 s
 * retention, or after a close had compacted the file; cause and evidence in docs/calendars-contacts.md, "State durability").
 * Appended, the newest commit is the file's last chunk, which the recovery does find.
 * <p>
 * A file that is only appended to grows with every commit; {@link #shutdown} rewrites it compactly (H2's
 * {@code SHUTDOWN COMPACT}: a new file, then an atomic rename, which H2 completes or undoes at the next opening)
 * once less than half of it is live data. The workspace's batch store ({@code batches.mv.db}) is opened and shut down
 * the same way ({@code org.mailmigrator.batch.internal.H2BatchStore}).
 */
public final class StoreFile {
    /**
     * The options of every connection to a state file; a lock held by another connection is waited for 30 s. Each
     * statement is parsed once a connection ({@code QUERY_CACHE_SIZE}: H2 keeps 8 by default, fewer than the stores use,
     * so that each was parsed again: a tenth of a state store's CPU).
     */
    static final String URL_OPTIONS = ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;REUSE_SPACE=FALSE;LOCK_TIMEOUT=30000"
            + ";QUERY_CACHE_SIZE=64";

    /** Below this share of live data (in percent of the file), the file is rewritten when it is shut down. */
    static final int COMPACT_BELOW_PERCENT = 50;

    private StoreFile() {
    }

    /** A connection to {@code <dir>/<name>.mv.db}, not auto-committing; in one process all share the open database. */
    static Connection connect(Path dir, String name) throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve(name).toAbsolutePath() + URL_OPTIONS);
        Connection c = ds.getConnection();
        c.setAutoCommit(false);
        return c;
    }

    /** Whether {@code db} is the only open connection to its database in this process. */
    public static boolean onlyConnection(Connection db) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("select count(*) from information_schema.sessions")) {
            return rs.next() && rs.getInt(1) <= 1;
        }
    }

    /**
     * The share of the file, in percent, that holds live data: the blocks in use times the share of live pages in
     * them.
     */
    static int livePercent(Connection db) throws SQLException {
        long fill = 100;
        long chunks = 100;
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("select setting_name, setting_value "
                + "from information_schema.settings where setting_name in ('info.FILL_RATE', 'info.CHUNKS_FILL_RATE')")) {
            while (rs.next()) {
                long v = Long.parseLong(rs.getString(2).trim());
                if (rs.getString(1).equals("info.FILL_RATE")) {
                    fill = v;
                } else {
                    chunks = v;
                }
            }
        }
        return (int) (fill * chunks / 100);
    }

    /**
     * Shuts the database down (every connection of this process to it), rewriting the file compactly first when less
     * than {@link #COMPACT_BELOW_PERCENT} percent of it is live.
     */
    public static void shutdown(Connection db) throws SQLException {
        boolean compact;
        try {
            compact = livePercent(db) < COMPACT_BELOW_PERCENT;
        } catch (SQLException | NumberFormatException e) {
            compact = false; // not measured: the file is shut down as it is, compacted another time
        }
        try (Statement st = db.createStatement()) {
            st.execute(compact ? "shutdown compact" : "shutdown");
        }
    }
}
