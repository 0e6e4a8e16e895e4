package org.mailmigrator.connector.ical.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.mailmigrator.core.pim.PimEntry;
import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.spi.ConnectorException;

/** Reads an .ics file, or every .ics file of a folder (sorted by name, one calendar each). */
public final class IcsFolderReader implements PimReader {
    private final Path path;
    private final Optional<String> collection;

    public IcsFolderReader(Path path, Optional<String> collection) {
        this.path = path;
        this.collection = collection;
    }

    @Override
    public List<PimEntry> read() throws ConnectorException {
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> list = Files.list(path)) {
                files = list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ics")).sorted().toList();
            } catch (IOException e) {
                throw new ConnectorException.AccountFailure("cannot list the folder " + path + ": " + e.getMessage(), e);
            }
            if (files.isEmpty()) {
                throw new ConnectorException.AccountFailure("the folder " + path + " holds no .ics file", null);
            }
        } else {
            files = List.of(path);
        }
        List<PimEntry> entries = new ArrayList<>();
        for (Path file : files) {
            try {
                entries.addAll(IcsFile.read(file, collection));
            } catch (IOException e) {
                entries.add(new PimEntry.Malformed(file.toString(), "cannot be read: " + e.getMessage()));
            }
        }
        return entries;
    }
}
