package org.mailmigrator.connector.vcard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.mailmigrator.connector.vcard.internal.VcfFolderReader;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.Connector;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/** Source of contacts from .vcf files: offers a {@link PimReader}. */
public final class VcardConnector implements Connector {

    @Override
    public ConnectorSession open(Account account, Role role, ConnectContext context) throws ConnectorException {
        if (role != Role.SOURCE) {
            throw new ConnectorException.AccountFailure("the vcard connector only reads .vcf files (source)", null);
        }
        String pathText = account.setting("path").orElseThrow(
                () -> new ConnectorException.AccountFailure("vcard: the setting 'path' (file or folder) is required", null));
        Path path = Path.of(pathText);
        if (!Files.exists(path)) {
            throw new ConnectorException.AccountFailure("vcard: " + path + " does not exist", null);
        }
        PimReader reader = new VcfFolderReader(path, account.setting("collection").filter(s -> !s.isBlank()));
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
