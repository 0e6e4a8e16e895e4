package org.mailmigrator.batch;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.mailmigrator.core.state.DatabaseStore;

/**
 * The folder holding batches, engine state and secrets; the command line and the workbench share it.
 * Chosen in this order: an explicit folder ({@code --workspace}), {@code $MAILMIGRATOR_WORKSPACE}, the OSGi
 * instance area ({@code -data}, which the launcher script sets), {@code ~/mailmigrator-workspace}.
 * What it holds is the owner's alone: folders 0700, files 0600 (on POSIX file systems; elsewhere the user
 * profile's ACL applies). With a {@code store} (a PostgreSQL database, {@code --store}), the engine's state of every
 * batch row lives there instead of the folder's {@code state/} files (docs/postgresql.md; the batches themselves stay
 * in the folder for now).
 */
public record Workspace(Path dir, Optional<DatabaseStore> store) {
    public Workspace {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(store, "store");
    }

    /** A folder with everything in it (the embedded stores). */
    public Workspace(Path dir) {
        this(dir, Optional.empty());
    }

    /** The same folder, the engine's state in {@code db} (empty: in the folder). */
    public Workspace withStore(Optional<DatabaseStore> db) {
        return new Workspace(dir, db);
    }

    /** Where a batch's rows keep their engine state: the database scoped to the batch, if there is one. */
    public Optional<DatabaseStore> stateStore(String batch) {
        return store.map(d -> d.scoped("batch/" + batch + "/"));
    }

    public static Workspace resolve(Path explicit, Map<String, String> env) {
        if (explicit != null) {
            return new Workspace(explicit.toAbsolutePath());
        }
        String fromEnv = env.get("MAILMIGRATOR_WORKSPACE");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new Workspace(Path.of(fromEnv).toAbsolutePath());
        }
        String instance = System.getProperty("osgi.instance.area");
        if (instance != null && instance.startsWith("file:")) {
            return new Workspace(Path.of(URI.create(instance.replace(" ", "%20"))));
        }
        return new Workspace(Path.of(System.getProperty("user.home"), "mailmigrator-workspace"));
    }

    /** Where the embedded batch database lives. */
    public Path batchesDir() {
        return dir.resolve("batches");
    }

    /** The engine's per-pair state stores of one batch. */
    public Path stateDir(String batch) {
        return dir.resolve("state").resolve("batch-" + batch);
    }

    /** The default key file of the secret vault (the administrator may keep it elsewhere). */
    public Path defaultSecretsKey() {
        return dir.resolve("secrets.key");
    }

    /**
     * Creates the workspace, its batch store folder and its state folder owner-only (0700) when missing, and
     * makes the last two owner-only when they exist (they are the workspace's own; the workspace folder itself
     * may be one the user chose and is left as it is when it exists).
     */
    public void prepare() throws IOException {
        createPrivateDirectories(dir);
        for (Path own : List.of(batchesDir(), dir.resolve("state"))) {
            createPrivateDirectories(own);
            restrict(own);
        }
    }

    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    /** Creates {@code dir} and its missing parents with mode 0700 from the start; existing ones are left as they are. */
    public static Path createPrivateDirectories(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        List<Path> missing = new ArrayList<>();
        for (Path p = abs; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        boolean posix = abs.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attrs = posix ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(DIR) }
                : new FileAttribute<?>[0];
        for (Path p : missing) {
            try {
                Files.createDirectory(p, attrs);
            } catch (FileAlreadyExistsException raced) {
                // another process made it meanwhile
            }
        }
        if (!Files.isDirectory(abs)) {
            Files.createDirectories(abs); // fails with the reason (a file of that name...)
        }
        return abs;
    }

    /** Makes a file 0600 or a folder 0700 (no-op where the file system has no POSIX modes). */
    public static void restrict(Path path) throws IOException {
        if (!path.getFileSystem().supportedFileAttributeViews().contains("posix") || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                || Files.isSymbolicLink(path)) {
            return;
        }
        Files.setPosixFilePermissions(path, Files.isDirectory(path) ? DIR : FILE);
    }

    /** {@link #restrict} on a folder and everything in it (a report folder just written). */
    public static void restrictTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            restrict(dir);
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                restrict(p);
            }
        }
    }
}
