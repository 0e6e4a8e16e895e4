package org.mailmigrator.core.pim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.mailmigrator.core.spi.ConnectorException;

/**
 * Reads items from one file, or from every file of a folder with one extension (sorted by name), as exports
 * come: Google Calendar gives one .ics per calendar. A file that cannot be read is reported as a malformed
 * entry and the others are still read.
 */
public final class FileSetReader implements PimReader {

    /** Reads the items of one file. */
    @FunctionalInterface
    public interface FileParser {
        List<PimEntry> read(Path file) throws IOException;
    }

    private final Path path;
    private final String extension;
    private final FileParser parser;

    /** @param extension with its dot, e.g. {@code .ics} */
    public FileSetReader(Path path, String extension, FileParser parser) {
        this.path = path;
        this.extension = extension;
        this.parser = parser;
    }

    @Override
    public List<PimEntry> read() throws ConnectorException {
        List<PimEntry> entries = new ArrayList<>();
        for (Path file : files()) {
            try {
                entries.addAll(parser.read(file));
            } catch (IOException e) {
                entries.add(new PimEntry.Malformed(file.toString(), "cannot be read: " + e.getMessage()));
            }
        }
        return entries;
    }

    private List<Path> files() throws ConnectorException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(path)) {
            files = list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new ConnectorException.AccountFailure("cannot list the folder " + path + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new ConnectorException.AccountFailure("the folder " + path + " holds no " + extension + " file", null);
        }
        return files;
    }
}
