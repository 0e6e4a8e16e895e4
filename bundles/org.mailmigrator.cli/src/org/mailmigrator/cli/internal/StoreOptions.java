package org.mailmigrator.cli.internal;

import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.core.state.DatabaseStore;

import picocli.CommandLine.Option;

/**
 * {@code --store URL}: the state kept in a PostgreSQL database shared by many runs and machines instead of the
 * workspace's embedded files (docs/postgresql.md). The database password never comes from the command line: from
 * {@code --store-password-file}, else {@code $PGPASSWORD}, else the driver's {@code ~/.pgpass} ({@code $PGPASSFILE}),
 * else a prompt when there is a terminal; none of them (a server that trusts the connection) is tried as it is.
 */
public final class StoreOptions {
    @Option(names = "--store", paramLabel = "URL", description = "keep the state in PostgreSQL: "
            + "postgresql://user@host:port/database (password: --store-password-file, $PGPASSWORD or ~/.pgpass; "
            + "default: the workspace's files)")
    String store;

    @Option(names = "--store-password-file", paramLabel = "FILE", description = "the first line is the password of --store")
    Path passwordFile;

    /** Whether {@code --store} was given. */
    public boolean given() {
        return store != null;
    }

    /**
     * The database of {@code --store}, or empty for the embedded files.
     *
     * @throws IllegalArgumentException naming the option and what is wrong (never a password)
     */
    public Optional<DatabaseStore> database() {
        return database(System.getenv(), System.console());
    }

    Optional<DatabaseStore> database(Map<String, String> env, Console console) {
        if (store == null) {
            if (passwordFile != null) {
                throw new IllegalArgumentException("--store-password-file needs --store");
            }
            return Optional.empty();
        }
        DatabaseStore db;
        try {
            db = DatabaseStore.parse(store, env);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--store: " + e.getMessage());
        }
        if (passwordFile != null) {
            return Optional.of(db.withPassword(Passwords.find("store", passwordFile, "PGPASSWORD", db.toString())));
        }
        if (db.hasPassword() || Files.exists(pgpass(env)) || console == null) {
            return Optional.of(db);
        }
        char[] typed = console.readPassword("Password for %s: ", db);
        return Optional.of(typed == null || typed.length == 0 ? db
                : db.withPassword(org.mailmigrator.core.model.Secret.of(typed)));
    }

    private static Path pgpass(Map<String, String> env) {
        String file = env.get("PGPASSFILE");
        return file != null ? Path.of(file) : Path.of(System.getProperty("user.home"), ".pgpass");
    }
}
