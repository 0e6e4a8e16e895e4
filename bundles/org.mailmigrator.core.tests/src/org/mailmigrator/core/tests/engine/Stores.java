package org.mailmigrator.core.tests.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import org.mailmigrator.core.pim.PimState;
import org.mailmigrator.core.state.DatabaseStore;
import org.mailmigrator.core.state.StateException;
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.Postgres;

/**
 * The state stores the engine's contract tests run against, each test on a fresh place: an embedded H2 folder, or a
 * new database of a PostgreSQL cluster (started once for the test class, on first use; a missing PostgreSQL fails
 * the test). Close it after the class.
 */
public final class Stores implements AutoCloseable {
    /** Where the state lives. */
    public enum Kind {
        H2, POSTGRESQL
    }

    /** A fresh place: the stores of account pairs opened there by name. */
    public interface Place {
        StateStore open(String pair) throws StateException;

        /** The calendar/contacts state of the same pair. */
        PimState openPim(String pair) throws StateException;
    }

    private Postgres pg;

    public Place fresh(Kind kind) throws IOException, InterruptedException {
        if (kind == Kind.H2) {
            var dir = Files.createTempDirectory("engine");
            return new Place() {
                @Override
                public StateStore open(String pair) throws StateException {
                    return StateStore.openEmbedded(dir, pair);
                }

                @Override
                public PimState openPim(String pair) throws StateException {
                    return PimState.openEmbedded(dir, pair);
                }
            };
        }
        if (pg == null) {
            pg = Postgres.start();
        }
        DatabaseStore db = DatabaseStore.parse(pg.url(pg.createDatabase()), Map.of("PGPASSWORD", pg.password()));
        return new Place() {
            @Override
            public StateStore open(String pair) throws StateException {
                return db.open(pair);
            }

            @Override
            public PimState openPim(String pair) throws StateException {
                return db.openPim(pair);
            }
        };
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (pg != null) {
            pg.close();
        }
    }
}
