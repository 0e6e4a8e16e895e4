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

import picocli.CommandLine.Option;

/** {@code --workspace} and {@code --secrets-key}, shared by every batch command. */
public final class WorkspaceOptions {
    @Option(names = "--workspace", paramLabel = "DIR",
            description = "batches, state and secrets (default: $MAILMIGRATOR_WORKSPACE, else ~/mailmigrator-workspace)")
    Path workspace;

    @Option(names = "--secrets-key", paramLabel = "FILE",
            description = "the AES key file that encrypts stored passwords (default: $MAILMIGRATOR_SECRETS_KEY, else WORKSPACE/secrets.key)")
    Path secretsKey;

    Workspace workspace() {
        return Workspace.resolve(workspace, System.getenv());
    }

    /** The workspace opened (or joined) for writing through the workspace service. */
    BatchWorkspace open(WorkspaceService service) throws BatchStoreException {
        return open(service, Optional.empty());
    }

    /** The same, the engine state of its rows in {@code database} (empty: the workspace's files). */
    BatchWorkspace open(WorkspaceService service, Optional<DatabaseStore> database) throws BatchStoreException {
        try {
            return service.open(workspace().withStore(database), secretsKey());
        } catch (IOException e) {
            throw new BatchStoreException(FileErrors.describe(e, workspace().dir(), "creating"), e);
        }
    }

    /** The workspace opened to read (another process may be running one of its batches). */
    BatchWorkspace openToRead(WorkspaceService service) throws BatchStoreException {
        return service.openToRead(workspace(), secretsKey());
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
