package org.mailmigrator.testing.extensions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.jobs.BatchProgress;
import org.mailmigrator.batch.notify.Notifier;
import org.mailmigrator.batch.notify.NotifierContext;
import org.mailmigrator.batch.notify.NotifierFactory;

/**
 * A third party's notifier for tests: records the events of every batch run, by workspace and batch, for a test to
 * read ({@link #events}). Only in the test runtime.
 */
public final class RecordingNotifiers implements NotifierFactory {
    private static final Map<String, List<String>> EVENTS = new ConcurrentHashMap<>();

    /** The events of the runs of {@code batch} in {@code workspace}, in order: started, failed ID, finished, closed. */
    public static List<String> events(Path workspace, String batch) {
        List<String> e = EVENTS.getOrDefault(key(workspace, batch), List.of());
        synchronized (e) {
            return List.copyOf(e);
        }
    }

    private static String key(Path workspace, String batch) {
        return workspace.toAbsolutePath().normalize() + "|" + batch;
    }

    @Override
    public Optional<Notifier> create(NotifierContext context) {
        List<String> events = EVENTS.computeIfAbsent(key(context.workspace().dir(), context.batch().name()),
                k -> Collections.synchronizedList(new ArrayList<>()));
        return Optional.of(new Notifier() {
            @Override
            public void batchStarted(BatchSpec batch) {
                events.add("started " + batch.name() + " with " + batch.migrations().size());
            }

            @Override
            public void migrationFailed(String batch, MigrationState state) {
                events.add("failed " + state.migrationId() + ": " + state.lastError().orElse(""));
            }

            @Override
            public void batchFinished(BatchSpec batch, BatchProgress last) {
                events.add("finished " + batch.name() + ": " + last.countByStatus().getOrDefault(MigrationStatus.FAILED, 0)
                        + " failed, " + last.messagesDone() + " messages");
            }

            @Override
            public void close() {
                events.add("closed");
            }
        });
    }
}
