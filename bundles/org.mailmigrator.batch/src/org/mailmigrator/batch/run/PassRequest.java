package org.mailmigrator.batch.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.mailmigrator.batch.PimLeg;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.core.engine.SessionFactory;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.Migration;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.pim.PimState;
import org.mailmigrator.core.state.DatabaseStore;
import org.mailmigrator.core.state.StateException;
import org.mailmigrator.core.state.StateStore;

/**
 * One row to pass: the account pair and its options, its calendar/contacts legs, where its passwords come
 * from, how the run connects ({@link RunSettings}), where its state files are, how many folders are copied
 * at once, whether the finished pass is checked against both servers ({@code completeness}: the batch's
 * per-folder counts), and a gate that each session factory goes through (the batch's per-host limits).
 * {@code mailmigrator migrate} builds one in memory; a batch job from its stored row.
 */
public record PassRequest(Migration migration, List<PimLeg> legs, Passwords passwords, RunSettings settings,
        StateFiles state, int parallelism, boolean completeness, Gate gate) {

    public PassRequest {
        Objects.requireNonNull(migration, "migration");
        legs = List.copyOf(legs);
        Objects.requireNonNull(passwords, "passwords");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(gate, "gate");
        if (parallelism < 1 && parallelism != org.mailmigrator.core.engine.MigrationSettings.PARALLELISM_BY_LINK) {
            throw new IllegalArgumentException("parallelism must be at least 1, or chosen by the link");
        }
    }

    /** Whether the row has a mail pass: a mail source (not a legs-only row) whose item kinds include mail. */
    public boolean mail() {
        return !PimLeg.legsOnly(migration) && migration.options().kinds().contains(ItemKind.MAIL);
    }

    /** Where the row's passwords are read when the pass needs them (sealed in a store, or given in memory). */
    public interface Passwords {
        Secret source() throws Exception;

        Secret destination() throws Exception;

        Secret leg(PimLeg leg) throws Exception;

        /**
         * Where the secret of a mail side is kept, for a refresh token the provider rotates to be written back there
         * (a batch row's sealed credential); empty for secrets held in memory only.
         */
        default java.util.Optional<org.mailmigrator.auth.TokenHome> home(Role role) {
            return java.util.Optional.empty();
        }

        /** Passwords held in memory: one per mail side, one for every leg's target. */
        static Passwords of(Secret source, Secret destination, Secret legs) {
            return new Passwords() {
                @Override
                public Secret source() {
                    return source;
                }

                @Override
                public Secret destination() {
                    return destination;
                }

                @Override
                public Secret leg(PimLeg leg) {
                    return legs;
                }
            };
        }
    }

    /**
     * What each session factory goes through before the pass uses it: the mail sessions by their role, the
     * calendar/contacts legs by their target's account (a batch counts both against the per-host limit of the
     * host the connector declares as its endpoint).
     */
    @FunctionalInterface
    public interface Gate {
        SessionFactory limit(Role role, SessionFactory sessions);

        /** The sessions of a calendar/contacts leg writing into {@code target}; unlimited unless overridden. */
        default SessionFactory leg(org.mailmigrator.core.model.Account target, SessionFactory sessions) {
            return sessions;
        }

        Gate OPEN = (role, sessions) -> sessions;
    }

    /**
     * The state files of a row: {@code <dir>/<mail>.mv.db} for the mail pass and every calendar/contacts leg
     * (one store, one journal); {@code <dir>/<leg(l)>.mv.db} is where an earlier version kept a leg's items, imported
     * into the pass's file once (the same name as {@code mail}: nothing to import). With a {@code database}, the mail
     * and calendar/contacts state of the pair {@code mail} live in that PostgreSQL store instead (docs/postgresql.md);
     * {@code dir} still holds the pass's side files (report, DAV sync tokens, daily budgets).
     */
    public record StateFiles(Path dir, String mail, Function<PimLeg, String> leg, Optional<DatabaseStore> database) {
        public StateFiles {
            Objects.requireNonNull(dir, "dir");
            Objects.requireNonNull(mail, "mail");
            Objects.requireNonNull(leg, "leg");
            Objects.requireNonNull(database, "database");
        }

        /** The embedded files only. */
        public StateFiles(Path dir, String mail, Function<PimLeg, String> leg) {
            this(dir, mail, leg, Optional.empty());
        }

        /** A batch row's: {@code ID.mv.db}, {@code ID-calendar.mv.db}, {@code ID-contacts.mv.db}. */
        public static StateFiles ofRow(Path dir, String migrationId) {
            return new StateFiles(dir, migrationId, l -> migrationId + "-" + l.kind().id());
        }

        /** The same, with the state in {@code db} (empty: the embedded files). */
        public StateFiles in(Optional<DatabaseStore> db) {
            return new StateFiles(dir, mail, leg, db);
        }

        /** The pass's mail state, opened in the background (in the database, or the file {@code <dir>/<mail>.mv.db}). */
        public StateStore openMail() {
            return database.map(d -> d.openInBackground(mail))
                    .orElseGet(() -> StateStore.openEmbeddedInBackground(dir, mail));
        }

        /** The calendar/contacts state of the pass, importing once the file an earlier version kept for the leg. */
        public PimState openPim(PimLeg l) throws StateException {
            if (database.isPresent()) {
                return database.get().openPim(mail);
            }
            String former = leg.apply(l);
            return former.equals(mail) ? PimState.openEmbedded(dir, former)
                    : PimState.openEmbedded(dir, mail, List.of(former));
        }
    }
}
