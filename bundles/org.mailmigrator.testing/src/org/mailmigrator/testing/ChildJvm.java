package org.mailmigrator.testing;

import java.io.File;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.FileLocator;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Starts a test class in a separate plain JVM (no OSGi) whose class path is made of the jars and folders of
 * bundles of the running test framework: the engine, the batch manager and the connectors are plain Java, so
 * a test can kill that process for real (SIGKILL) or give it a JVM of its own (no DNS, small heap).
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * @param bundles symbolic names of the bundles that make the class path, {@code main}'s own included
     */
    public static ProcessBuilder command(List<String> bundles, Class<?> main, List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath(FrameworkUtil.getBundle(main), bundles));
        cmd.add(main.getName());
        cmd.addAll(args);
        return new ProcessBuilder(cmd);
    }

    private static String classPath(Bundle self, List<String> bundles) {
        List<String> entries = new ArrayList<>();
        // a main class of a bundle that is resolved but not started (testing.connectors' ChildCopy: no activator,
        // nothing runs) has no context until it is started
        if (self.getBundleContext() == null) {
            try {
                self.start(Bundle.START_TRANSIENT);
            } catch (org.osgi.framework.BundleException e) {
                throw new IllegalStateException("cannot start " + self.getSymbolicName() + " to list the bundles: " + e.getMessage(), e);
            }
        }
        org.osgi.framework.BundleContext context = self.getBundleContext();
        for (String name : bundles) {
            Bundle b = List.of(context.getBundles()).stream()
                    .filter(x -> name.equals(x.getSymbolicName())).max(Comparator.comparing(Bundle::getVersion))
                    .orElseThrow(() -> new IllegalStateException("bundle " + name + " is not in the test runtime"));
            File f = FileLocator.getBundleFileLocation(b)
                    .orElseThrow(() -> new IllegalStateException("bundle " + name + " has no file location"));
            if (f.isDirectory()) {
                // a bundle of the reactor, not yet packed: its compiled classes
                for (String sub : List.of("target/classes", "bin")) {
                    if (new File(f, sub).isDirectory()) {
                        f = new File(f, sub);
                        break;
                    }
                }
            }
            entries.add(f.getAbsolutePath());
        }
        return String.join(File.pathSeparator, entries);
    }
}
