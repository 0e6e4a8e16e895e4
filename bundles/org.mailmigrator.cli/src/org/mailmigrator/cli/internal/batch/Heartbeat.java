package org.mailmigrator.cli.internal.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.function.Consumer;

/**
 * {@code worker --heartbeat-file FILE}: the file's modification time is set to now after each poll that reached the
 * store, so a liveness probe (releng/kubernetes/worker.yaml, the systemd watchdog note in docs/deployment.md) restarts
 * a worker whose loop hangs or whose database stays away. A file that cannot be written is said once per failure
 * kind, and the worker goes on.
 */
final class Heartbeat {
    private final Path file;
    private final Consumer<String> say;
    private String lastProblem;

    /** @param file null: no heartbeat */
    Heartbeat(Path file, Consumer<String> say) {
        this.file = file;
        this.say = say;
    }

    /** Called by the worker's poll loop only (one thread). */
    void touch() {
        if (file == null) {
            return;
        }
        try {
            if (Files.exists(file)) {
                Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
            } else {
                Files.writeString(file, "mailmigrator worker heartbeat\n");
            }
            lastProblem = null;
        } catch (IOException e) {
            String problem = "cannot touch the heartbeat file " + file + ": " + e.getMessage();
            if (!problem.equals(lastProblem)) {
                say.accept(problem);
            }
            lastProblem = problem;
        }
    }
}
