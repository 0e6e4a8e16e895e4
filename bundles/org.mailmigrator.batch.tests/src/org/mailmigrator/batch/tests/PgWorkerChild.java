package org.mailmigrator.batch.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.jobs.BatchListener;
import org.mailmigrator.batch.jobs.BatchManager;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.batch.jobs.Selection;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.state.DatabaseStore;

/**
 * One process of a batch shared through PostgreSQL, as {@code batch run NAME --store URL} runs it, in a plain JVM
 * (no OSGi) that a test can kill for real: its own workspace folder (another machine's), the vault key file every
 * worker is given, the store's password in {@code PGPASSWORD}. Prints "ready", waits for the go file (so that the
 * test starts its workers together), then one line per status change and "finished". Arguments: workspace key-file
 * store-url batch go-file.
 */
public final class PgWorkerChild {
    static final List<String> BUNDLES = java.util.stream.Stream.concat(BatchChild.BUNDLES.stream(),
            java.util.stream.Stream.of("org.postgresql.jdbc", "org.flywaydb.core", "org.flywaydb.database.postgresql",
                    "com.github.kagkarlsson.db-scheduler", "slf4j.api"))
            .toList();

    private PgWorkerChild() {
    }

    public static void main(String[] args) throws Exception {
        Workspace ws = new Workspace(Path.of(args[0]), Optional.of(DatabaseStore.parse(args[2], System.getenv())));
        try (BatchStore store = BatchStore.open(ws, false);
                BatchManager manager = new BatchManager(ws, store, SecretVault.open(Path.of(args[1]), false),
                        id -> new ImapConnector())) {
            manager.addListener(new BatchListener() {
                @Override
                public void migrationChanged(String batch, MigrationState state) {
                    System.out.println("status " + state.migrationId() + " " + state.status().name());
                    System.out.flush();
                }
            });
            System.out.println("ready " + store.claims().worker());
            System.out.flush();
            Path go = Path.of(args[4]);
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Files.exists(go) && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            manager.start(args[3], Selection.PENDING, List.of(), RunSettings.defaults().withAllowPlaintext(true));
            manager.join(args[3], Duration.ofMinutes(5));
            System.out.println("finished");
        }
    }
}
