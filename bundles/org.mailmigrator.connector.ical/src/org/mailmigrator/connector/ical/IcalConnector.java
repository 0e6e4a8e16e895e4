package org.mailmigrator.connector.ical;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.mailmigrator.connector.ical.internal.IcsFile;
import org.mailmigrator.core.pim.FileSourceConnector;
import org.mailmigrator.core.pim.PimEntry;

/** Source of calendar events and tasks from .ics files. */
public final class IcalConnector extends FileSourceConnector {

    public IcalConnector() {
        super("ical", ".ics");
    }

    @Override
    protected List<PimEntry> parse(Path file, Optional<String> collection) throws IOException {
        return IcsFile.read(file, collection);
    }
}
