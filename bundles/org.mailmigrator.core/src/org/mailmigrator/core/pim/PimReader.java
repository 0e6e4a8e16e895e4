package org.mailmigrator.core.pim;

import java.util.List;

import org.mailmigrator.core.spi.ConnectorException;

/** A source session's capability: every calendar, task and contact item it holds. */
public interface PimReader {

    /**
     * Reads all items. A malformed item is a {@link PimEntry.Malformed} entry, never an exception.
     *
     * @throws ConnectorException.AccountFailure when the source itself (file, folder) cannot be read
     */
    List<PimEntry> read() throws ConnectorException;
}
