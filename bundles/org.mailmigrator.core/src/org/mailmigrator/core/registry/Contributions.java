package org.mailmigrator.core.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.InvalidRegistryObjectException;
import org.eclipse.core.runtime.Status;

/**
 * The valid contributions of one kind of element to one extension point: read on first use, the first
 * declaration of an id wins, and a broken declaration is skipped, logged and listed by {@link #problems()},
 * never allowed to stop the others. Every registry of the product (connectors, providers…) stands on it.
 *
 * @param <T> what a declaration is read into
 */
public final class Contributions<T> {

    /** Reads one declaration; throws {@link IllegalArgumentException} saying what is wrong with it. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(IConfigurationElement element);
    }

    /** A valid declaration: its id, contributing bundle, what it was read into, and the element itself. */
    public record Entry<T>(String id, String contributor, T value, IConfigurationElement element) {
    }

    private final IExtensionRegistry extensions;
    private final String point;
    private final String element;
    private final Reader<T> reader;
    private Map<String, Entry<T>> entries;
    private List<String> problems;

    /**
     * @param element the element name read (e.g. {@code connector}); also the word used in messages
     */
    public Contributions(IExtensionRegistry extensions, String point, String element, Reader<T> reader) {
        this.extensions = extensions;
        this.point = point;
        this.element = element;
        this.reader = reader;
    }

    /** The valid declarations in contribution order. */
    public synchronized List<Entry<T>> entries() {
        return List.copyOf(read().values());
    }

    public synchronized Optional<Entry<T>> entry(String id) {
        return Optional.ofNullable(read().get(id));
    }

    /** Declarations that were skipped, each naming the contributing bundle, the id and the reason. */
    public synchronized List<String> problems() {
        read();
        return Collections.unmodifiableList(problems);
    }

    private Map<String, Entry<T>> read() {
        if (entries != null) {
            return entries;
        }
        Map<String, Entry<T>> found = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        for (IConfigurationElement e : extensions.getConfigurationElementsFor(point)) {
            String contributor = e.getContributor().getName();
            String id = e.getAttribute("id");
            String where = "bundle " + contributor + ", " + element + " '" + (id == null ? "?" : id) + "'";
            try {
                if (!element.equals(e.getName())) {
                    throw new IllegalArgumentException("unexpected element <" + e.getName() + ">");
                }
                Attributes.require(e, "id");
                Entry<T> entry = new Entry<>(id, contributor, reader.read(e), e);
                Entry<T> previous = found.putIfAbsent(id, entry);
                if (previous != null) {
                    skipped.add("bundle " + contributor + ": " + element + " id '" + id
                            + "' is already contributed by bundle " + previous.contributor());
                }
            } catch (IllegalArgumentException | InvalidRegistryObjectException ex) {
                skipped.add(where + ": " + ex.getMessage());
            }
        }
        if (!skipped.isEmpty()) { // the platform's log only when there is something to say (none outside OSGi)
            ILog log = ILog.of(Contributions.class);
            skipped.forEach(message -> log.log(Status.warning("Skipped a " + element + " contribution: " + message)));
        }
        problems = List.copyOf(skipped);
        entries = found;
        return entries;
    }
}
