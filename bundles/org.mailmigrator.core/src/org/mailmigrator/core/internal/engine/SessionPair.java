package org.mailmigrator.core.internal.engine;

import java.util.ArrayList;
import java.util.List;

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

    /**
     * What the open sessions say of their links ({@link MailStore#link()}), as the run's log puts it: "source link:
     * ..." and "destination link: ..."; a side not open says nothing.
     */
    List<String> links() {
        List<String> lines = new ArrayList<>();
        link(source, "source", lines);
        link(destination, "destination", lines);
        return lines;
    }

    private static void link(ConnectorSession session, String side, List<String> lines) {
        if (session != null) {
            session.capability(MailStore.class).flatMap(MailStore::link).ifPresent(l -> lines.add(side + " link: " + l));
        }
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
