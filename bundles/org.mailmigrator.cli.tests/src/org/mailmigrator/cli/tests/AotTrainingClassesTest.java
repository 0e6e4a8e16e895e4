package org.mailmigrator.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.mailmigrator.cli.internal.AotTrainingClasses;

/**
 * The list of JDK classes the start-up cache's training run loads: packaged in the bundle, loaded only in a training
 * run, and still true of the JDK the tests run on (a list gone stale after a JDK upgrade fails here, not silently).
 */
class AotTrainingClassesTest {

    @Test
    void aTrainingRunLoadsTheListedJdkClassesAndAnyOtherRunNone() throws IOException {
        assertEquals(0, AotTrainingClasses.loadWhenTraining(), "not a training run: nothing loaded");
        long listed;
        try (InputStream in = AotTrainingClasses.class.getResourceAsStream("aot-jdk-classes.txt")) {
            assertNotNull(in, "aot-jdk-classes.txt is packaged beside the class");
            listed = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).count();
        }
        assertTrue(listed > 1000, "the list names the TLS, JDBC and NIO classes of a copy: " + listed);
        System.setProperty(AotTrainingClasses.PROPERTY, "true");
        try {
            int loaded = AotTrainingClasses.loadWhenTraining();
            assertTrue(loaded >= listed * 95 / 100, loaded + " of " + listed + " listed classes exist in this JDK ("
                    + Runtime.version() + "): regenerate the list (its header says how)");
        } finally {
            System.clearProperty(AotTrainingClasses.PROPERTY);
        }
    }
}
