package org.mailmigrator.connector.imap.tests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.state.DatabaseStore;
import org.mailmigrator.core.state.StateStore;
import java.util.List;

/**
 * The engine in a bare JVM, for the SIGKILL test: prints "appended" after each destination write (and
 * pauses a little, so the kill lands mid-run), "finished OUTCOME" at the end.
 * Arguments: host port srcUser dstUser stateDirOrStoreUrl password pauseMillis.
 */
public final class ChildMigration {
    /** The class path of the child JVM that runs this class: the engine and the IMAP connector, no OSGi. */
    static final List<String> BUNDLES = List.of("org.mailmigrator.core", "org.mailmigrator.connector.imap",
            "org.mailmigrator.connector.imap.tests", "jakarta.mail-api", "org.eclipse.angus.mail", "angus-activation",
            "jakarta.activation-api", "com.h2database", "org.postgresql.jdbc", "org.flywaydb.core",
            "org.flywaydb.database.postgresql");

    private ChildMigration() {
    }

    public static void main(String[] a) throws Exception {
        String host = a[0];
        String port = a[1];
        long pause = Long.parseLong(a[6]);
        ConnectContext ctx = ConnectContext.of(Secret.of(a[5]));
        Account src = new Account("imap", Map.of("host", host, "port", port, "security", "plain", "login", a[2]),
                new CredentialRef(a[2]));
        Account dst = new Account("imap", Map.of("host", host, "port", port, "security", "plain", "login", a[3]),
                new CredentialRef(a[3]));
        MigrationListener listener = new MigrationListener() {
            @Override
            public void checkpoint(String step, String folder) {
                if (step.equals("appended")) {
                    System.out.println("appended " + folder);
                    System.out.flush();
                    try {
                        Thread.sleep(pause);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        MigrationSettings settings = MigrationSettings.defaults().withBatchSize(7).withRetries(2, Duration.ofMillis(100));
        // a folder (embedded H2), or a PostgreSQL store URL with its password in $PGPASSWORD
        try (StateStore state = DatabaseStore.isUrl(a[4]) ? DatabaseStore.parse(a[4], System.getenv()).open("pair")
                : StateStore.openEmbedded(Path.of(a[4]), "pair")) {
            MigrationReport r = new MigrationEngine(() -> new ImapConnector().open(src, Role.SOURCE, ctx),
                    () -> new ImapConnector().open(dst, Role.DESTINATION, ctx), state, settings, listener).run();
            System.out.println("finished " + r.outcome() + " " + (r.failure() == null ? "" : r.failure()));
        }
    }
}
