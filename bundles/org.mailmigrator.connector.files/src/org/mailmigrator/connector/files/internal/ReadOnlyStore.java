package org.mailmigrator.connector.files.internal;

import java.util.Optional;

import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.mail.Namespace;
import org.mailmigrator.core.spi.ConnectorException;

/** What every store of mail files shares: {@code /} separated names without prefix, read only, no size limit. */
abstract class ReadOnlyStore implements MailStore {
    @Override
    public Namespace personalNamespace() {
        return new Namespace("", '/');
    }

    @Override
    public void create(String folder, boolean holdsMessages) throws ConnectorException {
        throw SourceFolder.readOnly();
    }

    @Override
    public void subscribe(String folder) {
    }

    @Override
    public Optional<Long> appendLimit() {
        return Optional.empty();
    }
}
