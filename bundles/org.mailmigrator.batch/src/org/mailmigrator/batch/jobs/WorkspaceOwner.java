package org.mailmigrator.batch.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.mailmigrator.batch.Workspace;

/**
 * Who holds a workspace's batch store for writing, so that a second process can say so in words instead of
 * the database's lock error: the holder writes {@code batches/owner.txt} ("the workbench, process 1234, since
 * …") and deletes it when it closes. A file left by a process that no longer exists is ignored.
 */
public final class WorkspaceOwner implements AutoCloseable {
    private final Path file;

    private WorkspaceOwner(Path file) {
        this.file = file;
    }

    private static Path file(Workspace ws) {
        return ws.batchesDir().resolve("owner.txt");
    }

    /** Records this process as the holder ({@code who}: "the workbench", "mailmigrator batch run NAME"). */
    public static WorkspaceOwner claim(Workspace ws, String who) {
        Path f = file(ws);
        try {
            Files.createDirectories(f.getParent());
            Files.writeString(f, ProcessHandle.current().pid() + "\n" + who + "\n" + Instant.now() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            // only a courtesy to other processes: the store's own lock is what protects it
        }
        return new WorkspaceOwner(f);
    }

    /** "the workbench (process 1234, since 2026-12-05T18:00:00Z)", when a live process holds the workspace. */
    public static Optional<String> holder(Workspace ws) {
        try {
            var lines = Files.readAllLines(file(ws), StandardCharsets.UTF_8);
            long pid = Long.parseLong(lines.get(0).trim());
            if (pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return Optional.of(lines.get(1) + " (process " + pid + ", since " + lines.get(2) + ")");
            }
        } catch (IOException | RuntimeException e) {
            // no file, or an unreadable one: nobody known
        }
        return Optional.empty();
    }

    /** What a process that cannot open the store for writing tells its user. */
    public static String inUse(Workspace ws) {
        return "the workspace " + ws.dir() + " is in use by " + holder(ws).orElse("another program")
                + ": close it first (or run the batch from there), or use another workspace (--workspace DIR)";
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale file names a dead process, which holder() ignores
        }
    }
}
