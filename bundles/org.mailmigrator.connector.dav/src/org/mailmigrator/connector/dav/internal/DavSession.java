package org.mailmigrator.connector.dav.internal;

import java.util.Optional;

import org.mailmigrator.core.pim.PimWriter;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/** A checked connection to a DAV server (login verified by the first PROPFIND), offering a {@link PimWriter}. */
public final class DavSession implements ConnectorSession {
    private final PimWriter writer;

    private DavSession(PimWriter writer) {
        this.writer = writer;
    }

    public static DavSession open(DavSettings settings) throws ConnectorException {
        DavHttp http = new DavHttp(settings.login(), settings.password().reveal());
        return new DavSession(new DavWriter(http, DavCollections.discover(http, settings)));
    }

    @Override
    public <T> Optional<T> capability(Class<T> type) {
        return type == PimWriter.class ? Optional.of(type.cast(writer)) : Optional.empty();
    }

    @Override
    public void close() {
        // HTTP connections are pooled by the JDK client and closed with it
    }
}
