package org.mailmigrator.cli.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The training run of the headless start-up cache ({@code releng/scripts/env.sh}, {@code mm_headless_start}: {@code
 * --version} with {@code -Dmailmigrator.aotTraining=true}) loads the JDK classes a copy needs later (TLS, JDBC,
 * NIO...; listed in {@code aot-jdk-classes.txt}), without initializing them, so the JDK writes them into the cache
 * and every later command maps them instead of reading and parsing them. Only classes of the JDK's own loaders can
 * be cached, so the list has no bundle class. Names this JDK does not have are skipped.
 */
public final class AotTrainingClasses {
    public static final String PROPERTY = "mailmigrator.aotTraining";

    private AotTrainingClasses() {
    }

    /** Loads the listed classes when this JVM is the cache's training run; returns how many were loaded. */
    public static int loadWhenTraining() {
        if (!Boolean.getBoolean(PROPERTY)) {
            return 0;
        }
        int loaded = 0;
        try (InputStream in = AotTrainingClasses.class.getResourceAsStream("aot-jdk-classes.txt")) {
            if (in == null) {
                return 0;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            ClassLoader platform = ClassLoader.getPlatformClassLoader();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                try {
                    Class.forName(name, false, platform);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError e) {
                    // another JDK: the class is not there, or not loadable alone; the cache simply lacks it
                }
            }
        } catch (IOException e) {
            // the cache is an optimisation: a training run that cannot read its list still writes one
        }
        return loaded;
    }
}
