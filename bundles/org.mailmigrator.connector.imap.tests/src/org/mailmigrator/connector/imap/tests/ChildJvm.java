package org.mailmigrator.connector.imap.tests;

import java.io.File;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.FileLocator;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Starts a class of this bundle's in a separate plain JVM (no OSGi) whose class path is made of the jars
 * and folders of the bundles the running test framework uses: the engine and the connector are plain Java,
 * so a test can kill that process for real.
 */
final class ChildJvm {
    static final List<String> BUNDLES = List.of("org.mailmigrator.core", "org.mailmigrator.connector.imap",
            "org.mailmigrator.connector.imap.tests", "jakarta.mail-api", "org.eclipse.angus.mail", "angus-activation",
            "jakarta.activation-api", "com.h2database");

    private ChildJvm() {
    }

    static ProcessBuilder command(Class<?> main, List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(main.getName());
        cmd.addAll(args);
        return new ProcessBuilder(cmd);
    }

    static String classPath() {
        Bundle self = FrameworkUtil.getBundle(ChildJvm.class);
        List<String> entries = new ArrayList<>();
        for (String name : BUNDLES) {
            Bundle b = List.of(self.getBundleContext().getBundles()).stream()
                    .filter(x -> x.getSymbolicName().equals(name)).max(Comparator.comparing(Bundle::getVersion))
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
