package org.mailmigrator.connector.dav.internal;

import java.util.Optional;

import org.mailmigrator.core.pim.PimWriter;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/** A checked connection to a DAV server (login verified by the first PROPFIND), offering a {@link PimWriter}. */
public final class DavSession implements ConnectorSession {
    private final PimWriter writer;
    private final DavCollections collections;

    private DavSession(PimWriter writer, DavCollections collections) {
        this.writer = writer;
        this.collections = collections;
    }

    public static DavSession open(DavSettings settings) throws ConnectorException {
        DavHttp http = new DavHttp(settings.login(), settings.authorization());
        DavCollections collections = DavCollections.discover(http, settings);
        return new DavSession(new DavWriter(http, collections), collections);
    }

    @Override
    public <T> Optional<T> capability(Class<T> type) {
        return type == PimWriter.class ? Optional.of(type.cast(writer)) : Optional.empty();
    }

    @Override
    public void close() {
        // no empty calendar is left behind when every item was refused; HTTP connections close with the client
        collections.removeUnused();
    }
}
