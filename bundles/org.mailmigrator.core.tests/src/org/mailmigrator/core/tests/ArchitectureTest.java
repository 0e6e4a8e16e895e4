package org.mailmigrator.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.eclipse.osgi.util.ManifestElement;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleException;

/**
 * The build fails when a bundle outside the UI family depends on SWT, JFace or the workbench: core, connectors
 * and the command line must run headless. Reads every bundle's MANIFEST.MF in the source tree, so a bundle
 * is checked even when no test runtime loads it.
 */
class ArchitectureTest {
    private static final List<String> UI_PREFIXES = List.of("org.eclipse.swt", "org.eclipse.jface", "org.eclipse.ui",
            "org.eclipse.e4.ui");

    @Test
    void nonUiBundlesDoNotDependOnUiPackagesOrBundles() throws Exception {
        Path bundles = Path.of(System.getProperty("mailmigrator.sourceRoot"), "bundles");
        List<String> checked = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(bundles)) {
            for (Path dir : dirs.sorted().toList()) {
                Path manifest = dir.resolve("META-INF/MANIFEST.MF");
                String name = dir.getFileName().toString();
                if (!Files.isRegularFile(manifest) || isUiFamily(name)) {
                    continue;
                }
                checked.add(name);
                try (InputStream in = Files.newInputStream(manifest)) {
                    violations.addAll(uiDependencies(name, in));
                }
            }
        }
        assertTrue(checked.containsAll(List.of("org.mailmigrator.core", "org.mailmigrator.cli")), checked.toString());
        assertEquals(List.of(), violations);
    }

    @Test
    void theCheckFindsAUiDependency() throws Exception {
        String manifest = "Manifest-Version: 1.0\nRequire-Bundle: org.mailmigrator.core,\n org.eclipse.jface\n"
                + "Import-Package: org.eclipse.swt.widgets;version=\"3.0\"\n";
        assertEquals(List.of("x requires bundle org.eclipse.jface", "x imports package org.eclipse.swt.widgets"),
                uiDependencies("x", new ByteArrayInputStream(manifest.getBytes(StandardCharsets.UTF_8))));
    }

    static boolean isUiFamily(String bundle) {
        return bundle.endsWith(".ui") || bundle.contains(".ui.") || bundle.endsWith(".app") || bundle.contains(".app.");
    }

    static List<String> uiDependencies(String bundle, InputStream manifestStream) throws IOException, BundleException {
        var attributes = new Manifest(manifestStream).getMainAttributes();
        List<String> found = new ArrayList<>();
        for (String header : List.of("Require-Bundle", "Import-Package")) {
            String value = attributes.getValue(header);
            if (value == null) {
                continue;
            }
            for (ManifestElement element : ManifestElement.parseHeader(header, value)) {
                String target = element.getValue();
                if (UI_PREFIXES.stream().anyMatch(p -> target.equals(p) || target.startsWith(p + "."))) {
                    found.add(bundle + (header.equals("Require-Bundle") ? " requires bundle " : " imports package ") + target);
                }
            }
        }
        return found;
    }
}
