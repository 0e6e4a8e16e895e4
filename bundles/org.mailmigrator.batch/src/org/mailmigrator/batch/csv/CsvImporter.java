package org.mailmigrator.batch.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import org.mailmigrator.batch.internal.CsvReading;
import org.mailmigrator.core.connector.ConnectorDescriptor;
import org.mailmigrator.core.connector.ConnectorRegistry;

/**
 * Reads a batch file in any of the supported dialects ({@link CsvFormat}) and validates every row. Stores
 * nothing: {@link org.mailmigrator.batch.Batches#store} decides what is kept.
 */
public final class CsvImporter {
    private final Function<String, ConnectorDescriptor> connectors;

    /** Native-format columns are checked against the settings the installed connectors declare. */
    public CsvImporter(ConnectorRegistry registry) {
        this(id -> registry.find(id).orElse(null));
    }

    public CsvImporter(Function<String, ConnectorDescriptor> connectors) {
        this.connectors = connectors;
    }

    public ImportResult read(Path file, ImportOptions options) throws IOException {
        return read(Files.readAllBytes(file), options);
    }

    public ImportResult read(byte[] data, ImportOptions options) {
        return new CsvReading(connectors).read(data, options);
    }
}
