package org.mailmigrator.core.engine;

import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/** Opens a new logged-in session to one side; the engine opens one per worker and side. */
@FunctionalInterface
public interface SessionFactory {
    ConnectorSession open() throws ConnectorException;
}
