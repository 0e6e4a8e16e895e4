package org.mailmigrator.core.spi;

import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;

/**
 * A protocol adapter, contributed through the {@code org.mailmigrator.core.connectors} extension point.
 * Plain Java: no OSGi or UI types, so a connector can be tested and used outside the workbench.
 */
public interface Connector {

    /**
     * Connects and logs in. The session is used by one thread at a time and closed by the caller.
     *
     * @throws ConnectorException.AccountFailure when the settings or the credential are wrong
     * @throws ConnectorException.TransientFailure when the server could not be reached for now
     */
    ConnectorSession open(Account account, Role role, ConnectContext context) throws ConnectorException;
}
