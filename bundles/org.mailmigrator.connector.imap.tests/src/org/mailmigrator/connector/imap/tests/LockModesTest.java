package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailmigrator.core.internal.engine.DestinationLock;
import org.mailmigrator.testing.ChildJvm;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.SharedDovecot;

/**
 * The destination lock's folder and files (issue 11): a run started with umask 000 still makes the lock folder
 * 0700 (the user's own, named after the user id) and each lock file 0600; no other user can delete, replace or
 * read them. They were a shared 0777 folder without the sticky bit and files that took the umask.
 */
@ExtendWith(SharedDovecot.class)
class LockModesTest {
    /** The run's shared Dovecot ({@link SharedDovecot}): this class's tests use accounts of their own on it. */
    private static Dovecot dovecot;

    @BeforeAll
    static void start(Dovecot shared) throws Exception {
        dovecot = shared;
        Corpus.load(dovecot, "lock-src", 1);
    }

    @Test
    void theDefaultLockFolderIsTheUsersOwnAndItsFilesPrivateWhateverTheUmask(@TempDir Path work) throws Exception {
        Path dir = DestinationLock.folder();
        assertTrue(dir.getFileName().toString().matches("mailmigrator-locks-\\d+"), "per user: " + dir);
        runWithUmask000(work, "lock-dst", null);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS)));
        assertEquals(Files.getOwner(Path.of("/proc/self")), Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS));
        assertLockFilesPrivate(dir);
    }

    @Test
    void aLockFolderNamedByTheUserIsCreatedPrivate(@TempDir Path work) throws Exception {
        Path dir = work.resolve("locks");
        runWithUmask000(work, "lock-dst2", dir);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertLockFilesPrivate(dir);
    }

    private static void assertLockFilesPrivate(Path dir) throws Exception {
        List<Path> locks;
        try (Stream<Path> s = Files.list(dir)) {
            locks = s.filter(p -> p.toString().endsWith(".lock")).toList();
        }
        assertTrue(!locks.isEmpty(), "a lock file in " + dir);
        for (Path l : locks) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(l)), l.toString());
        }
    }

    /** One migration in a child JVM started by a shell with umask 000. */
    private static void runWithUmask000(Path work, String dst, Path lockDir) throws Exception {
        ProcessBuilder child = ChildJvm.command(ChildMigration.BUNDLES, FaultChild.class, List.of("-Xmx160m"),
                List.of(Dovecot.HOST, String.valueOf(dovecot.imapPort()), "lock-src", dst, work.resolve("state").toString()));
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "umask 000; exec \"$@\"", "sh"));
        cmd.addAll(child.command());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(child.environment());
        pb.environment().put("FAULT_PASSWORD", Dovecot.PASSWORD);
        pb.environment().remove("MAILMIGRATOR_LOCK_DIR");
        if (lockDir != null) {
            pb.environment().put("MAILMIGRATOR_LOCK_DIR", lockDir.toString());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertTrue(out.contains("finished COMPLETED copied"), out);
    }
}
