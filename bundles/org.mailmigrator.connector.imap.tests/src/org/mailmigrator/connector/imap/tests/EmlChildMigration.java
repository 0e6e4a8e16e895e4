package org.mailmigrator.connector.imap.tests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.connectors.EmlDirectoryConnector;

/**
 * The engine in a bare JVM copying a directory of .eml files (string ids) to IMAP, for {@link EmlSigkillTest}:
 * prints "step NAME" at each checkpoint (journal written, appended, recorded...) and pauses there, so that a
 * SIGKILL lands right after that step; "finished OUTCOME" at the end.
 * Arguments: directory host port dstUser stateDir password pauseMillis.
 */
public final class EmlChildMigration {
    static final List<String> BUNDLES = List.of("org.mailmigrator.core", "org.mailmigrator.connector.imap",
            "org.mailmigrator.connector.imap.tests", "org.mailmigrator.testing.connectors", "jakarta.mail-api",
            "org.eclipse.angus.mail", "angus-activation", "jakarta.activation-api", "com.h2database");

    private EmlChildMigration() {
    }

    static Account source(Path dir) {
        return new Account("test.eml", Map.of("directory", dir.toString()), null);
    }

    public static void main(String[] a) throws Exception {
        long pause = Long.parseLong(a[6]);
        ConnectContext ctx = ConnectContext.of(Secret.of(a[5]));
        Account src = source(Path.of(a[0]));
        Account dst = new Account("imap", Map.of("host", a[1], "port", a[2], "security", "plain", "login", a[3]),
                new CredentialRef(a[3]));
        MigrationListener listener = new MigrationListener() {
            @Override
            public void checkpoint(String step, String folder) {
                System.out.println("step " + step + " " + folder);
                System.out.flush();
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        MigrationSettings settings = MigrationSettings.defaults().withBatchSize(3).withParallelism(1)
                .withRetries(2, Duration.ofMillis(100));
        try (StateStore state = StateStore.openEmbedded(Path.of(a[4]), "pair")) {
            MigrationReport r = new MigrationEngine(() -> new EmlDirectoryConnector().open(src, Role.SOURCE, ctx),
                    () -> new ImapConnector().open(dst, Role.DESTINATION, ctx), state, settings, listener).run();
            System.out.println("finished " + r.outcome() + " " + (r.failure() == null ? "" : r.failure()));
        }
    }
}
