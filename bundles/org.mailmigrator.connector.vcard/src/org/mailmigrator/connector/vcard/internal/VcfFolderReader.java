package org.mailmigrator.connector.vcard.internal;

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

/** Reads an .vcf file, or every .vcf file of a folder (sorted by name, one address book each). */
public final class VcfFolderReader implements PimReader {
    private final Path path;
    private final Optional<String> collection;

    public VcfFolderReader(Path path, Optional<String> collection) {
        this.path = path;
        this.collection = collection;
    }

    @Override
    public List<PimEntry> read() throws ConnectorException {
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> list = Files.list(path)) {
                files = list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".vcf")).sorted().toList();
            } catch (IOException e) {
                throw new ConnectorException.AccountFailure("cannot list the folder " + path + ": " + e.getMessage(), e);
            }
            if (files.isEmpty()) {
                throw new ConnectorException.AccountFailure("the folder " + path + " holds no .vcf file", null);
            }
        } else {
            files = List.of(path);
        }
        List<PimEntry> entries = new ArrayList<>();
        for (Path file : files) {
            try {
                entries.addAll(VcfFile.read(file, collection));
            } catch (IOException e) {
                entries.add(new PimEntry.Malformed(file.toString(), "cannot be read: " + e.getMessage()));
            }
        }
        return entries;
    }
}
