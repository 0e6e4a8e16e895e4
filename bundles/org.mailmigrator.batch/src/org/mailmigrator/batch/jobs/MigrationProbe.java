package org.mailmigrator.batch.jobs;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.mailmigrator.batch.internal.Sealing;
import org.mailmigrator.batch.internal.Sessions;
import org.mailmigrator.batch.preflight.Preflight;
import org.mailmigrator.batch.preflight.PreflightResult;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.core.engine.FolderPlan;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.SessionFactory;
import org.mailmigrator.core.model.Migration;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectorException;

/**
 * Looks at one migration of a batch without running it: its pre-flight, and the engine's own folder plan
 * (source folder, destination folder, reason). The migration may hold unsaved edits; a password given here
 * is used instead of the stored one, which is read from the vault otherwise. Connections follow the same
 * {@link RunSettings} as a run, so what is shown is what a run will meet.
 */
public final class MigrationProbe {
    private final BatchStore store;
    private final SecretVault vault;
    private final ConnectorFactory connectors;
    private final RunSettings settings;

    public MigrationProbe(BatchStore store, SecretVault vault, ConnectorFactory connectors, RunSettings settings) {
        this.store = store;
        this.vault = vault;
        this.connectors = connectors;
        this.settings = settings;
    }

    /** The pre-flight of this row; problems (a refused login, an unknown connector...) are in its fix list. */
    public PreflightResult preflight(Migration m, Optional<Secret> sourcePassword, Optional<Secret> destinationPassword)
            throws BatchStoreException, IOException {
        Pair p;
        try {
            p = sessions(m, sourcePassword, destinationPassword);
        } catch (ConnectorException e) {
            return new PreflightResult(m.id(), 0, 0, 0, 0, "", Optional.empty(), List.of(), List.of(), List.of(),
                    List.of(e.getMessage()), List.of());
        }
        return Preflight.check(m.id(), p.source, p.destination);
    }

    /**
     * The folder plan the engine would follow with this migration's filters and map.
     *
     * @throws IllegalArgumentException when a filter is not a regular expression or two folders clash
     */
    public List<FolderPlan> folderPlan(Migration m, Optional<Secret> sourcePassword, Optional<Secret> destinationPassword)
            throws BatchStoreException, IOException, ConnectorException {
        Pair p = sessions(m, sourcePassword, destinationPassword);
        return MigrationEngine.plan(p.source, p.destination, Sessions.engine(settings, m.options()));
    }

    private record Pair(SessionFactory source, SessionFactory destination) {
    }

    private Pair sessions(Migration m, Optional<Secret> sourcePassword, Optional<Secret> destinationPassword)
            throws BatchStoreException, IOException, ConnectorException {
        Secret src = sourcePassword.isPresent() ? sourcePassword.get() : stored(m, true);
        Secret dst = destinationPassword.isPresent() ? destinationPassword.get() : stored(m, false);
        // a stored refresh token the provider rotates during the check is written back to the store
        return new Pair(
                Sessions.factory(connectors, m.source(), Role.SOURCE, src, home(m, sourcePassword, true), settings),
                Sessions.factory(connectors, m.destination(), Role.DESTINATION, dst, home(m, destinationPassword, false),
                        settings));
    }

    private Optional<org.mailmigrator.auth.TokenHome> home(Migration m, Optional<Secret> given, boolean source) {
        return given.isPresent() ? Optional.empty() : Optional.of(Sealing.home(store, vault,
                (source ? m.source() : m.destination()).credential()));
    }

    private Secret stored(Migration m, boolean source) throws BatchStoreException, IOException {
        var c = new Sealing(store, vault).credentials(m);
        return source ? c.source() : c.destination();
    }
}
