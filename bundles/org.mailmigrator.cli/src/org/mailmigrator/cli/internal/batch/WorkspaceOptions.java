package org.mailmigrator.cli.internal.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.mailmigrator.batch.FileErrors;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.batch.workspace.BatchWorkspace;
import org.mailmigrator.batch.workspace.WorkspaceService;
import org.mailmigrator.core.state.DatabaseStore;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --workspace}, {@code --secrets-key} and {@code --store}, shared by every batch command. With {@code --store},
 * the batches, their sealed passwords, statuses and engine state are in that PostgreSQL database (shared by every
 * process and machine pointed at it); the folder keeps this machine's side files (pass reports and history, logs).
 */
public final class WorkspaceOptions {
    @Mixin
    org.mailmigrator.cli.internal.StoreOptions store;

    private Optional<DatabaseStore> database;

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "batches, state and secrets (default: $MAILMIGRATOR_WORKSPACE, else ~/mailmigrator-workspace)")
    Path workspace;

    @Option(names = "--secrets-key", paramLabel = "FILE",
            description = "the AES key file that encrypts stored passwords (default: $MAILMIGRATOR_SECRETS_KEY, else WORKSPACE/secrets.key)")
    Path secretsKey;

    /** The folder, with the database of {@code --store} when given. */
    Workspace workspace() {
        return Workspace.resolve(workspace, System.getenv()).withStore(database());
    }

    /**
     * The database of {@code --store} (read, and its password found, once), empty without it.
     *
     * @throws IllegalArgumentException naming what is wrong with the option (never a password)
     */
    synchronized Optional<DatabaseStore> database() {
        if (database == null) {
            database = store == null ? Optional.empty() : store.database();
        }
        return database;
    }

    /** Where the batches are, for messages: the database's URL (without password), else the folder. */
    String where() {
        return database().map(DatabaseStore::toString).orElse(workspace().dir().toString());
    }

    /** The workspace opened (or joined) for writing through the workspace service. */
    BatchWorkspace open(WorkspaceService service) throws BatchStoreException {
        Workspace ws = checked();
        try {
            return service.open(ws, secretsKey());
        } catch (IOException e) {
            throw new BatchStoreException(FileErrors.describe(e, ws.dir(), "creating"), e);
        }
    }

    /** The workspace opened to read (another process may be running one of its batches). */
    BatchWorkspace openToRead(WorkspaceService service) throws BatchStoreException {
        return service.openToRead(checked(), secretsKey());
    }

    private Workspace checked() throws BatchStoreException {
        try {
            return workspace();
        } catch (IllegalArgumentException e) {
            throw new BatchStoreException(e.getMessage(), e);
        }
    }

    /** {@code --secrets-key}, else {@code $MAILMIGRATOR_SECRETS_KEY}; empty: the workspace's own key file. */
    Optional<Path> secretsKey() {
        if (secretsKey != null) {
            return Optional.of(secretsKey);
        }
        String env = System.getenv("MAILMIGRATOR_SECRETS_KEY");
        return env == null ? Optional.empty() : Optional.of(Path.of(env));
    }

    /** The vault alone, without the store (the SMTP password of {@code notify-settings}). */
    SecretVault vault(boolean create) throws IOException {
        return SecretVault.open(secretsKey().orElse(workspace().defaultSecretsKey()), create);
    }
}
