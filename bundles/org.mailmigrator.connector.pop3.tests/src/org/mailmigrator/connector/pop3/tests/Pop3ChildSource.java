package org.mailmigrator.connector.pop3.tests;

import java.util.List;
import java.util.Map;

import org.mailmigrator.connector.pop3.Pop3Connector;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.testing.connectors.ChildCopy;

/**
 * A POP3 maildrop on loopback as the source of a child run ({@link ChildCopy}, argument {@code PORT:LOGIN}), and of
 * the run that checks it afterwards ({@link Pop3Kills#resume}). Plain POP3 (Dovecot allows it on loopback): the
 * relay of {@link Pop3Kills#killInRetr} reads the client's commands to kill the child inside a RETR answer. Loaded in
 * the child's plain JVM, so it uses nothing from {@code org.mailmigrator.testing}.
 */
public final class Pop3ChildSource implements ChildCopy.Source {
    /** The child's class path: the engine, POP3, IMAP, this class and the child main. */
    static final List<String> CHILD_BUNDLES = List.of("org.mailmigrator.core", "org.mailmigrator.connector.imap",
            "org.mailmigrator.connector.pop3", "org.mailmigrator.connector.pop3.tests",
            "org.mailmigrator.testing.connectors", "jakarta.mail-api", "org.eclipse.angus.mail", "angus-activation",
            "jakarta.activation-api", "com.h2database");

    public Pop3ChildSource() {
    }

    @Override
    public ConnectorSession open(String argument, ConnectContext context) throws ConnectorException {
        int colon = argument.indexOf(':');
        Account account = new Account("pop3", Map.of("host", "127.0.0.1", "port", argument.substring(0, colon),
                "security", "plain", "login", argument.substring(colon + 1)), null);
        return new Pop3Connector().open(account, Role.SOURCE, context);
    }
}
