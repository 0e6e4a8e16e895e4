package org.mailmigrator.connector.ical;

import java.util.Optional;

import org.mailmigrator.connector.ical.internal.IcsFolderReader;
import org.mailmigrator.core.pim.FileSetReader;
import org.mailmigrator.core.pim.FileSourceConnector;

/** Source of calendar events and tasks from .ics files, read one item at a time. */
public final class IcalConnector extends FileSourceConnector {

    public IcalConnector() {
        super("ical", ".ics");
    }

    @Override
    protected FileSetReader.FileParser parser(Optional<String> collection) {
        return IcsFolderReader.parser(collection);
    }
}
