package org.mailmigrator.core.pim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.Connector;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/**
 * A source connector of files of one kind (.ics, .vcf): settings {@code path} (a file or a folder) and
 * {@code collection} (overrides the calendar or address book name); offers a {@link PimReader}.
 */
public abstract class FileSourceConnector implements Connector {
    private final String id;
    private final String extension;

    /** @param extension with its dot, e.g. {@code .vcf} */
    protected FileSourceConnector(String id, String extension) {
        this.id = id;
        this.extension = extension;
    }

    /**
     * Reads one file's items in streaming fashion; {@code collection} is the name the user gave, if any.
     */
    protected abstract FileSetReader.FileParser parser(Optional<String> collection);

    @Override
    public ConnectorSession open(Account account, Role role, ConnectContext context) throws ConnectorException {
        if (role != Role.SOURCE) {
            throw new ConnectorException.AccountFailure("the " + id + " connector only reads " + extension + " files (source)", null);
        }
        Path path = Path.of(account.setting("path").orElseThrow(() -> new ConnectorException.AccountFailure(
                id + ": the setting 'path' (file or folder) is required", null)));
        if (!Files.exists(path)) {
            throw new ConnectorException.AccountFailure(id + ": " + path + " does not exist", null);
        }
        Optional<String> collection = account.setting("collection").filter(s -> !s.isBlank());
        PimReader reader = new FileSetReader(path, extension, parser(collection), collection.isEmpty());
        return ConnectorSession.offering(PimReader.class, reader); // files are read and closed in read()
    }
}
