package org.mailmigrator.core.spi;

import java.util.Optional;

/**
 * A logged-in connection. What it can do beyond that is asked with {@link #capability(Class)}: a mail
 * source session offers a mail reader, a CalDAV destination an event writer, and so on.
 */
public interface ConnectorSession extends AutoCloseable {

    <T> Optional<T> capability(Class<T> type);

    /** Closes without throwing: a failure to log out cleanly must not hide the real outcome. */
    @Override
    void close();

    /**
     * Whether this session, its user done with it, may serve the next user of the same pass instead of a new login:
     * still connected (a connector may ask the server, one round trip, cheaper than a login), nothing of the last
     * user left open or in progress. Asked just before it is handed on; false closes it and a new session is opened.
     * Default false: a connector that does not say so gets a new session each time.
     */
    default boolean reusable() {
        return false;
    }

    /**
     * A session that offers one capability and holds nothing to release: for a connector that reads local files
     * (mail files, .ics, .vcf), whose reader opens and closes each file itself.
     */
    static <C> ConnectorSession offering(Class<C> type, C capability) {
        return new ConnectorSession() {
            @Override
            public <T> Optional<T> capability(Class<T> asked) {
                return asked == type ? Optional.of(asked.cast(capability)) : Optional.empty();
            }

            @Override
            public void close() {
                // nothing held: each file is opened and closed by the reader
            }
        };
    }
}
