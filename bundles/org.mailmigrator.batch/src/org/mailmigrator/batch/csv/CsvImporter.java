package org.mailmigrator.batch.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import org.mailmigrator.batch.internal.CsvReading;
import org.mailmigrator.core.connector.ConnectorDescriptor;
import org.mailmigrator.core.connector.ConnectorRegistry;

/**
 * Reads a batch file in any of the installed formats ({@link CsvFormats}) and validates every row. Stores
 * nothing: {@link org.mailmigrator.batch.workspace.BatchWorkspace#importBatch} decides what is kept.
 */
public final class CsvImporter {
    private final Function<String, ConnectorDescriptor> connectors;
    private final java.util.List<ConnectorDescriptor> installed;
    private final CsvFormats formats;

    /**
     * Native-format columns are checked against the settings the installed connectors declare, calendar/contacts
     * targets against the URL schemes they declare; the formats are those the caller's registry holds (the
     * workspace's: {@link org.mailmigrator.batch.workspace.BatchWorkspace#importer()}).
     */
    public CsvImporter(ConnectorRegistry registry, CsvFormats formats) {
        this(id -> registry.find(id).orElse(null), registry.connectors(), formats);
    }

    /** Without declared URL schemes: a calendar/contacts target column is then a problem ("none is installed"). */
    public CsvImporter(Function<String, ConnectorDescriptor> connectors, CsvFormats formats) {
        this(connectors, java.util.List.of(), formats);
    }

    private CsvImporter(Function<String, ConnectorDescriptor> connectors, java.util.List<ConnectorDescriptor> installed,
            CsvFormats formats) {
        this.connectors = connectors;
        this.installed = installed;
        this.formats = formats;
    }

    /** The formats this importer reads (for a format choice: the wizard's list, the command line's --format). */
    public CsvFormats formats() {
        return formats;
    }

    public ImportResult read(Path file, ImportOptions options) throws IOException {
        return read(Files.readAllBytes(file), options);
    }

    public ImportResult read(byte[] data, ImportOptions options) {
        return new CsvReading(connectors, installed, formats).read(data, options);
    }

    /** A row's source login and source host, for server detection (no password is read). */
    public record SourceAddress(int line, String login, String host) {
    }

    /**
     * The source logins and hosts of a file in one of this importer's formats, or empty when the file is in none of
     * them (a contributed format gives those of its valid rows).
     */
    public java.util.Optional<java.util.List<SourceAddress>> sourceAddresses(byte[] data) {
        return new CsvReading(id -> null, java.util.List.of(), formats).addresses(data).map(rows -> rows.stream()
                .map(r -> new SourceAddress(Integer.parseInt(r[0]), r[1], r[2])).toList());
    }
}
