package org.mailmigrator.batch.notify;

import java.util.function.Consumer;

import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.secrets.SecretVault;

/**
 * What a notifier of one batch run may use: the workspace (its preferences), the vault that opens secrets sealed
 * in it, the batch (with its notification address), whether credentials may cross a connection without TLS
 * (the run's TLS policy), and where to say what cannot be notified (the command line's error output, the
 * workbench's log). Never put a secret into {@code problems}.
 */
public record NotifierContext(Workspace workspace, SecretVault vault, BatchSpec batch, boolean allowPlaintext,
        Consumer<String> problems) {
}
