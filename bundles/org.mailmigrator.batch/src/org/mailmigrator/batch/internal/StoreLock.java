package org.mailmigrator.batch.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

import org.mailmigrator.batch.FileErrors;
import org.mailmigrator.batch.Workspace;

/**
 * Who holds the batch store: H2 locks its file for one process and only says "Database may be already in
 * use"; the process that opens it for writing leaves its id, program and start time beside it, so that the
 * next one can say "in use by process 4711 (the workbench, since 18:40 UTC)".
 */
final class StoreLock {
    static final String FILE = "batches.owner";

    private StoreLock() {
    }

    /** Records this process as the writer (best effort: the store works without it). */
    static void claim(Path dir) {
        Path f = dir.resolve(FILE);
        String text = ProcessHandle.current().pid() + "\n" + program() + "\n" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n";
        try {
            // 0600 from its creation on (then exactly 0600 whatever the umask), not 0644 for a moment
            boolean posix = f.getFileSystem().supportedFileAttributeViews().contains("posix");
            java.nio.file.attribute.FileAttribute<?>[] attrs = posix ? new java.nio.file.attribute.FileAttribute<?>[] {
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")) }
                    : new java.nio.file.attribute.FileAttribute<?>[0];
            try (var ch = Files.newByteChannel(f, java.util.Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, java.nio.file.LinkOption.NOFOLLOW_LINKS), attrs)) {
                ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            }
            Workspace.restrict(f);
        } catch (IOException ignored) {
            // a full disk shows up at the store's first write, with its own message
        }
    }

    static void release(Path dir) {
        try {
            Path f = dir.resolve(FILE);
            if (Files.exists(f) && Files.readString(f, StandardCharsets.UTF_8).startsWith(ProcessHandle.current().pid() + "\n")) {
                Files.delete(f);
            }
        } catch (IOException ignored) {
            // a stale record names a process that no longer runs; the next reader says so
        }
    }

    /** What the user reads when the store cannot be opened: who holds it, or what else went wrong. */
    static String describe(Path dir, Exception e) {
        Path db = dir.resolve("batches.mv.db");
        if (FileErrors.isDiskFull(e)) {
            return FileErrors.describe(e, db, "writing");
        }
        String msg = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (msg.contains("already in use") || msg.contains("locked by another process") || msg.contains("90020")) {
            return "the batch store " + db + " is in use by " + holder(dir)
                    + ": wait until it ends (or close the workbench), or give another --workspace";
        }
        return "cannot open the batch store " + db + ": " + FileErrors.describe(e, db, "opening");
    }

    private static String holder(Path dir) {
        try {
            String[] lines = Files.readString(dir.resolve(FILE), StandardCharsets.UTF_8).split("\n");
            long pid = Long.parseLong(lines[0].trim());
            Optional<ProcessHandle> p = ProcessHandle.of(pid);
            String since = lines.length > 2 ? " since " + DateTimeFormatter.ISO_INSTANT.format(Instant.parse(lines[2].trim())) : "";
            if (p.isPresent() && p.get().isAlive()) {
                return "process " + pid + " (" + (lines.length > 1 ? lines[1] : "mailmigrator") + since + ")";
            }
            return "another process (the last recorded one, " + pid + ", has ended)";
        } catch (IOException | RuntimeException unknown) {
            return "another process (a mailmigrator command or the workbench)";
        }
    }

    /** The Eclipse application (the workbench or the command line), else the Java command. */
    private static String program() {
        String app = System.getProperty("eclipse.application", "");
        if (app.contains("headless") || app.contains("cli")) {
            return "the mailmigrator command line";
        }
        if (app.contains("mailmigrator")) {
            return "the workbench";
        }
        return ProcessHandle.current().info().command().map(c -> Path.of(c).getFileName().toString()).orElse("java")
                + " " + ProcessHandle.current().pid();
    }
}
