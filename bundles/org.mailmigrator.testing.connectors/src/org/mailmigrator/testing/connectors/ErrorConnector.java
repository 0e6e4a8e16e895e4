package org.mailmigrator.testing.connectors;

import java.util.ServiceConfigurationError;

import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.Connector;
import org.mailmigrator.core.spi.ConnectorSession;

/**
 * Test connector whose every session open throws an {@link Error}, not an exception: what a connector does when a
 * library it loads is broken ({@link ServiceConfigurationError}, as {@code ServiceLoader} throws). The job running
 * such a row must end it Failed, naming the error, and the rows beside it must go on.
 */
public final class ErrorConnector implements Connector {
    /** The start of what the thrown error says. */
    public static final String MESSAGE = "test connector: a provider could not be loaded";

    @Override
    public ConnectorSession open(Account account, Role role, ConnectContext context) {
        throw new ServiceConfigurationError(MESSAGE + " for " + account.setting("login").orElse("?"));
    }
}
