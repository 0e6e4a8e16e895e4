package org.mailmigrator.core.internal.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.RunInterrupted;

/**
 * One writer per destination mailbox on this machine: an OS file lock on a file named after the destination
 * (host + login), in a machine-wide folder, not in the state folder (two runs with different state folders, a
 * batch row and a manual {@code migrate}, all collide here). The OS drops the lock when its process dies, even
 * by SIGKILL, so there is nothing stale to clean. A run that finds the lock taken says who holds it and waits.
 * Writers on other machines are caught by {@code ForeignWriter} instead.
 */
public final class DestinationLock implements AutoCloseable {
    /** System property, then environment variable, naming the lock folder (tests, or several machines' NFS). */
    public static final String DIR_PROPERTY = "mailmigrator.lock.dir";

    private final FileChannel channel;
    private final FileLock lock;

    private DestinationLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * The folder every run of this user on this machine uses: {@code /tmp/mailmigrator-locks-UID} (0700, the user's
     * own), so that no other user can delete, replace or read the lock files; {@code /tmp} is shared by every JVM
     * temp setting. Writers of other users are caught by {@code ForeignWriter}, as those of other machines.
     */
    public static Path folder() {
        String dir = System.getProperty(DIR_PROPERTY, System.getenv("MAILMIGRATOR_LOCK_DIR"));
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        Path tmp = Path.of("/tmp");
        return (Files.isDirectory(tmp) ? tmp : Path.of(System.getProperty("java.io.tmpdir")))
                .resolve("mailmigrator-locks-" + LockFiles.user());
    }

    /** Takes the lock of {@code host}/{@code login}, waiting (and saying why, once) while another run holds it. */
    static DestinationLock acquire(String host, String login, MigrationListener listener, Cancellation cancel)
            throws IOException {
        String who = login + "@" + host;
        String named = System.getProperty(DIR_PROPERTY, System.getenv("MAILMIGRATOR_LOCK_DIR"));
        Path dir = LockFiles.privateFolder(folder(), named != null && !named.isBlank());
        Path file = dir.resolve(name(host, login) + ".lock");
        FileChannel ch = LockFiles.open(file);
        boolean said = false;
        try {
            while (true) {
                FileLock l = tryLock(ch);
                if (l != null) {
                    ch.truncate(0);
                    ch.write(ByteBuffer.wrap(holder().getBytes(StandardCharsets.UTF_8)), 0);
                    return new DestinationLock(ch, l);
                }
                if (!said) {
                    String held = Files.readString(file, StandardCharsets.UTF_8).strip();
                    listener.info("waiting: another run is writing to the destination " + who
                            + (held.isEmpty() ? "" : " (" + held + ")")
                            + "; two writers on one mailbox would copy messages twice, so this run starts when that one ends");
                    said = true;
                }
                cancel.check();
                sleep();
            }
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            return null; // another run in this JVM (a batch, the workbench) holds it
        }
    }

    private static String holder() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "this machine";
        }
        return "process " + ProcessHandle.current().pid() + " on " + host + " since " + Instant.now();
    }

    static String name(String host, String login) {
        String key = host.toLowerCase(Locale.ROOT).strip() + "\n" + login.toLowerCase(Locale.ROOT).strip();
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunInterrupted("interrupted while waiting for another run to finish");
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the OS releases the lock with the channel or the process anyway
        }
    }
}
