package org.mailmigrator.core.state;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

import org.mailmigrator.core.internal.pg.PgStores;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.pim.PimState;

/**
 * A PostgreSQL database as the state store of many account pairs (and many machines), in place of one embedded file
 * per pair: {@code postgresql://user@host:port/database} (or {@code jdbc:postgresql://…?user=…}). The password is
 * never part of the URL (it would show in process lists, shell history and logs): it comes from {@code PGPASSWORD}
 * in the environment, else the driver reads {@code ~/.pgpass} (or {@code PGPASSFILE}), or a caller that asked the user
 * gives it with {@link #withPassword}. {@link #toString} is the URL without password. The tables are created and
 * migrated (Flyway) before the first store opens. See docs/postgresql.md.
 */
public final class DatabaseStore {
    private final String jdbcUrl;
    private final String user;
    private final String shown;
    private final Secret password;
    private final PgStores stores;
    private final String prefix;

    private DatabaseStore(String jdbcUrl, String user, String shown, Secret password, PgStores stores, String prefix) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.shown = shown;
        this.password = password;
        this.stores = stores;
        this.prefix = prefix;
    }

    private DatabaseStore(String jdbcUrl, String user, String shown, Secret password) {
        this(jdbcUrl, user, shown, password, new PgStores(jdbcUrl, user, password, shown), "");
    }

    /**
     * The same database, where every account pair's name is prefixed with {@code scope} (a batch's rows are named
     * by their ids, unique only in their batch: {@code batch/NAME/ID}).
     */
    public DatabaseStore scoped(String scope) {
        return new DatabaseStore(jdbcUrl, user, shown, password, stores, prefix + scope);
    }

    /** Whether {@code text} is a database URL rather than a folder. */
    public static boolean isUrl(String text) {
        return text != null && (text.startsWith("postgresql://") || text.startsWith("postgres://")
                || text.startsWith("jdbc:postgresql:"));
    }

    /**
     * Reads a store URL; {@code env} is the environment ({@code PGPASSWORD}, {@code PGUSER}).
     *
     * @throws IllegalArgumentException naming what is wrong with it (never echoing a password)
     */
    public static DatabaseStore parse(String url, Map<String, String> env) {
        if (!isUrl(url)) {
            throw new IllegalArgumentException("not a PostgreSQL store URL (postgresql://user@host:port/database)");
        }
        String plain = url.startsWith("jdbc:") ? url.substring(5) : url.replaceFirst("^postgres(ql)?://", "postgresql://");
        URI uri;
        try {
            uri = new URI(plain);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed store URL: " + e.getReason());
        }
        String info = uri.getRawUserInfo();
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        if ((info != null && info.contains(":")) || query.matches("(?i)(.*&)?password=.*")) {
            throw new IllegalArgumentException("the store URL must not carry a password (it would show in process lists"
                    + " and logs): set PGPASSWORD, or put it in ~/.pgpass");
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("the store URL needs a host and a database: "
                    + "postgresql://user@host:port/database");
        }
        String user = info != null ? info : userFromQuery(query);
        if (user == null) {
            user = env.getOrDefault("PGUSER", System.getProperty("user.name"));
        }
        String hostPort = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        String jdbc = "jdbc:postgresql://" + hostPort + uri.getRawPath() + (query.isEmpty() ? "" : "?" + query);
        String pw = env.get("PGPASSWORD");
        return new DatabaseStore(jdbc, user, "postgresql://" + user + "@" + hostPort + uri.getRawPath(),
                pw == null ? Secret.of("") : Secret.of(pw));
    }

    private static String userFromQuery(String query) {
        for (String p : query.split("&")) {
            if (p.startsWith("user=")) {
                return p.substring(5);
            }
        }
        return null;
    }

    /** Whether a password came with it (from the environment or {@link #withPassword}). */
    public boolean hasPassword() {
        return !password.isEmpty();
    }

    /** The same store with a password the user typed. */
    public DatabaseStore withPassword(Secret typed) {
        return new DatabaseStore(jdbcUrl, user, shown, typed);
    }

    /** The mail state of account pair {@code name}, every call under a deadline, as {@link StateStore#openEmbedded}. */
    public StateStore open(String name) throws StateException {
        return stores.mail(prefix + name).awaitOpen();
    }

    /** The same store, opened in the background; a failure to open is thrown by the first call that needs it. */
    public StateStore openInBackground(String name) {
        return stores.mail(prefix + name);
    }

    /** The calendar/contacts state of account pair {@code name}. */
    public PimState openPim(String name) throws StateException {
        return stores.pim(prefix + name);
    }

    /**
     * The connections behind this store, for the batch store kept in the same database (its package is exported
     * {@code x-friends} to the batch bundle only; nothing else may use it).
     */
    public PgStores database() {
        return stores;
    }

    /**
     * The limits every process using this database shares (connections per host, throttling pauses, locks:
     * {@link SharedLimits}), this process named {@code holder} in the leases it takes (its host name and pid); connects
     * on first use. One per process and database: close it when the process stops using them.
     */
    public SharedLimits sharedLimits(String holder) {
        return stores.sharedLimits(holder);
    }

    /** The URL without password. */
    @Override
    public String toString() {
        return shown;
    }
}
