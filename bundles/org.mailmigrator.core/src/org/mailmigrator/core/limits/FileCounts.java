package org.mailmigrator.core.limits;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Properties;
import java.util.function.Consumer;

/** {@link TransferBudget}'s counts in a state folder's file, read and written under a file lock (one machine). */
final class FileCounts {
    private FileCounts() {
    }

    /** Reads the file under its lock; applies and writes {@code change} when given (atomically replaced). */
    static Properties update(Path file, Consumer<Properties> change) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = ch.lock()) {
                Properties p = new Properties();
                if (Files.exists(file)) {
                    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        p.load(r);
                    } catch (IllegalArgumentException damaged) {
                        p.clear(); // a damaged count starts again: the provider still enforces its own limit
                    }
                }
                if (change != null) {
                    change.accept(p);
                    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                        p.store(w, "bytes transferred per account and daily window (mailmigrator)");
                    }
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                return p;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the transfer budget file " + file + " cannot be used: " + e.getMessage(), e);
        }
    }
}
