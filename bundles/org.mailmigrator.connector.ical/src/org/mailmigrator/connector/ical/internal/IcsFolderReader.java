package org.mailmigrator.connector.ical.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.mailmigrator.core.pim.FileSetReader;
import org.mailmigrator.core.pim.PimEntry;
import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.spi.ConnectorException;

/** Reads an .ics file, or every .ics file of a folder (one calendar each), without a connector session. */
public final class IcsFolderReader implements PimReader {
    private final FileSetReader files;

    public IcsFolderReader(Path path, Optional<String> collection) {
        files = new FileSetReader(path, ".ics", file -> IcsFile.read(file, collection), collection.isEmpty());
    }

    @Override
    public List<PimEntry> read() throws ConnectorException {
        return files.read();
    }
}
