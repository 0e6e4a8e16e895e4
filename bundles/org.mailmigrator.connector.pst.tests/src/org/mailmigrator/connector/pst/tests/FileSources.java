package org.mailmigrator.connector.pst.tests;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.mailmigrator.connector.files.FilesConnector;
import org.mailmigrator.connector.pst.PstConnector;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.testing.connectors.ChildCopy;

/**
 * The {@code files} or {@code pst} connector over a path, as {@link FileSourceSigkillTest} opens it in its own JVM
 * and in the child JVM it kills ({@link ChildCopy}, argument {@code CONNECTOR:PATH}).
 */
public final class FileSources implements ChildCopy.Source {
    /** The child's class path. */
    static final List<String> CHILD_BUNDLES = List.of("org.mailmigrator.core", "org.mailmigrator.connector.imap",
            "org.mailmigrator.connector.files", "org.mailmigrator.connector.pst", "org.mailmigrator.connector.pst.tests",
            "org.mailmigrator.testing.connectors", "wrapped.com.pff.java-libpst", "jakarta.mail-api", "org.eclipse.angus.mail",
            "angus-activation", "jakarta.activation-api", "com.h2database");

    public FileSources() {
    }

    static ConnectorSession open(String connector, Path path, ConnectContext context) throws org.mailmigrator.core.spi.ConnectorException {
        return connector.equals("pst")
                ? new PstConnector().open(new Account("pst", Map.of("path", path.toString()), null), Role.SOURCE, context)
                : new FilesConnector().open(new Account("files", Map.of("path", path.toString(), "format", "auto"), null),
                        Role.SOURCE, context);
    }

    @Override
    public ConnectorSession open(String argument, ConnectContext context) throws org.mailmigrator.core.spi.ConnectorException {
        int colon = argument.indexOf(':');
        return open(argument.substring(0, colon), Path.of(argument.substring(colon + 1)), context);
    }
}
