package org.mailmigrator.core.tests.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import org.mailmigrator.core.state.DatabaseStore;
import org.mailmigrator.core.state.StateException;
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.Postgres;

/**
 * The state stores the engine's contract tests run against, each test on a fresh place: an embedded H2 folder, or a
 * new database of a PostgreSQL cluster (started once for the test class, on first use; a missing PostgreSQL fails
 * the test). Close it after the class.
 */
final class Stores implements AutoCloseable {
    /** Where the state lives. */
    enum Kind {
        H2, POSTGRESQL
    }

    /** A fresh place: the stores of account pairs opened there by name. */
    interface Place {
        StateStore open(String pair) throws StateException;
    }

    private Postgres pg;

    Place fresh(Kind kind) throws IOException, InterruptedException {
        if (kind == Kind.H2) {
            var dir = Files.createTempDirectory("engine");
            return pair -> StateStore.openEmbedded(dir, pair);
        }
        if (pg == null) {
            pg = Postgres.start();
        }
        DatabaseStore db = DatabaseStore.parse(pg.url(pg.createDatabase()), Map.of("PGPASSWORD", pg.password()));
        return db::open;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (pg != null) {
            pg.close();
        }
    }
}
