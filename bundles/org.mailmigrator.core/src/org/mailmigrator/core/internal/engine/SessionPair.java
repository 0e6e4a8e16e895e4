package org.mailmigrator.core.internal.engine;

import org.mailmigrator.core.engine.SessionFactory;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/**
 * One worker's connections: a source and a destination session, opened on first use and reopened after a
 * transient failure (a dropped connection leaves the session in an unknown state).
 */
final class SessionPair implements AutoCloseable {
    private final SessionFactory sourceFactory;
    private final SessionFactory destinationFactory;
    private ConnectorSession source;
    private ConnectorSession destination;

    SessionPair(SessionFactory sourceFactory, SessionFactory destinationFactory) {
        this.sourceFactory = sourceFactory;
        this.destinationFactory = destinationFactory;
    }

    MailStore source() throws ConnectorException {
        if (source == null) {
            source = sourceFactory.open();
        }
        return store(source, "source");
    }

    MailStore destination() throws ConnectorException {
        if (destination == null) {
            destination = destinationFactory.open();
        }
        return store(destination, "destination");
    }

    private static MailStore store(ConnectorSession session, String side) throws ConnectorException {
        return session.capability(MailStore.class).orElseThrow(() -> new ConnectorException.AccountFailure(
                "the " + side + " connector does not offer mail folders", null));
    }

    @Override
    public void close() {
        if (source != null) {
            source.close();
            source = null;
        }
        if (destination != null) {
            destination.close();
            destination = null;
        }
    }
}
