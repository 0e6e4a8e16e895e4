package org.mailmigrator.batch.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.mailmigrator.batch.Workspace;

/**
 * Where a pair's state lives: one rule, the workspace. A batch row's state is in
 * {@code <workspace>/state/batch-<batch>/}; {@code migrate}'s in {@code <workspace>/state/} (or the folder its
 * {@code --state} names). Releases before this rule kept {@code migrate}'s state in {@code ~/.mailmigrator/state}
 * when no workspace was given: {@link #adopt} moves a pair's files from there into the workspace the first time
 * that pair runs again, so nothing is copied a second time and the old folder is not read again for that pair.
 */
public final class StateLocation {
    private StateLocation() {
    }

    /** {@code migrate}'s state folder: {@code --state DIR} when given, else {@code <workspace>/state}. */
    public static Path forMigrate(Path explicit, Workspace workspace) {
        return explicit != null ? explicit : workspace.dir().resolve("state");
    }

    /** The folder earlier releases used without a workspace: {@code HOME/.mailmigrator/state}. */
    public static Path legacy(Path home) {
        return home.resolve(".mailmigrator").resolve("state");
    }

    /**
     * Moves the state files of the named stores ({@code NAME.mv.db} and its companions) from {@code legacy}
     * into {@code dir} when {@code dir} has none of them yet, and says so; nothing when there is nothing to move.
     *
     * @throws IOException naming the file when one cannot be moved, or is held by a run still going on
     */
    public static Optional<String> adopt(Path dir, Path legacy, List<String> names) throws IOException {
        if (!Files.isDirectory(legacy) || Files.exists(dir) && Files.isSameFile(dir, legacy)) {
            return Optional.empty();
        }
        List<Path> moved = new ArrayList<>();
        for (String name : names) {
            if (Files.exists(dir.resolve(name + ".mv.db")) || !Files.exists(legacy.resolve(name + ".mv.db"))) {
                continue;
            }
            notInUse(legacy.resolve(name + ".mv.db"));
            Workspace.createPrivateDirectories(dir);
            for (Path f : files(legacy, name)) {
                Files.move(f, dir.resolve(f.getFileName()));
                moved.add(f);
            }
        }
        return moved.isEmpty() ? Optional.empty()
                : Optional.of("moved this pair's state (" + moved.size() + " file(s)) from " + legacy + " to " + dir
                        + ": earlier runs' copies are known there");
    }

    private static List<Path> files(Path legacy, String name) throws IOException {
        try (Stream<Path> all = Files.list(legacy)) {
            return all.filter(p -> p.getFileName().toString().startsWith(name + ".")).toList();
        }
    }

    /** A store another process has open must not move under it. */
    private static void notInUse(Path store) throws IOException {
        try (FileChannel ch = FileChannel.open(store, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = ch.tryLock()) {
            if (lock == null) {
                throw new IOException(store + " is in use by another run; run again when it has ended");
            }
        } catch (java.nio.channels.OverlappingFileLockException e) {
            throw new IOException(store + " is in use by another run in this process", e);
        }
    }
}
