package org.mailmigrator.connector.imap.tests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small file system of its own for a fault case: a tmpfs of {@code size} bytes mounted on a folder (the tests
 * run as root, here and in CI; a mount that fails is a failure of the test, not a skip), filled up to a few KB by a
 * filler file that {@link #free()} deletes, as an administrator makes space before a rerun.
 */
final class FullDisk implements AutoCloseable {
    private final Path dir;
    private final Path filler;

    private FullDisk(Path dir) {
        this.dir = dir;
        this.filler = dir.resolve("filler");
    }

    static FullDisk mount(Path dir, long size) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        sh("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs", dir.toString());
        return new FullDisk(dir);
    }

    Path dir() {
        return dir;
    }

    /** Fills the file system until less than {@code leave} bytes are free. */
    FullDisk fill(long leave) throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (Files.getFileStore(dir).getUsableSpace() > leave) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // full before the mark: as full as it gets
        }
        return this;
    }

    /** Makes the space free again. */
    void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        sh("umount", "-l", dir.toString());
    }

    private static void sh(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed (the fault suite's full-disk cases run as root): "
                    + out.strip());
        }
    }
}
