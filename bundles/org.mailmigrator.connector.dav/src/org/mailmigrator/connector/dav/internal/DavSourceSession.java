package org.mailmigrator.connector.dav.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/**
 * A DAV source: the calendars and address books found from the account's URL (login checked by discovery), offered
 * as a {@link PimReader}; on close, what arrived is remembered for the next run ({@link SourceMemory}).
 */
public final class DavSourceSession implements ConnectorSession {
    private final SourceReader reader;
    private final SourceMemory memory;
    private final List<SourceDiscovery.Collection> collections;

    private DavSourceSession(SourceReader reader, SourceMemory memory, List<SourceDiscovery.Collection> collections) {
        this.reader = reader;
        this.memory = memory;
        this.collections = collections;
    }

    public static DavSourceSession open(DavSettings settings) throws ConnectorException {
        DavHttp http = new DavHttp(settings.login(), settings.authorization());
        List<SourceDiscovery.Collection> found = new SourceDiscovery(http).collections(settings.url(), settings.calendars(),
                settings.contacts());
        // an account without collections opens (a destination-to-be tested as an account, a new account); reading it
        // says that nothing was found, as a listed skip, never as an empty success
        String none = settings.url() + " holds no " + (settings.calendars() && settings.contacts() ? "calendar or address book"
                : settings.calendars() ? "calendar" : "address book") + " (neither itself nor in its home sets)";
        SourceMemory memory = SourceMemory.load(settings.syncState());
        return new DavSourceSession(new SourceReader(http, found, memory, none), memory, found);
    }

    /** The names of the calendars and address books found, for messages and tests. */
    public List<String> collections() {
        return collections.stream().map(c -> (c.calendar() ? "calendar " : "address book ") + c.name()).toList();
    }

    @Override
    public <T> Optional<T> capability(Class<T> type) {
        return type == PimReader.class ? Optional.of(type.cast(reader)) : Optional.empty();
    }

    @Override
    public void close() {
        try {
            memory.save();
        } catch (IOException e) {
            // nothing is lost: the next run reads these members again and finds them unchanged at the destination
        }
    }
}
