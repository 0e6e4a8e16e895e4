package org.mailmigrator.cli.internal.batch;

import java.io.IOException;
import java.nio.file.Path;

import org.mailmigrator.batch.FileErrors;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.store.BatchStoreException;

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

    BatchStore store(boolean readOnly) throws BatchStoreException {
        if (!readOnly) {
            try {
                workspace().prepare();
            } catch (IOException e) {
                throw new BatchStoreException(FileErrors.describe(e, workspace().dir(), "creating"), e);
            }
        }
        return BatchStore.open(workspace().batchesDir(), readOnly);
    }

    SecretVault vault(boolean create) throws IOException {
        Path key = secretsKey;
        if (key == null && System.getenv("MAILMIGRATOR_SECRETS_KEY") != null) {
            key = Path.of(System.getenv("MAILMIGRATOR_SECRETS_KEY"));
        }
        return SecretVault.open(key != null ? key : workspace().defaultSecretsKey(), create);
    }
}
