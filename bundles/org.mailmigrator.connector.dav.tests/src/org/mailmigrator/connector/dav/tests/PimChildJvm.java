package org.mailmigrator.connector.dav.tests;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.mailmigrator.testing.ChildJvm;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * A plain child JVM for the calendar/contacts tests: its class path is this test bundle and every bundle the
 * connectors are wired to in the running framework (ical4j, ez-vcard and their own dependencies, H2), found from
 * the OSGi wiring rather than listed by hand.
 */
final class PimChildJvm {
    private static final List<String> ROOTS = List.of("org.mailmigrator.connector.dav.tests", "org.mailmigrator.core",
            "org.mailmigrator.connector.ical", "org.mailmigrator.connector.vcard", "org.mailmigrator.connector.dav");

    private PimChildJvm() {
    }

    static ProcessBuilder command(Class<?> main, List<String> jvmOptions, List<String> args) {
        return ChildJvm.command(bundles(), main, jvmOptions, args);
    }

    private static List<String> bundles() {
        Bundle self = FrameworkUtil.getBundle(PimChildJvm.class);
        Set<String> names = new LinkedHashSet<>();
        Deque<Bundle> todo = new ArrayDeque<>();
        for (Bundle b : self.getBundleContext().getBundles()) {
            if (ROOTS.contains(b.getSymbolicName())) {
                todo.add(b);
            }
        }
        while (!todo.isEmpty()) {
            Bundle b = todo.pop();
            if (b.getBundleId() == 0 || !names.add(b.getSymbolicName())) {
                continue; // the framework itself is not on the child's class path
            }
            BundleWiring wiring = b.adapt(BundleWiring.class);
            if (wiring == null) {
                continue;
            }
            for (BundleWire wire : wiring.getRequiredWires(null)) {
                String ns = wire.getCapability().getNamespace();
                if (ns.equals("osgi.wiring.package") || ns.equals("osgi.wiring.bundle")) {
                    todo.add(wire.getProviderWiring().getBundle());
                }
            }
        }
        names.removeIf(n -> n.startsWith("org.eclipse.") || n.startsWith("junit") || n.startsWith("org.junit")
                || n.startsWith("org.opentest4j") || n.startsWith("org.apiguardian") || n.equals("org.mailmigrator.cli")
                || n.equals("org.mailmigrator.batch"));
        return List.copyOf(names);
    }
}
