package org.mailmigrator.connector.ical.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.mailmigrator.core.pim.FileSetReader;
import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.spi.ConnectorException;

/** Reads an .ics file, or every .ics file of a folder (one calendar each), without a connector session. */
public final class IcsFolderReader implements PimReader {
    private final FileSetReader files;

    public IcsFolderReader(Path path, Optional<String> collection) {
        files = new FileSetReader(path, ".ics", parser(collection), collection.isEmpty());
    }

    /** The streamed parser of one .ics file; {@code collection} is the name the user gave, if any. */
    public static FileSetReader.FileParser parser(Optional<String> collection) {
        return new FileSetReader.FileParser() {
            @Override
            public String collection(Path file) throws IOException {
                return IcsFile.collection(file, collection);
            }

            @Override
            public boolean read(Path file, String name, Sink sink) throws IOException {
                return IcsFile.read(file, name != null ? name : collection.orElse(null), sink);
            }
        };
    }

    @Override
    public void read(Sink sink) throws ConnectorException {
        files.read(sink);
    }
}
