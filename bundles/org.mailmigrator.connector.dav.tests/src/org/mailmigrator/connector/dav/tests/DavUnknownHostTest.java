package org.mailmigrator.connector.dav.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.FileLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * An unknown host is a connection failure naming the host. Run in a child JVM whose name resolution reads
 * only a hosts file (jdk.net.hosts.file): the test never sends a DNS query, no network beyond loopback.
 */
class DavUnknownHostTest {
    private static final List<String> BUNDLES = List.of("org.mailmigrator.core", "org.mailmigrator.connector.dav",
            "org.mailmigrator.connector.dav.tests");

    @Test
    void anUnknownHostIsAConnectionFailureNamingTheHost(@TempDir Path dir) throws Exception {
        Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n");
        List<String> cmd = List.of(System.getProperty("java.home") + "/bin/java", "-Djdk.net.hosts.file=" + hosts, "-cp",
                classPath(), DavOpenMain.class.getName(), "https://dav.no-such-host.example/");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        assertTrue(out.contains("reason CONNECTION: no such host dav.no-such-host.example (DNS)"), out);
    }

    private static String classPath() {
        Bundle self = FrameworkUtil.getBundle(DavUnknownHostTest.class);
        List<String> entries = new ArrayList<>();
        for (String name : BUNDLES) {
            Bundle b = List.of(self.getBundleContext().getBundles()).stream().filter(x -> x.getSymbolicName().equals(name))
                    .max(Comparator.comparing(Bundle::getVersion)).orElseThrow();
            File f = FileLocator.getBundleFileLocation(b).orElseThrow();
            if (f.isDirectory() && new File(f, "target/classes").isDirectory()) {
                f = new File(f, "target/classes");
            }
            entries.add(f.getAbsolutePath());
        }
        return String.join(File.pathSeparator, entries);
    }
}
