package org.mailmigrator.connector.ews.tests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.mailmigrator.connector.ews.EwsConnector;
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
 * The engine in a bare JVM (no OSGi), IMAP into EWS, for the SIGKILL test: prints "finished OUTCOME" if it ever
 * reaches its end. Arguments: imapPort user ewsUrl stateDir imapPassword ewsLogin ewsPassword.
 */
public final class EwsChildMigration {
    /** The class path of the child JVM: engine, both connectors, their libraries, this test bundle. */
    static final List<String> BUNDLES = List.of("org.mailmigrator.core", "org.mailmigrator.connector.imap",
            "org.mailmigrator.connector.ews", "org.mailmigrator.connector.ews.tests", "jakarta.mail-api", "org.eclipse.angus.mail",
            "angus-activation", "jakarta.activation-api", "com.h2database", "wrapped.com.microsoft.ews-java-api.ews-java-api",
            "wrapped.org.apache.httpcomponents.httpclient", "wrapped.org.apache.httpcomponents.httpcore",
            "org.apache.commons.commons-logging", "org.apache.commons.commons-codec", "org.apache.commons.lang3", "joda-time",
            "wrapped.javax.xml.ws.jaxws-api", "jaxb-api", "com.sun.activation.javax.activation");

    private EwsChildMigration() {
    }

    public static void main(String[] a) throws Exception {
        Account src = new Account("imap", Map.of("host", "127.0.0.1", "port", a[0], "security", "plain", "login", a[1]),
                new CredentialRef(a[1]));
        Account dst = new Account("ews", Map.of("url", a[2], "login", a[5], "allowPlaintext", "true"), new CredentialRef(a[5]));
        MigrationSettings settings = MigrationSettings.defaults().withBatchSize(4).withParallelism(1)
                .withRetries(2, Duration.ofMillis(100));
        try (StateStore state = StateStore.openEmbedded(Path.of(a[3]), "ews-pair")) {
            MigrationReport r = new MigrationEngine(
                    () -> new ImapConnector().open(src, Role.SOURCE, ConnectContext.of(Secret.of(a[4]))),
                    () -> new EwsConnector().open(dst, Role.DESTINATION, ConnectContext.of(Secret.of(a[6]))),
                    state, settings, MigrationListener.NONE).run();
            System.out.println("finished " + r.outcome() + " " + (r.failure() == null ? "" : r.failure()));
        }
    }
}
