package org.mailmigrator.batch.tests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;

import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.jobs.BatchListener;
import org.mailmigrator.batch.jobs.BatchManager;
import org.mailmigrator.batch.jobs.ConnectorFactory;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.batch.jobs.Selection;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.connector.Addressing;
import org.mailmigrator.core.connector.ConnectorDescriptor;
import org.mailmigrator.core.connector.SettingDescriptor;
import org.mailmigrator.core.connector.SettingType;
import org.mailmigrator.core.connector.UrlScheme;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.spi.Connector;
import org.mailmigrator.core.state.DatabaseStore;

/**
 * A worker process of {@link FleetLimitsTest}: runs a stored batch in a plain JVM (no OSGi, so that the test can kill it
 * for real) with the engine state and the shared limits in a PostgreSQL database ({@code PGPASSWORD} from the
 * environment), as {@code batch run NAME --store URL} does. Prints one line per status change, then "finished".
 * Arguments: workspace batch store-URL.
 */
public final class FleetChild {
    static final List<String> BUNDLES = Stream.concat(BatchChild.BUNDLES.stream(),
            Stream.of("org.postgresql.jdbc", "org.flywaydb.core", "org.flywaydb.database.postgresql")).toList();

    /**
     * The IMAP connector with its declared endpoint (the {@code host} setting) and its {@code imap} scheme (STARTTLS,
     * plain when plaintext is allowed), as its plugin.xml says: without a registry outside OSGi, so that a worker counts
     * connections per server host as the product does.
     */
    private static final ConnectorFactory IMAP = new ConnectorFactory() {
        @Override
        public Connector create(String id) {
            return new ImapConnector();
        }

        @Override
        public Optional<ConnectorDescriptor> descriptor(String id) {
            SettingDescriptor host = new SettingDescriptor("host", "Server", SettingType.HOST, Optional.empty(), true,
                    false, List.of(), "");
            return Optional.of(new ConnectorDescriptor(id, id, "", "test", Set.of(Role.SOURCE, Role.DESTINATION),
                    Set.of(ItemKind.MAIL), List.of(host), new Addressing(Optional.of(host), Optional.empty(),
                            Optional.empty(), List.of(new UrlScheme("imap", "", OptionalInt.of(143),
                                    Map.of("security", "starttls"), Map.of("security", "plain"), false,
                                    Set.of(ItemKind.MAIL))))));
        }
    };

    private FleetChild() {
    }

    public static void main(String[] args) throws Exception {
        Workspace ws = new Workspace(Path.of(args[0]), Optional.of(DatabaseStore.parse(args[2], System.getenv())));
        try (BatchStore store = BatchStore.open(ws.batchesDir(), false);
                BatchManager manager = new BatchManager(ws, store, SecretVault.open(ws.defaultSecretsKey(), false),
                        IMAP)) {
            manager.addListener(new BatchListener() {
                @Override
                public void migrationChanged(String batch, MigrationState state) {
                    System.out.println("status " + state.migrationId() + " " + state.status().name()
                            + state.lastError().map(e -> " " + e).orElse(""));
                    System.out.flush();
                }
            });
            System.out.println("pid " + ProcessHandle.current().pid());
            manager.start(args[1], Selection.PENDING, List.of(), RunSettings.defaults().withAllowPlaintext(true));
            manager.join(args[1], Duration.ofMinutes(5));
            System.out.println("finished");
        }
    }
}
