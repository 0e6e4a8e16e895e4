package org.mailmigrator.core.connector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.RegistryFactory;
import org.eclipse.core.runtime.Status;
import org.mailmigrator.core.internal.registry.ConnectorParser;
import org.mailmigrator.core.internal.registry.ConnectorParser.Parsed;
import org.mailmigrator.core.spi.Connector;
import org.mailmigrator.core.spi.ConnectorException;

/**
 * The connectors contributed to {@value #EXTENSION_POINT}. Declarations are read on first use; a broken
 * contribution is skipped and logged (and listed by {@link #problems()}), never allowed to stop the others.
 * A connector's code is loaded only when {@link #create(String)} asks for it.
 */
public final class ConnectorRegistry {
    public static final String EXTENSION_POINT = "org.mailmigrator.core.connectors";

    private final IExtensionRegistry extensions;
    private Map<String, Entry> entries;
    private List<String> problems;

    private record Entry(ConnectorDescriptor descriptor, IConfigurationElement element) {
    }

    public ConnectorRegistry(IExtensionRegistry extensions) {
        this.extensions = extensions;
    }

    /** A registry over the running platform's extensions. */
    public static ConnectorRegistry fromPlatform() {
        return new ConnectorRegistry(RegistryFactory.getRegistry());
    }

    /** All valid connectors, sorted by id. */
    public synchronized List<ConnectorDescriptor> connectors() {
        return read().values().stream().map(Entry::descriptor)
                .sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }

    public synchronized Optional<ConnectorDescriptor> find(String id) {
        return Optional.ofNullable(read().get(id)).map(Entry::descriptor);
    }

    /** Contributions that were skipped, each naming the contributing bundle and the reason. */
    public synchronized List<String> problems() {
        read();
        return Collections.unmodifiableList(problems);
    }

    /** Loads and creates the connector's implementation. */
    public Connector create(String id) throws ConnectorException.AccountFailure {
        Entry entry;
        synchronized (this) {
            entry = read().get(id);
        }
        if (entry == null) {
            throw new ConnectorException.AccountFailure("no connector '" + id + "' is installed (installed: "
                    + String.join(", ", connectors().stream().map(ConnectorDescriptor::id).toList()) + ")", null);
        }
        try {
            Object created = entry.element().createExecutableExtension("class");
            if (created instanceof Connector connector) {
                return connector;
            }
            throw new ConnectorException.AccountFailure(describe(entry) + " does not implement "
                    + Connector.class.getName(), null);
        } catch (CoreException e) {
            throw new ConnectorException.AccountFailure(describe(entry) + " could not be loaded: " + e.getMessage(), e);
        }
    }

    private static String describe(Entry entry) {
        return "connector '" + entry.descriptor().id() + "' of bundle " + entry.descriptor().contributor();
    }

    private Map<String, Entry> read() {
        if (entries != null) {
            return entries;
        }
        Map<String, Entry> found = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        for (IConfigurationElement element : extensions.getConfigurationElementsFor(EXTENSION_POINT)) {
            Parsed parsed = ConnectorParser.parse(element);
            if (parsed instanceof Parsed.Problem p) {
                skipped.add(p.message());
            } else if (parsed instanceof Parsed.Valid v) {
                Entry previous = found.putIfAbsent(v.descriptor().id(), new Entry(v.descriptor(), element));
                if (previous != null) {
                    skipped.add("bundle " + v.descriptor().contributor() + ": connector id '" + v.descriptor().id()
                            + "' is already contributed by bundle " + previous.descriptor().contributor());
                }
            }
        }
        ILog log = ILog.of(ConnectorRegistry.class);
        skipped.forEach(message -> log.log(Status.warning("Skipped a connector contribution: " + message)));
        problems = List.copyOf(skipped);
        entries = found;
        return entries;
    }
}
