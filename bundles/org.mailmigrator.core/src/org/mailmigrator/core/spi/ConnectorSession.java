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
}
