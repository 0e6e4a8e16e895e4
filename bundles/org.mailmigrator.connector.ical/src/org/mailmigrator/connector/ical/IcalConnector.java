package org.mailmigrator.connector.ical;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.mailmigrator.connector.ical.internal.IcsFolderReader;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.Connector;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/** Source of calendar events and tasks from .ics files: offers a {@link PimReader}. */
public final class IcalConnector implements Connector {

    @Override
    public ConnectorSession open(Account account, Role role, ConnectContext context) throws ConnectorException {
        if (role != Role.SOURCE) {
            throw new ConnectorException.AccountFailure("the ical connector only reads .ics files (source)", null);
        }
        String pathText = account.setting("path").orElseThrow(
                () -> new ConnectorException.AccountFailure("ical: the setting 'path' (file or folder) is required", null));
        Path path = Path.of(pathText);
        if (!Files.exists(path)) {
            throw new ConnectorException.AccountFailure("ical: " + path + " does not exist", null);
        }
        PimReader reader = new IcsFolderReader(path, account.setting("collection").filter(s -> !s.isBlank()));
        return new ConnectorSession() {
            @Override
            public <T> Optional<T> capability(Class<T> type) {
                return type == PimReader.class ? Optional.of(type.cast(reader)) : Optional.empty();
            }

            @Override
            public void close() {
                // files are read and closed in read()
            }
        };
    }
}
