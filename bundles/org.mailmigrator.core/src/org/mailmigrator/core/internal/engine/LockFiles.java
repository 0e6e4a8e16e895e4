package org.mailmigrator.core.internal.engine;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Lock folders and files with modes that do not depend on the umask: the folder 0700 and the user's own (made
 * so when this process creates it; refused when it is a link or another user's), each lock file 0600 from its
 * creation on. Where the file system has no POSIX modes, the folder is used as it is.
 */
final class LockFiles {
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private LockFiles() {
    }

    /** The user's numeric id (the owner of this process), or the user name where there is no /proc. */
    static String user() {
        try {
            return String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        }
    }

    /**
     * Creates {@code dir} 0700 when missing; checks that an existing one is a folder, not a link, and (unless
     * {@code shared}: named by the user) this user's own.
     */
    static Path privateFolder(Path dir, boolean shared) throws IOException {
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir.toAbsolutePath().getParent());
            try {
                if (posix) {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR));
                    Files.setPosixFilePermissions(dir, DIR); // the umask may have taken bits: exactly 0700
                } else {
                    Files.createDirectory(dir);
                }
            } catch (FileAlreadyExistsException raced) {
                // another run created it at the same moment: checked below
            }
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("the lock folder " + dir + " is not a folder (or is a link); remove it, or name "
                    + "another one with MAILMIGRATOR_LOCK_DIR");
        }
        Path self = Path.of("/proc/self");
        if (shared || !posix || !Files.exists(self)) {
            return dir; // a folder named by MAILMIGRATOR_LOCK_DIR may be shared on purpose (several machines)
        }
        if (!Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).equals(Files.getOwner(self))) {
            throw new IOException("the lock folder " + dir + " belongs to another user; remove it, or name another "
                    + "one with MAILMIGRATOR_LOCK_DIR");
        }
        return dir;
    }

    /** Opens (creating with mode 0600) a lock file for reading and writing. */
    static FileChannel open(Path file) throws IOException {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attrs = posix ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(FILE) }
                : new FileAttribute<?>[0];
        FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), attrs);
        if (posix && !Files.getPosixFilePermissions(file).equals(FILE)) {
            try {
                Files.setPosixFilePermissions(file, FILE);
            } catch (IOException notOurs) {
                // a file of an older version in a folder we were given: the lock works all the same
            }
        }
        return ch;
    }
}
