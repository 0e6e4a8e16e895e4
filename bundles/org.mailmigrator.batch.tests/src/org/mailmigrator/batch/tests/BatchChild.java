package org.mailmigrator.batch.tests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.jobs.BatchListener;
import org.mailmigrator.batch.jobs.BatchManager;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.batch.jobs.Selection;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.connector.imap.ImapConnector;

/**
 * Runs a stored batch in a plain JVM (no OSGi) so that a test can kill it for real. Prints one line per
 * status change. Arguments: workspace batch.
 */
public final class BatchChild {
    /** The class path of the child JVM that runs this class: batch manager, Eclipse Jobs, engine, IMAP, no OSGi. */
    static final List<String> BUNDLES = List.of("org.mailmigrator.core", "org.mailmigrator.batch",
            "org.mailmigrator.connector.imap", "org.mailmigrator.batch.tests", "jakarta.mail-api",
            "org.eclipse.angus.mail", "angus-activation", "jakarta.activation-api", "com.h2database",
            "org.apache.commons.commons-csv", "org.apache.commons.commons-io", "org.apache.commons.commons-codec",
            "org.eclipse.core.jobs", "org.eclipse.equinox.common", "org.eclipse.osgi",
            // the batch signs in through the auth bundle (OAuth2, Nimbus); its job services name the presets type (none given here)
            "org.mailmigrator.auth", "oauth2-oidc-sdk", "com.nimbusds.nimbus-jose-jwt", "net.minidev.json-smart",
            "com.nimbusds.content-type", "lang-tag", "org.mailmigrator.autodetect", "org.eclipse.equinox.registry");

    private BatchChild() {
    }

    public static void main(String[] args) throws Exception {
        Workspace ws = new Workspace(Path.of(args[0]));
        try (BatchStore store = BatchStore.open(ws.batchesDir(), false);
                BatchManager manager = new BatchManager(ws, store, SecretVault.open(ws.defaultSecretsKey(), false),
                        id -> new ImapConnector())) {
            manager.addListener(new BatchListener() {
                @Override
                public void migrationChanged(String batch, MigrationState state) {
                    System.out.println("status " + state.migrationId() + " " + state.status().name());
                    System.out.flush();
                }
            });
            manager.start(args[1], Selection.PENDING, List.of(), RunSettings.defaults().withAllowPlaintext(true));
            manager.join(args[1], Duration.ofMinutes(10));
            System.out.println("finished");
        }
    }
}
