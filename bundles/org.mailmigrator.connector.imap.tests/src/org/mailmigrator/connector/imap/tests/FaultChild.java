package org.mailmigrator.connector.imap.tests;

import java.nio.file.Path;
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

/**
 * One migration pass for the fault suite, in a JVM of its own (so it can be SIGKILLed): the real engine, the
 * real IMAP connector, the destination lock, the default retries. The password comes from the environment
 * (never the command line, which {@code ps} shows). Prints the engine's log lines and "finished OUTCOME copied N".
 * Arguments: host port srcUser dstUser stateDir.
 */
public final class FaultChild {
    private FaultChild() {
    }

    public static void main(String[] a) throws Exception {
        ConnectContext ctx = ConnectContext.of(Secret.of(System.getenv("FAULT_PASSWORD")));
        Account src = account(a[0], a[1], a[2]);
        Account dst = account(a[0], a[1], a[3]);
        MigrationListener listener = new MigrationListener() {
            @Override
            public void info(String message) {
                System.out.println("info " + message);
                System.out.flush();
            }
        };
        MigrationSettings settings = MigrationSettings.defaults().withBatchSize(20)
                .withRetries(6, java.time.Duration.ofMillis(200));
        try (StateStore state = StateStore.openEmbedded(Path.of(a[4]), "pair")) {
            MigrationReport r = new MigrationEngine(() -> new ImapConnector().open(src, Role.SOURCE, ctx),
                    () -> new ImapConnector().open(dst, Role.DESTINATION, ctx), state, settings, listener)
                    .lockingDestination(a[0], a[3]).run();
            System.out.println("finished " + r.outcome() + " copied " + r.copied() + " present " + r.alreadyPresent()
                    + (r.failure() == null ? "" : " failure " + r.failure()));
        }
        System.exit(0);
    }

    private static Account account(String host, String port, String user) {
        return new Account("imap", Map.of("host", host, "port", port, "security", "plain", "login", user),
                new CredentialRef(user));
    }
}
