package org.mailmigrator.connector.ews.tests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.mailmigrator.connector.ews.EwsConnector;
import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.Dovecot;

/** One IMAP (Dovecot) → Exchange (EWS protocol fake) mail migration through the real engine and both connectors. */
record EwsMailRun(Dovecot source, String user, EwsProtocolFake fake, Path stateDir) {

    static MigrationSettings fast() {
        return MigrationSettings.defaults().withRetries(3, Duration.ofMillis(100)).withBatchSize(4);
    }

    MigrationReport run(MigrationSettings settings, MigrationListener listener, String password) throws Exception {
        return run(settings, listener, password, Map.of());
    }

    /** With more settings of the Exchange account ({@code mailbox}, {@code access}...). */
    MigrationReport run(MigrationSettings settings, MigrationListener listener, String password, Map<String, String> ews)
            throws Exception {
        try (StateStore state = StateStore.openEmbedded(stateDir, "ews-pair")) {
            return new MigrationEngine(
                    () -> new ImapConnector().open(MailCorpus.imap(source, user), Role.SOURCE, ConnectContext.of(Secret.of(Dovecot.PASSWORD))),
                    () -> new EwsConnector().open(EwsRun.ews(fake, ews), Role.DESTINATION, ConnectContext.of(Secret.of(password))),
                    state, settings, listener).run();
        }
    }

    MigrationReport run() throws Exception {
        return run(fast(), MigrationListener.NONE, EwsRun.PASSWORD);
    }

    /** The MIME bytes of every message in an Exchange folder of the fake, base64, sorted: a comparable multiset. */
    static List<String> mimeIn(EwsProtocolFake fake, String exchangeFolder) {
        List<String> out = new ArrayList<>(fake.mail.in(exchangeFolder).stream().map(m -> Base64.getEncoder().encodeToString(m.mime)).toList());
        out.sort(null);
        return out;
    }

    static List<String> mimeOf(List<MailCorpus.Mail> mails, String sourceFolder) {
        List<String> out = new ArrayList<>(mails.stream().filter(m -> m.folder().equals(sourceFolder))
                .map(m -> Base64.getEncoder().encodeToString(m.bytes())).toList());
        out.sort(null);
        return out;
    }
}
