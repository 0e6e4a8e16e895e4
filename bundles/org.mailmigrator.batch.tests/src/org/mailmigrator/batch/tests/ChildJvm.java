package org.mailmigrator.batch.tests;

import java.io.File;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.FileLocator;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * A class of this bundle in a plain JVM whose class path is made of the bundles of the running test
 * framework (the batch manager, Eclipse Jobs, the engine and the IMAP connector run without OSGi).
 */
final class ChildJvm {
    static final List<String> BUNDLES = List.of("org.mailmigrator.core", "org.mailmigrator.batch",
            "org.mailmigrator.connector.imap", "org.mailmigrator.batch.tests", "jakarta.mail-api",
            "org.eclipse.angus.mail", "angus-activation", "jakarta.activation-api", "com.h2database",
            "org.apache.commons.commons-csv", "org.apache.commons.commons-io", "org.apache.commons.commons-codec",
            "org.eclipse.core.jobs", "org.eclipse.equinox.common", "org.eclipse.osgi");

    private ChildJvm() {
    }

    static ProcessBuilder command(Class<?> main, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-Xmx256m", "-cp",
                classPath(), main.getName()));
        cmd.addAll(args);
        return new ProcessBuilder(cmd);
    }

    static String classPath() {
        Bundle self = FrameworkUtil.getBundle(ChildJvm.class);
        List<String> entries = new ArrayList<>();
        for (String name : BUNDLES) {
            Bundle b = List.of(self.getBundleContext().getBundles()).stream()
                    .filter(x -> name.equals(x.getSymbolicName())).max(Comparator.comparing(Bundle::getVersion))
                    .orElseThrow(() -> new IllegalStateException("bundle " + name + " is not in the test runtime"));
            File f = FileLocator.getBundleFileLocation(b)
                    .orElseThrow(() -> new IllegalStateException("bundle " + name + " has no file location"));
            if (f.isDirectory()) {
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
