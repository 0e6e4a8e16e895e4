package org.mailmigrator.batch;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import org.mailmigrator.batch.csv.ImportResult;
import org.mailmigrator.batch.internal.Sealing;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Migration;
import org.mailmigrator.core.model.MigrationOptions;
import org.mailmigrator.core.model.Secret;

/**
 * Former static utility, now the methods of {@link org.mailmigrator.batch.workspace.BatchWorkspace} (the
 * workspace service): these delegates remain for code that holds a bare store and vault (the jobs' internals
 * and tests that open a store themselves). New code uses the workspace service.
 *
 * @deprecated use {@link org.mailmigrator.batch.workspace.WorkspaceService} and its {@code BatchWorkspace}
 */
@Deprecated
public final class Batches {
    private Batches() {
    }

    /** A credential pair, masked when printed. */
    public record Credentials(Secret source, Secret destination) {
    }

    /** See {@link org.mailmigrator.batch.workspace.BatchWorkspace#importBatch}. */
    public static BatchSpec store(BatchStore store, SecretVault vault, String name, ImportResult imported,
            boolean skipBadRows, int concurrency, int perHost, Optional<String> notify, Optional<Instant> schedule)
            throws BatchStoreException {
        return new Sealing(store, vault).store(name, imported, skipBadRows, concurrency, perHost, notify, schedule);
    }

    /** See {@link org.mailmigrator.batch.workspace.BatchWorkspace#add}. */
    public static Migration add(BatchStore store, SecretVault vault, String batch, Account source, Secret sourcePassword,
            Account destination, Secret destinationPassword, MigrationOptions options) throws BatchStoreException {
        return new Sealing(store, vault).add(batch, source, sourcePassword, destination, destinationPassword, options);
    }

    /** See {@link org.mailmigrator.batch.workspace.BatchWorkspace#update}. */
    public static void update(BatchStore store, SecretVault vault, String batch, Migration m,
            Optional<Secret> sourcePassword, Optional<Secret> destinationPassword) throws BatchStoreException {
        new Sealing(store, vault).update(batch, m, sourcePassword, destinationPassword);
    }

    public static Credentials credentials(BatchStore store, SecretVault vault, Migration m)
            throws BatchStoreException, IOException {
        var c = new Sealing(store, vault).credentials(m);
        return new Credentials(c.source(), c.destination());
    }

    /** The target password of a calendar/contacts leg. */
    public static Secret password(BatchStore store, SecretVault vault, PimLeg leg) throws BatchStoreException, IOException {
        return new Sealing(store, vault).password(leg);
    }
}
