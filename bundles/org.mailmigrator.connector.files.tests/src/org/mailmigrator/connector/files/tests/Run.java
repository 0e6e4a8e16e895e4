package org.mailmigrator.connector.files.tests;

import java.nio.file.Path;
import java.util.Map;

import org.mailmigrator.connector.files.FilesConnector;
import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.Dovecot;

/** Migrations of mail files into a Dovecot user with the engine, and the stores to look at both sides. */
final class Run {
    static final ConnectContext CTX = ConnectContext.of(Secret.of(Dovecot.PASSWORD));

    private Run() {
    }

    static Account files(Path path, String format) {
        return new Account("files", Map.of("path", path.toString(), "format", format), null);
    }

    static Account imap(Dovecot d, String user) {
        return new Account("imap", Map.of("host", Dovecot.HOST, "port", String.valueOf(d.imapPort()), "security", "plain",
                "login", user), new CredentialRef(user));
    }

    /** One pass; the state lives in {@code state} (the same folder for the reruns of one pair). */
    static MigrationReport migrate(Account src, Dovecot d, String user, Path state) throws Exception {
        try (StateStore store = StateStore.openEmbedded(state, "pair")) {
            return new MigrationEngine(() -> new FilesConnector().open(src, Role.SOURCE, CTX),
                    () -> new ImapConnector().open(imap(d, user), Role.DESTINATION, CTX), store,
                    MigrationSettings.defaults(), new MigrationListener() {
                    }).run();
        }
    }

    static ConnectorSession source(Account files) throws Exception {
        return new FilesConnector().open(files, Role.SOURCE, CTX);
    }

    static ConnectorSession imapSource(Dovecot d, String user) throws Exception {
        return new ImapConnector().open(imap(d, user), Role.SOURCE, CTX);
    }

    static MailStore store(ConnectorSession s) {
        return s.capability(MailStore.class).orElseThrow();
    }
}
