package org.mailmigrator.batch.jobs;

import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.core.spi.Connector;
import org.mailmigrator.core.spi.ConnectorException;

/**
 * Creates the connector of an id. In the product it is the registry; a benchmark outside OSGi passes
 * {@code id -> new ImapConnector()}.
 */
@FunctionalInterface
public interface ConnectorFactory {
    /** @throws ConnectorException.AccountFailure naming the id when no such connector is installed */
    Connector create(String id) throws ConnectorException.AccountFailure;

    static ConnectorFactory of(ConnectorRegistry registry) {
        return registry::create;
    }
}
