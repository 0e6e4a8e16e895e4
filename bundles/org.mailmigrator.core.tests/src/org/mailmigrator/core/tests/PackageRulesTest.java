package org.mailmigrator.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two rules of DESIGN.md that hold for the whole source tree from now on: every package under
 * {@code bundles/*}{@code /src} says in a {@code package-info.java} what lives there and who may use it, and no class
 * of a production bundle (not a {@code .tests} bundle, not the {@code testing} support bundles) is longer than
 * {@value #MAX_LINES} lines. Reads the tree named by {@code mailmigrator.sourceRoot}, so every bundle is checked
 * even when no test runtime loads it; a failure lists every offender.
 */
class PackageRulesTest {
    static final int MAX_LINES = 400;

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        List<String> packages = new ArrayList<>();
        List<String> undocumented = undocumentedPackages(bundles(), packages);
        assertTrue(packages.size() > 50, "packages found: " + packages.size());
        assertEquals(List.of(), undocumented, "packages without a package-info.java (say what lives there, "
                + "what it may use and who may depend on it)");
    }

    @Test
    void noProductionClassIsLongerThanTheLimit() throws IOException {
        assertEquals(List.of(), longClasses(bundles()), "production classes over " + MAX_LINES + " lines");
    }

    @Test
    void theChecksFindAnUndocumentedPackageAndALongClass(@TempDir Path root) throws IOException {
        Path documented = Files.createDirectories(root.resolve("org.x.core/src/org/x/core"));
        Files.writeString(documented.resolve("package-info.java"), "package org.x.core;\n");
        Files.writeString(documented.resolve("A.java"), "class A {}\n");
        Path bare = Files.createDirectories(root.resolve("org.x.core/src/org/x/core/internal"));
        Files.writeString(bare.resolve("B.java"), "class B {}\n".repeat(MAX_LINES + 1));
        Path test = Files.createDirectories(root.resolve("org.x.core.tests/src/org/x/core/tests"));
        Files.writeString(test.resolve("package-info.java"), "package org.x.core.tests;\n");
        Files.writeString(test.resolve("LongTest.java"), "class LongTest {}\n".repeat(MAX_LINES + 1));
        Files.createDirectories(root.resolve("org.x.core/src/org/x/empty"));

        assertEquals(List.of("org.x.core: org.x.core.internal"), undocumentedPackages(root, new ArrayList<>()));
        assertEquals(List.of("org.x.core: org/x/core/internal/B.java has 401 lines"), longClasses(root));
    }

    private static Path bundles() {
        return Path.of(System.getProperty("mailmigrator.sourceRoot"), "bundles");
    }

    /** "bundle: package" for each folder under a bundle's src that holds .java files but no package-info.java. */
    static List<String> undocumentedPackages(Path bundles, List<String> packagesFound) throws IOException {
        var undocumented = new TreeSet<String>();
        for (Path src : sourceFolders(bundles)) {
            String bundle = src.getParent().getFileName().toString();
            try (Stream<Path> dirs = Files.walk(src)) {
                for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                    if (!holdsJava(dir)) {
                        continue;
                    }
                    String pkg = src.relativize(dir).toString().replace('/', '.');
                    packagesFound.add(pkg);
                    if (!Files.isRegularFile(dir.resolve("package-info.java"))) {
                        undocumented.add(bundle + ": " + pkg);
                    }
                }
            }
        }
        return List.copyOf(undocumented);
    }

    /** "bundle: path has N lines" for each .java file of a production bundle longer than {@link #MAX_LINES}. */
    static List<String> longClasses(Path bundles) throws IOException {
        var tooLong = new TreeSet<String>();
        for (Path src : sourceFolders(bundles)) {
            String bundle = src.getParent().getFileName().toString();
            if (bundle.endsWith(".tests") || bundle.contains(".testing")) {
                continue;
            }
            try (Stream<Path> files = Files.walk(src)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    long lines = lineCount(file);
                    if (lines > MAX_LINES) {
                        tooLong.add(bundle + ": " + src.relativize(file) + " has " + lines + " lines");
                    }
                }
            }
        }
        return List.copyOf(tooLong);
    }

    private static List<Path> sourceFolders(Path bundles) throws IOException {
        try (Stream<Path> dirs = Files.list(bundles)) {
            return dirs.map(d -> d.resolve("src")).filter(Files::isDirectory).sorted().toList();
        }
    }

    private static boolean holdsJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java") && Files.isRegularFile(f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lineCount(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        }
    }
}
