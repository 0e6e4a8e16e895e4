package org.mailmigrator.core.connector;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.mailmigrator.core.internal.registry.ConnectorParser;
import org.mailmigrator.core.registry.Contributions;
import org.mailmigrator.core.registry.Contributions.Entry;
import org.mailmigrator.core.spi.Connector;
import org.mailmigrator.core.spi.ConnectorException;

/**
 * The connectors contributed to {@value #EXTENSION_POINT}. Declarations are read on first use; a broken
 * contribution is skipped and logged (and listed by {@link #problems()}), never allowed to stop the others.
 * A connector's code is loaded only when {@link #create(String)} asks for it.
 */
public final class ConnectorRegistry {
    public static final String EXTENSION_POINT = "org.mailmigrator.core.connectors";

    private final Contributions<ConnectorDescriptor> contributions;

    /** Over the extension registry its caller looked up (the workspace service, a view, a test): this class never does. */
    public ConnectorRegistry(IExtensionRegistry extensions) {
        contributions = new Contributions<>(extensions, EXTENSION_POINT, "connector", ConnectorParser::read);
    }

    /** All valid connectors, sorted by id. */
    public List<ConnectorDescriptor> connectors() {
        return contributions.entries().stream().map(Entry::value)
                .sorted(Comparator.comparing(ConnectorDescriptor::id)).toList();
    }

    public Optional<ConnectorDescriptor> find(String id) {
        return contributions.entry(id).map(Entry::value);
    }

    /**
     * The connector answering a URL scheme ({@code imaps}, {@code ews+https}...), case-insensitive; when two
     * declare it, the first by id.
     */
    public Optional<ConnectorDescriptor> forScheme(String scheme) {
        return connectors().stream().filter(c -> c.addressing().scheme(scheme).isPresent()).findFirst();
    }

    /** Contributions that were skipped, each naming the contributing bundle and the reason. */
    public List<String> problems() {
        return contributions.problems();
    }

    /** Loads and creates the connector's implementation. */
    public Connector create(String id) throws ConnectorException.AccountFailure {
        Entry<ConnectorDescriptor> entry = contributions.entry(id).orElseThrow(
                () -> new ConnectorException.AccountFailure("no connector '" + id + "' is installed (installed: "
                        + String.join(", ", connectors().stream().map(ConnectorDescriptor::id).toList()) + ")", null));
        String which = "connector '" + id + "' of bundle " + entry.contributor();
        try {
            if (entry.element().createExecutableExtension("class") instanceof Connector connector) {
                return connector;
            }
            throw new ConnectorException.AccountFailure(which + " does not implement " + Connector.class.getName(), null);
        } catch (CoreException e) {
            throw new ConnectorException.AccountFailure(which + " could not be loaded: " + e.getMessage(), e);
        }
    }
}
