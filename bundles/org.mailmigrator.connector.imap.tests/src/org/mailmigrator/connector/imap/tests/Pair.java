package org.mailmigrator.connector.imap.tests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.engine.SessionFactory;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.Dovecot;

/** One account pair between test servers, run through the real connector and engine. */
record Pair(Dovecot source, String sourceUser, Dovecot destination, String destinationUser, Path stateDir) {

    static Account account(Dovecot d, String user, String security, Map<String, String> extra) {
        Map<String, String> s = new HashMap<>(Map.of("host", Dovecot.HOST, "security", security, "login", user,
                "port", String.valueOf(security.equals("tls") ? d.imapsPort() : d.imapPort())));
        s.putAll(extra);
        return new Account("imap", s, new CredentialRef(user));
    }

    static SessionFactory factory(Account account, Role role, String password) {
        return () -> new ImapConnector().open(account, role, ConnectContext.of(Secret.of(password)));
    }

    static MigrationSettings fast() {
        return MigrationSettings.defaults().withRetries(2, Duration.ofMillis(100)).withBatchSize(7);
    }

    MigrationReport run(MigrationSettings settings, MigrationListener listener) throws Exception {
        try (StateStore state = StateStore.openEmbedded(stateDir, "pair")) {
            return run(state, settings, listener);
        }
    }

    /** A run on a state store the caller opened (a PostgreSQL one); {@code stateDir} is not used. */
    MigrationReport run(StateStore state, MigrationSettings settings, MigrationListener listener) {
        return new MigrationEngine(factory(account(source, sourceUser, "plain", Map.of()), Role.SOURCE, Dovecot.PASSWORD),
                factory(account(destination, destinationUser, "plain", Map.of()), Role.DESTINATION, Dovecot.PASSWORD),
                state, settings, listener).run();
    }

    MigrationReport run() throws Exception {
        return run(fast(), MigrationListener.NONE);
    }
}
