package org.mailmigrator.batch.notify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.mailmigrator.core.registry.Attributes;
import org.mailmigrator.core.registry.Contributions;
import org.mailmigrator.core.registry.Contributions.Entry;

/**
 * The notifiers contributed to {@value #EXTENSION_POINT} (e-mail through SMTP is the batch bundle's own). Declarations
 * are read on first use; a broken declaration is skipped, logged and listed by {@link #problems()}, and a factory that
 * cannot be loaded or fails is logged and told to the run's {@code problems}, never stopping the others or the batch.
 */
public final class Notifiers {
    public static final String EXTENSION_POINT = "org.mailmigrator.batch.notifiers";

    private final Contributions<NotifierDescriptor> contributions;

    /** @param extensions the registry read; null for none (a process without OSGi): then no notifier */
    public Notifiers(IExtensionRegistry extensions) {
        contributions = extensions == null ? null : new Contributions<>(extensions, EXTENSION_POINT, "notifier", e -> {
            Attributes.require(e, "name", "class");
            return new NotifierDescriptor(e.getAttribute("id"), e.getAttribute("name"), e.getContributor().getName());
        });
    }

    /** The valid notifiers, by id. */
    public List<NotifierDescriptor> notifiers() {
        return entries().stream().map(Entry::value).sorted(Comparator.comparing(NotifierDescriptor::id)).toList();
    }

    /** Declarations that were skipped, each naming the contributing bundle and the reason. */
    public List<String> problems() {
        return contributions == null ? List.of() : contributions.problems();
    }

    /**
     * Every contributed notifier that has something to do for this run, as one listener: add it to the batch
     * manager before the run starts and close it after the run (closing waits for what is being delivered).
     */
    public RunNotifiers create(NotifierContext context) {
        List<Notifier> created = new ArrayList<>();
        for (Entry<NotifierDescriptor> entry : entries()) {
            String which = "notifier '" + entry.id() + "' of bundle " + entry.contributor();
            try {
                if (entry.element().createExecutableExtension("class") instanceof NotifierFactory factory) {
                    Optional<Notifier> notifier = factory.create(context);
                    notifier.ifPresent(created::add);
                } else {
                    broken(context, which + " is not a notifier factory: skipped");
                }
            } catch (CoreException | RuntimeException e) {
                broken(context, which + " cannot be loaded (" + e.getMessage() + "): skipped");
            }
        }
        return new RunNotifiers(created, context.problems());
    }

    private static void broken(NotifierContext context, String message) {
        ILog.of(Notifiers.class).log(Status.warning(message));
        context.problems().accept(message);
    }

    private List<Entry<NotifierDescriptor>> entries() {
        return contributions == null ? List.of() : contributions.entries();
    }
}
