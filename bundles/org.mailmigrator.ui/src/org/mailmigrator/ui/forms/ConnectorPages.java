package org.mailmigrator.ui.forms;

import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.mailmigrator.core.connector.ConnectorDescriptor;
import org.mailmigrator.core.registry.Attributes;
import org.mailmigrator.core.registry.Contributions;
import org.mailmigrator.core.registry.Contributions.Entry;

/**
 * Account pages contributed to {@value #EXTENSION_POINT}, by connector id. A connector without a page, or whose
 * page cannot be created, gets the page generated from its declared settings: an account can always be edited.
 */
public final class ConnectorPages {
    public static final String EXTENSION_POINT = "org.mailmigrator.ui.connectorPages";

    /** A declared page: which connector it serves. Its class is loaded only when the page is needed. */
    private record Declared(String connector) {
    }

    private final Contributions<Declared> contributions;

    /** Over the extension registry the caller looked up (the workbench's session, a test): this class never does. */
    public ConnectorPages(IExtensionRegistry extensions) {
        contributions = new Contributions<>(extensions, EXTENSION_POINT, "page", e -> {
            Attributes.require(e, "connector", "class");
            return new Declared(e.getAttribute("connector"));
        });
    }

    /** A new page for an account of this connector: its contributed page, else the generated one. */
    public ConnectorPage create(ConnectorDescriptor connector) {
        for (Entry<Declared> entry : contributions.entries()) {
            if (entry.value().connector().equals(connector.id())) {
                try {
                    if (entry.element().createExecutableExtension("class") instanceof ConnectorPage page) {
                        return page;
                    }
                    log(entry, "does not implement " + ConnectorPage.class.getName());
                } catch (CoreException e) {
                    log(entry, "could not be loaded: " + e.getMessage());
                }
            }
        }
        return new GeneratedPage();
    }

    /** Declarations that were skipped, naming the bundle and the reason. */
    public List<String> problems() {
        return contributions.problems();
    }

    private static void log(Entry<Declared> entry, String reason) {
        ILog.of(ConnectorPages.class).log(Status.warning("Account page '" + entry.id() + "' of bundle "
                + entry.contributor() + " " + reason + "; the generated page is used instead"));
    }
}
