package org.mailmigrator.connector.pst.tests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.mailmigrator.connector.files.FilesConnector;
import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.connector.pst.PstConnector;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.Connector;
import org.mailmigrator.core.state.StateStore;

/**
 * The engine in a bare JVM copying a mail file source (the {@code files} or the {@code pst} connector) to IMAP, for
 * {@link FileSourceSigkillTest}: prints "step NAME" at each checkpoint and pauses there, so that a SIGKILL lands
 * right after that step; "finished OUTCOME" at the end.
 * Arguments: connector path host port dstUser stateDir password pauseMillis.
 */
public final class ChildMigration {
    static final List<String> BUNDLES = List.of("org.mailmigrator.core", "org.mailmigrator.connector.imap",
            "org.mailmigrator.connector.files", "org.mailmigrator.connector.pst", "org.mailmigrator.connector.pst.tests",
            "wrapped.com.pff.java-libpst", "jakarta.mail-api", "org.eclipse.angus.mail", "angus-activation",
            "jakarta.activation-api", "com.h2database");

    private ChildMigration() {
    }

    static Account source(String connector, Path path) {
        return connector.equals("pst") ? new Account("pst", Map.of("path", path.toString()), null)
                : new Account("files", Map.of("path", path.toString(), "format", "auto"), null);
    }

    static Connector connector(String id) {
        return id.equals("pst") ? new PstConnector() : new FilesConnector();
    }

    public static void main(String[] a) throws Exception {
        long pause = Long.parseLong(a[7]);
        ConnectContext ctx = ConnectContext.of(Secret.of(a[6]));
        Account src = source(a[0], Path.of(a[1]));
        Account dst = new Account("imap", Map.of("host", a[2], "port", a[3], "security", "plain", "login", a[4]),
                new CredentialRef(a[4]));
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
        try (StateStore state = StateStore.openEmbedded(Path.of(a[5]), "pair")) {
            MigrationReport r = new MigrationEngine(() -> connector(a[0]).open(src, Role.SOURCE, ctx),
                    () -> new ImapConnector().open(dst, Role.DESTINATION, ctx), state, settings, listener).run();
            System.out.println("finished " + r.outcome() + " " + (r.failure() == null ? "" : r.failure()));
        }
    }
}
