package org.mailmigrator.app.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * With {@code -Dmailmigrator.startupTrace=true}, prints start-up milestones in milliseconds since the JVM
 * started, so the time to the first window can be measured and its parts compared. With
 * {@code -Dmailmigrator.closeAfterStartup=true} the workbench closes itself once its window is open
 * (used by releng/screenshots.sh to time repeated starts).
 */
final class StartupTrace {
    private static final boolean ON = Boolean.getBoolean("mailmigrator.startupTrace");

    private StartupTrace() {
    }

    static void mark(String milestone) {
        if (!ON) {
            return;
        }
        Instant jvmStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        System.err.printf("startup: %-28s %6d ms after JVM start%n", milestone,
                Duration.between(jvmStart, Instant.now()).toMillis());
    }
}
