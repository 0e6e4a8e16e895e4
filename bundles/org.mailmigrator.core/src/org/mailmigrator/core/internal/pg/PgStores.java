package org.mailmigrator.core.internal.pg;

import org.mailmigrator.core.internal.state.WatchedStore;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.pim.PimState;
import org.mailmigrator.core.state.StateException;
import org.mailmigrator.core.state.StateStore;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The stores of many account pairs in one PostgreSQL database: the data source (URL, user, password — never
 * printed: {@link #toString} is the URL without it), the schema brought up to date once per instance before the first
 * store opens, and each pair's mail store (under {@link WatchedStore}'s deadline, as the embedded one) and PIM state.
 */
public final class PgStores {
    private final PGSimpleDataSource ds = new PGSimpleDataSource();
    private final String shown;
    private boolean migrated;

    /**
     * A database {@code jdbcUrl} ({@code jdbc:postgresql://host:port/db}, no password in it) as {@code user};
     * an empty password leaves it to the driver's {@code ~/.pgpass} (or {@code PGPASSFILE}).
     */
    public PgStores(String jdbcUrl, String user, Secret password, String shown) {
        ds.setURL(jdbcUrl);
        ds.setUser(user);
        if (!password.isEmpty()) {
            ds.setPassword(new String(password.reveal()));
        }
        ds.setApplicationName("mailmigrator");
        ds.setConnectTimeout(10);
        ds.setTcpKeepAlive(true);
        this.shown = shown;
    }

    private synchronized void schema() throws StateException {
        if (!migrated) {
            PgSchema.migrate(ds, shown);
            migrated = true;
        }
    }

    /** The mail store of pair {@code name}, opened in the background; every call under the deadline. */
    public WatchedStore mail(String name) {
        return new WatchedStore(shown + " (" + name + ")", WatchedStore.deadline(), () -> {
            schema();
            return new PgStateStore(PgSession.open(ds, shown, "mail:" + name), name);
        });
    }

    /** The calendar/contacts state of pair {@code name}. */
    public PimState pim(String name) throws StateException {
        schema();
        return new PgPimState(PgSession.open(ds, shown, "pim:" + name), name);
    }

    /**
     * A connection of the caller's own in this database, without an account pair's lock, with the same
     * reconnect-and-repeat of its transactions (the batch store's).
     */
    public PgConnection connection(String what) throws StateException {
        return new PgConnection(PgSession.open(ds, shown, null), what);
    }

    /**
     * The database as a plain data source, for a library that opens its own connections (db-scheduler, the workers'
     * queue): a new connection per call, no pool, no reconnect-and-repeat (the library retries by itself).
     */
    public javax.sql.DataSource dataSource() {
        return ds;
    }

    /**
     * Brings another owner's tables (the batch store's) to their newest version under its own Flyway history
     * table, after the state's own tables (so that the state's history is there first).
     */
    public void migrate(String history, java.util.List<PgVersion> versions) throws StateException {
        schema();
        PgSchema.migrate(ds, shown, history, versions);
    }

    /**
     * Deletes the mail and calendar/contacts state of every account pair whose name starts with {@code prefix}
     * (a purged batch's rows, {@code batch/NAME/}), one transaction. Their runs must have ended.
     */
    public void purge(String prefix) throws StateException {
        schema();
        try (PgConnection c = connection("purge " + prefix)) {
            c.tx("delete the state", db -> {
                String pairs = "(select id from mail_pair where left(store, ?) = ?)";
                for (String sql : java.util.List.of("delete from mail_copied where pair in " + pairs,
                        "delete from mail_journal where pair in " + pairs, "delete from mail_pair where left(store, ?) = ?",
                        "delete from pim_item where left(store, ?) = ?", "delete from pim_journal where left(store, ?) = ?")) {
                    try (java.sql.PreparedStatement ps = db.prepareStatement(sql)) {
                        ps.setInt(1, prefix.length());
                        ps.setString(2, prefix);
                        ps.executeUpdate();
                    }
                }
                return null;
            });
        }
    }

    /**
     * The limits shared by every process using this database, as {@code holder} (this process, as others see it); the
     * state store's tables are brought up to date before the fleet's own ({@link PgFleetSchema}).
     */
    public PgSharedLimits sharedLimits(String holder) {
        return new PgSharedLimits(ds, shown, () -> {
            schema();
            PgFleetSchema.migrate(ds, shown);
        }, holder);
    }

    @Override
    public String toString() {
        return shown;
    }
}
