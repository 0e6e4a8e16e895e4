package org.mailmigrator.batch.jobs;

import java.util.Optional;

import org.mailmigrator.core.connector.ConnectorDescriptor;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.core.spi.Connector;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.Shared;

/**
 * Creates the connector of an id, and tells its declaration (what addresses an account: the per-host limit's
 * key, the destination lock). In the product it is the registry; a benchmark outside OSGi passes
 * {@code id -> new ImapConnector()}, whose accounts then count under the connector's id.
 */
@FunctionalInterface
public interface ConnectorFactory {
    /** @throws ConnectorException.AccountFailure naming the id when no such connector is installed */
    Connector create(String id) throws ConnectorException.AccountFailure;

    /** The connector's declaration; empty when this factory knows none (a benchmark's lambda). */
    default Optional<ConnectorDescriptor> descriptor(String id) {
        return Optional.empty();
    }

    /**
     * The connector that declares the URL scheme {@code scheme} ({@code caldav+https}, {@code ews+https}...); empty
     * when this factory knows no declarations.
     */
    default Optional<ConnectorDescriptor> forScheme(String scheme) {
        return Optional.empty();
    }

    /**
     * What the connectors this factory makes keep beyond a pass, for as long as the factory lives (its manager, its
     * command): one {@link Shared} handed to every session opened through it. Empty: each connector keeps its own.
     */
    default Optional<Shared> shared() {
        return Optional.empty();
    }

    /** Over the registry, with one {@link Shared} for every connector it makes. */
    static ConnectorFactory of(ConnectorRegistry registry) {
        Shared shared = new Shared();
        return new ConnectorFactory() {
            @Override
            public Connector create(String id) throws ConnectorException.AccountFailure {
                return registry.create(id);
            }

            @Override
            public Optional<ConnectorDescriptor> descriptor(String id) {
                return registry.find(id);
            }

            @Override
            public Optional<ConnectorDescriptor> forScheme(String scheme) {
                return registry.forScheme(scheme);
            }

            @Override
            public Optional<Shared> shared() {
                return Optional.of(shared);
            }
        };
    }
}
